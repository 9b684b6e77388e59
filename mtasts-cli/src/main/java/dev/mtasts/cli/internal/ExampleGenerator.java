package dev.mtasts.cli.internal;

import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.tlsrpt.AppliedPolicy;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.GeneratedReport;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptReportBuilder;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the {@code examples/} domain folders: two weeks of TLS-RPT reports from three senders,
 * made with tlsrpt-model's report builder from a fixed seed, so running it again gives the same
 * files. Run it with {@code examples/generate}.
 *
 * <ul>
 *   <li>{@code example.com}: mode testing, every day reported, no failure on its own MX hosts (one
 *       certificate failure seen from a sender's private relay, which triage calls safe to ignore):
 *       ready to enforce.
 *   <li>{@code example.net}: not ready: {@code mx2.example.net} has served a certificate for
 *       another name since 2026-10-28, no report covers 2026-10-23, and one report file is
 *       truncated.
 * </ul>
 */
public final class ExampleGenerator {
  /** The seed of every random choice. */
  public static final long SEED = 8461_8460L;

  /** The first reported day. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 19);

  /** The number of reported days. */
  public static final int DAYS = 14;

  /** The ready domain. */
  public static final String READY = "example.com";

  /** The domain that is not ready. */
  public static final String NOT_READY = "example.net";

  private static final LocalDate MISSING_DAY = LocalDate.of(2026, 10, 23);
  private static final LocalDate MISMATCH_FROM = LocalDate.of(2026, 10, 28);
  private static final LocalDate TRUNCATED_DAY = LocalDate.of(2026, 10, 30);

  /** A reporting organization. */
  private record Sender(
      String organization, String contact, String domain, boolean gzip, int volume, List<String> ips) {}

  private static final List<Sender> SENDERS = List.of(
      new Sender("Google LLC", "smtp-tls-reporting@google.com", "google.com", true, 420,
          List.of("209.85.220.41", "209.85.220.69")),
      new Sender("Microsoft Corporation", "tlsrpt-noreply@microsoft.com", "microsoft.com", true, 230,
          List.of("40.107.22.54", "40.107.93.71")),
      new Sender("Mailer Example", "tlsrpt@mailer.example.org", "mailer.example.org", false, 45,
          List.of("10.20.30.40")));

  private ExampleGenerator() {}

  /**
   * Regenerates the example folders under the given folder (default {@code examples}).
   *
   * @param args the examples folder, optional
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "examples");
    generate(root);
    System.out.println("wrote " + root.resolve(READY) + " and " + root.resolve(NOT_READY));
  }

  /**
   * Writes both domain folders under {@code root}, replacing earlier versions of them.
   *
   * @param root the examples folder
   * @throws IOException if a file cannot be written
   */
  public static void generate(Path root) throws IOException {
    Random random = new Random(SEED);
    writeDomain(root.resolve(READY), READY, random, false);
    writeDomain(root.resolve(NOT_READY), NOT_READY, random, true);
  }

  private static void writeDomain(Path dir, String domain, Random random, boolean broken)
      throws IOException {
    deleteTree(dir);
    Files.createDirectories(dir.resolve(DomainFolder.REPORTS_DIR));
    List<String> mx = List.of("mx1." + domain, "mx2." + domain);
    MtaStsPolicy policy = MtaStsPolicy.of(Mode.TESTING, 604_800L,
        mx.stream().map(MxPattern::of).toList());
    Files.writeString(dir.resolve(DomainFolder.POLICY_FILE), policy.toText(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(DomainFolder.STS_FILE), "v=STSv1; id=20261012090000;\n");
    Files.writeString(dir.resolve(DomainFolder.TLSRPT_FILE),
        "v=TLSRPTv1; rua=mailto:tlsrpt@" + domain + "\n");
    Files.writeString(dir.resolve(DomainFolder.MX_FILE), "10 " + mx.get(0) + "\n20 " + mx.get(1) + "\n");

    List<String> lines = Arrays.asList(policy.toText().split("\r\n"));
    AppliedPolicy applied = AppliedPolicy.sts(domain, lines, mx);
    for (Sender sender : SENDERS) {
      TlsRptReportBuilder builder =
          TlsRptReportBuilder.newBuilder(sender.organization(), sender.contact(), sender.domain());
      for (int d = 0; d < DAYS; d++) {
        LocalDate day = FIRST_DAY.plusDays(d);
        if (broken && day.equals(MISSING_DAY)) {
          continue;
        }
        Instant noon = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        builder.recordSuccesses(applied, noon, sender.volume() + random.nextInt(sender.volume() / 3));
        if (broken && !day.isBefore(MISMATCH_FROM) && !sender.ips().get(0).startsWith("10.")) {
          // A renewed certificate on mx2 names another host: every sender fails there.
          String ip = sender.ips().get(random.nextInt(sender.ips().size()));
          builder.recordFailure(applied, noon, FailureDetail.of(
              ResultType.CERTIFICATE_HOST_MISMATCH, ip, mx.get(1), 8 + random.nextInt(20)));
        }
        if (!broken && sender.ips().get(0).startsWith("10.") && d == 9) {
          // The sender's relay cannot validate modern TLS (an outdated stack): enforcing against
          // such servers is the point, so triage calls it usually safe to ignore.
          builder.recordFailure(applied, noon, FailureDetail.of(
              ResultType.VALIDATION_FAILURE, sender.ips().get(0), mx.get(0), 2));
        }
      }
      for (GeneratedReport generated : builder.drainAll()) {
        write(dir.resolve(DomainFolder.REPORTS_DIR), sender, generated, random,
            broken && sender.domain().equals("mailer.example.org")
                && generated.report().dateRange().firstDay().equals(TRUNCATED_DAY));
      }
    }
  }

  /** Writes one report under a report-id and file name drawn from the seeded generator. */
  private static void write(Path reports, Sender sender, GeneratedReport generated, Random random,
      boolean truncate) throws IOException {
    TlsRptReport r = generated.report();
    byte[] unique = new byte[8];
    random.nextBytes(unique);
    String id = HexFormat.of().formatHex(unique);
    String domain = r.policies().get(0).policyDomain();
    // The builder draws report-ids from SecureRandom; the examples need them from the seed.
    TlsRptReport report = TlsRptReport.of(r.organizationName(), r.dateRange(), r.contactInfo(),
        r.dateRange().firstDay() + "T00:00:00Z_" + domain + "_" + id, r.policies());
    ReportFileName name = ReportFileName.of(sender.domain(), String.valueOf(domain), r.dateRange(), id,
        sender.gzip());
    byte[] bytes = sender.gzip()
        ? TlsRptWriter.compact().writeGzip(report)
        : TlsRptWriter.pretty().write(report);
    if (truncate) {
      // A report cut off in transit: the reader must list it as unreadable and go on.
      bytes = Arrays.copyOf(bytes, bytes.length / 2);
    }
    Files.write(reports.resolve(name.fileName()), bytes);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Set<String> ours = Set.of(DomainFolder.POLICY_FILE, DomainFolder.STS_FILE,
        DomainFolder.TLSRPT_FILE, DomainFolder.MX_FILE, DomainFolder.REPORTS_DIR);
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Path relative = dir.relativize(file);
          if (ours.contains(relative.getName(0).toString())) {
            Files.delete(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
