package dev.mtasts.audit;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.lifecycle.PublicationHistory;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.testkit.net.TestPki;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves the fake domain on loopback in-JVM until standard input closes, for a quick manual run of
 * the real {@code ./mtasts check} without installing servers ({@code .ci/real-check-suite} runs it
 * against NSD, nginx and Postfix, with {@link CheckFixture}): with
 * two defects, mx2.example.test pointing at a server whose certificate covers another name, and a
 * publication history that recorded the id with the policy in mode testing. Writes the trusted
 * roots ({@code DIR/trust.pem}), the history ({@code DIR/history.json}) and the command's flags
 * ({@code DIR/flags}, one a line), then prints "ready".
 *
 * <pre>{@code java -cp ... dev.mtasts.audit.FakeDomainMain DIR}</pre>
 */
public final class FakeDomainMain {
  private FakeDomainMain() {}

  /**
   * Starts the domain.
   *
   * @param args the directory for the files
   * @throws Exception if a server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: FakeDomainMain DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    try (FakeDomain domain = new FakeDomain()) {
      domain.mx(FakeDomain.MX2, SmtpCase.OTHER_NAME);
      write(dir, domain);
      System.out.println("ready");
      System.out.flush();
      // Serve until the caller closes our standard input (or kills us).
      while (System.in.read() >= 0) {
        // keep serving
      }
    }
  }

  private static void write(Path dir, FakeDomain domain) throws IOException {
    TestPki.writePem(dir.resolve("trust.pem"), (Object[]) domain.roots().toArray(new X509Certificate[0]));
    PublicationHistory.empty(FakeDomain.DOMAIN).served(PolicyId.of(FakeDomain.ID),
        MtaStsPolicy.parse(FakeDomain.POLICY.replace("mode: enforce", "mode: testing")),
        Instant.parse("2026-11-01T00:00:00Z")).write(dir.resolve("history.json"));
    List<String> flags = new ArrayList<>();
    flags.add("--resolver");
    flags.add("127.0.0.1:" + domain.dns.address().getPort());
    for (Map.Entry<String, InetSocketAddress> c : domain.connect.entrySet()) {
      flags.add("--connect");
      flags.add(c.getKey() + "=" + c.getValue().getAddress().getHostAddress() + ":" + c.getValue().getPort());
    }
    flags.add("--trust");
    flags.add(dir.resolve("trust.pem").toString());
    flags.add("--history");
    flags.add(dir.resolve("history.json").toString());
    Files.write(dir.resolve("flags"), flags, StandardCharsets.UTF_8);
  }
}
