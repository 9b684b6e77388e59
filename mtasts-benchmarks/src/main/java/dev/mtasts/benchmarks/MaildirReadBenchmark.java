package dev.mtasts.benchmarks;

import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import dev.mtasts.tlsrpt.mail.MailSource;
import dev.mtasts.tlsrpt.mail.ReportMail;
import dev.mtasts.tlsrpt.mail.ReportMailReader;
import dev.mtasts.tlsrpt.mail.ReportMailWriter;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading a Maildir of 10,000 RFC 8460 §5.3 report mails (as {@code ReportMailWriter} writes
 * them: a text part and a base64 gzip attachment) with {@code MailSource} and {@code
 * ReportMailReader}: the MIME walk, base64, inflate and the report JSON. Baseline (same run): the
 * same MIME library, Angus Mail, parsing each file to its message tree and extracting the
 * attachment's decoded bytes, without reading the report. Times are per mail; target ≥ 2,000
 * mails/s (≤ 500 µs a mail) on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class MaildirReadBenchmark {

  /** Mails in the Maildir. */
  static final int MAILS = 10_000;

  private Path maildir = Path.of(".");
  private List<Path> files = List.of();
  private final ReportMailReader reader = ReportMailReader.lenient();
  private final Session session = Session.getInstance(new Properties());

  /** Creates the benchmark state; JMH calls it. */
  public MaildirReadBenchmark() {}

  /**
   * Writes the Maildir: one report mail per policy domain, 10,000 domains.
   *
   * @param params which benchmark runs in this fork
   * @throws IOException when the temporary folder cannot be written
   */
  @Setup
  public void setUp(BenchmarkParams params) throws IOException {
    if (params.getBenchmark().endsWith("Baseline")) {
      // The baseline does not pay the per-part ServiceLoader scan of Jakarta Mail's StreamProvider
      // lookup on a class path either: the SDK answers it per parse (StreamProviderLookup), the
      // baseline by the system property, set only in its own fork (each benchmark runs in a new
      // JVM), so the SDK's run sees the property unset, as a user's JVM does.
      System.setProperty("jakarta.mail.util.StreamProvider",
          "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    maildir = Files.createTempDirectory("mtasts-bench-maildir");
    Files.createDirectories(maildir.resolve("cur"));
    Files.createDirectories(maildir.resolve("new"));
    TlsRptReportBuilder b = TlsRptReportBuilder.newBuilder(
        "Example Sender", "tlsrpt@sender.example", "sender.example");
    Instant when = Instant.parse("2026-11-24T10:00:00Z");
    for (int i = 0; i < MAILS; i++) {
      String domain = "d" + i + ".example";
      b.recordSuccesses(AppliedPolicy.sts(domain, List.of("version: STSv1", "mode: enforce",
          "mx: mx." + domain, "max_age: 604800"), List.of("mx." + domain)), when, 100 + i);
    }
    ReportMailWriter writer =
        ReportMailWriter.of(Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));
    int i = 0;
    for (GeneratedReport r : b.drainAll()) {
      Files.write(maildir.resolve("cur").resolve("1764032400.M" + i++ + "P1.mx:2,S"),
          writer.write(r, "tlsrpt@sender.example", "tlsrpt@" + r.fileName().policyDomain()));
    }
    try (Stream<Path> s = Files.list(maildir.resolve("cur"))) {
      files = s.sorted().toList();
    }
  }

  /**
   * Deletes the Maildir.
   *
   * @throws IOException when it cannot be deleted
   */
  @TearDown
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(maildir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * Reads every mail of the Maildir into reports.
   *
   * @param bh consumes the reports
   */
  @Benchmark
  @OperationsPerInvocation(MAILS)
  public void readMaildir(Blackhole bh) {
    MailSource.read(maildir, reader, e -> {
      if (e.outcome() instanceof ReportMail m) {
        bh.consume(m.reports());
      } else {
        throw new IllegalStateException(e.location() + ": " + e.outcome());
      }
    });
  }

  /**
   * Parses every mail to Angus Mail's message tree and extracts the attachment's decoded bytes.
   *
   * @param bh consumes the bytes
   */
  @Benchmark
  @OperationsPerInvocation(MAILS)
  public void readMaildirBaseline(Blackhole bh) {
    try {
      for (Path f : files) {
        MimeMessage msg;
        try (InputStream in = Files.newInputStream(f)) {
          msg = new MimeMessage(session, in);
        }
        MimeMultipart mp = new MimeMultipart(new MimePartDataSource(msg));
        for (int i = 0; i < mp.getCount(); i++) {
          BodyPart part = mp.getBodyPart(i);
          if (part.isMimeType("application/tlsrpt+gzip")) {
            try (InputStream in = part.getInputStream()) {
              bh.consume(in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
