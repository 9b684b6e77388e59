package dev.mtasts.sender;

import dev.mtasts.policy.MtaStsPolicy;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child process of the kill-and-restart test: writes policies of five domains into a
 * directory store as fast as it can, printing a line after each write, until it is killed.
 */
final class StoreWriterMain {
  private StoreWriterMain() {}

  static String text(String domain, long version) {
    return Scripted.policyText(domain, "enforce", 86400) + "x-version: " + version + "\n" + "x-pad: " + "p".repeat(1 + (int) (version % 2000)) + "\n";
  }

  public static void main(String[] args) {
    PolicyStore store = PolicyStore.directory(Path.of(args[0]));
    for (long v = 0; ; v++) {
      String d = "d" + (v % 5) + ".example";
      String t = text(d, v);
      store.save(new CachedPolicy(d, "id" + v, MtaStsPolicy.parse(t), t, Instant.EPOCH.plusSeconds(v)));
      System.out.println(v);
      System.out.flush();
    }
  }
}
