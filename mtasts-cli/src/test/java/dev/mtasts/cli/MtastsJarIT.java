package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.cli.internal.ExampleGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a user does ({@code java -jar mtasts.jar ...}), once per command family. */
final class MtastsJarIT {
  @TempDir static Path examples;

  private static Path jar;

  /** The outcome of one run of the jar. */
  record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    String property = System.getProperty("mtasts.cli.jar");
    jar = Path.of(property == null ? "target/mtasts.jar" : property);
    assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar);
    ExampleGenerator.generate(examples);
  }

  private static Run run(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "mtasts did not finish");
    Run run = new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
        new String(err.join(), StandardCharsets.UTF_8));
    // The contract: nothing but 0, 1, 2, and never a stack trace without --debug.
    assertTrue(run.status() >= 0 && run.status() <= 2, run::toString);
    assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run::toString);
    assertFalse(run.err().contains("SLF4J"), run::toString);
    return run;
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void helpAndUsageErrors() throws Exception {
    assertEquals(0, run("", "--help").status());
    Run usage = run("", "policy", "check");
    assertEquals(2, usage.status(), usage::toString);
    assertTrue(usage.err().startsWith("mtasts: Missing required parameter: 'FILE'"), usage::toString);
  }

  @Test
  void policyCheckAndNew() throws Exception {
    Run valid = run("version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800\n", "policy", "check", "-");
    assertEquals(0, valid.status(), valid::toString);
    assertEquals("version: STSv1\r\nmode: enforce\r\nmx: mx.example.com\r\nmax_age: 604800\r\n", valid.out());
    Run invalid = run("version: STSv1\nmode: enforced\n", "policy", "check", "-");
    assertEquals(1, invalid.status(), invalid::toString);
    assertTrue(invalid.err().startsWith("<stdin>:2:7: error invalid-mode: "), invalid::toString);
    Run missing = run("", "policy", "check", examples.resolve("nope.txt").toString());
    assertEquals(2, missing.status(), missing::toString);
    assertEquals(0, run("", "policy", "new", "--mode", "none").status());
  }

  @Test
  void recordCheckAndNewId() throws Exception {
    assertEquals(0, run("", "record", "check", "v=STSv1; id=20261012090000;").status());
    Run bad = run("", "record", "check", "--json", "v=STSv1; id=a-b;");
    assertEquals(1, bad.status(), bad::toString);
    assertEquals(false, Json.parse(bad.out()).get("valid"));
    assertTrue(run("", "record", "new-id").out().matches("\\d{14}\n"));
  }

  @Test
  void dnsAgainstALoopbackServer() throws Exception {
    try (TestDnsServer dns = new TestDnsServer()
        .txt("_mta-sts.jar.example", "v=STSv1; id=1;")
        .txt("_smtp._tls.jar.example", "v=TLSRPTv1; rua=mailto:tls@jar.example")
        .mx("jar.example", 10, "mx.jar.example")) {
      Run ok = run("", "dns", "jar.example", "--resolver", dns.address());
      assertEquals(0, ok.status(), ok::toString);
      assertEquals("", ok.err(), ok::toString);
      assertTrue(ok.out().contains("jar.example MX: 10 mx.jar.example"), ok::toString);
    }
    try (TestDnsServer refusing = new TestDnsServer().refuseAll()) {
      Run refused = run("", "dns", "jar.example", "--resolver", refusing.address(), "--retries", "0");
      assertEquals(1, refused.status(), refused::toString);
      assertTrue(refused.out().contains("temporary failure REFUSED"), refused::toString);
    }
  }

  @Test
  void reportSummarize() throws Exception {
    Run run = run("", "report", "summarize", "--json", examples.toString());
    assertEquals(1, run.status(), run::toString);
    Json json = Json.parse(run.out());
    assertEquals(80L, json.get("reports"));
    assertEquals(1L, json.get("unreadable"));
    // Standard error is a pipe here: no progress bar even with 81 files.
    assertEquals("", run.err(), run::toString);
  }

  @Test
  void readinessAndPlan() throws Exception {
    Run ready = run("", "readiness", "--as-of", "2026-11-01", examples.resolve("example.com").toString());
    assertEquals(0, ready.status(), ready::toString);
    assertTrue(ready.out().startsWith("example.com: READY to enforce"), ready::toString);
    Run notReady = run("", "readiness", "--as-of", "2026-11-01", examples.resolve("example.net").toString());
    assertEquals(1, notReady.status(), notReady::toString);
    Run plan = run("", "plan", "enforce", "--as-of", "2026-11-01", examples.resolve("example.com").toString());
    assertEquals(0, plan.status(), plan::toString);
    assertTrue(plan.out().contains("Change the TXT record _mta-sts.example.com"), plan::toString);
  }

  @Test
  void theReadmeFirstCommandWorksOnTheCommittedExamples() throws Exception {
    String dir = System.getProperty("mtasts.examples.dir");
    assumeTrue(dir != null && Files.isDirectory(Path.of(dir)));
    Run ready = run("", "readiness", "--as-of", "2026-11-01", Path.of(dir, ExampleGenerator.READY).toString());
    assertEquals(0, ready.status(), ready::toString);
  }
}
