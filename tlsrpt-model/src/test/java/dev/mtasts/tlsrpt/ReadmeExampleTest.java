package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example of the tlsrpt-model guide (docs/tlsrpt-model.md), compiled and run against the corpus folder. */
final class ReadmeExampleTest {

  /** Summarises every report file in a folder; returns the lines the guide's example prints. */
  static List<String> summarizeFolder(Path folder, String domain) throws IOException {
    List<String> out = new ArrayList<>();
    ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".json") && !name.endsWith(".json.gz")) {
          continue;
        }
        try {
          ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(file);
          r.warnings().forEach(w -> out.add("warning " + name + " " + w));
          acc.add(r.value());
        } catch (ReportParseException e) {
          out.add("skipped " + name + ": " + e.getMessage() + " [" + e.code() + "]");
        }
      }
    }
    ReportSummary summary = acc.snapshot();
    DomainSummary d = summary.domain(domain);
    out.add(domain + ": " + d.sessions().successful() + " ok, " + d.sessions().failed()
        + " failed, days covered " + d.coveredDays());
    for (FailureGroup g : d.failureGroups()) {
      out.add("  " + g.triage() + " " + g.resultType() + " x" + g.failedSessions()
          + " from " + g.sendingMtaIps().keySet() + " to " + g.receivingMxHosts().keySet());
    }
    return out;
  }

  @Test
  void summarizesTheCorpusFolder() throws IOException {
    List<String> lines = summarizeFolder(Corpus.tlsrptDir(), "example.com");
    String last = lines.stream().filter(l -> l.startsWith("example.com: ")).findFirst().orElseThrow();
    assertTrue(last.contains(" failed, days covered ["), last);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("skipped")), String.join("\n", lines));
    assertTrue(
        lines.stream().anyMatch(l -> l.equals("  FIX_OUR_SIDE certificate-expired x2 from [192.0.2.1] to [mail.example.com]")),
        String.join("\n", lines));
    assertEquals(1, lines.stream().filter(l -> l.contains("FIX_POLICY_HOSTING")).count(), String.join("\n", lines));
  }
}
