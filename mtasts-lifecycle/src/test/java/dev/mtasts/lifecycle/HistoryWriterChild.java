package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A child JVM for {@link PublicationHistoryCrashTest}: writes a history file in a loop until it
 * is killed ({@code cycle FILE}), or records {@code N} events under the lock ({@code update FILE
 * TAG N}). Prints {@code ready} when loaded, waits for a line on stdin, prints {@code writing}
 * after its first write.
 */
final class HistoryWriterChild {
  /** The states of the {@code cycle} mode: the history with 0 to {@code CYCLE - 1} entries. */
  static final int CYCLE = 40;

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private HistoryWriterChild() {}

  /** The {@code n}-th state of the cycle: {@code n} policies served one hour after the other. */
  static PublicationHistory state(int n) {
    PublicationHistory h = PublicationHistory.empty(Fixtures.DOMAIN);
    for (int i = 0; i < n; i++) {
      h = next(h);
    }
    return h;
  }

  /** The history with one more entry: the next policy, served an hour after the last event. */
  static PublicationHistory next(PublicationHistory h) {
    int n = h.entries().size();
    return h.served(PolicyId.of("c" + n), Fixtures.testing(), T0.plusSeconds(3600L * n));
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[1]);
    // Load and warm up everything a write needs before saying ready.
    PublicationHistory.parse(state(1).toJson());
    System.out.println("ready");
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (in.readLine() == null) {
      return;
    }
    if (args[0].equals("cycle")) {
      boolean first = true;
      while (true) {
        PublicationHistory current = PublicationHistory.read(file, Fixtures.DOMAIN);
        int n = current.entries().size();
        PublicationHistory next = n + 1 == CYCLE ? PublicationHistory.empty(Fixtures.DOMAIN)
            : next(current);
        next.write(file);
        if (first) {
          System.out.println("writing");
          System.out.flush();
          first = false;
        }
      }
    }
    String tag = args[2];
    int count = Integer.parseInt(args[3]);
    for (int i = 0; i < count; i++) {
      int seq = i;
      PublicationHistory.update(file, Fixtures.DOMAIN, h -> {
        Instant at = h.lastEvent().map(t -> t.plusSeconds(1)).orElse(T0);
        return h.served(PolicyId.of(tag + seq), Fixtures.testing(), at);
      });
    }
    System.out.println("done");
  }
}
