package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.ReportSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19: {@code report summarize --state FILE} keeps a summary across runs. */
final class ReportSummarizeStateTest {
  @TempDir Path dir;

  private Path report(String name, String id, String day, long ok) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "{\"organization-name\":\"Org\",\"date-range\":{\"start-datetime\":"
        + "\"" + day + "T00:00:00Z\",\"end-datetime\":\"" + day + "T23:59:59Z\"},"
        + "\"contact-info\":\"tls@org.example\",\"report-id\":\"" + id + "\",\"policies\":[{\"policy\":"
        + "{\"policy-type\":\"sts\",\"policy-domain\":\"example.com\"},\"summary\":"
        + "{\"total-successful-session-count\":" + ok + ",\"total-failure-session-count\":0}}]}");
    return p;
  }

  private static long successful(Cli.Result r) {
    List<Json> domains = Json.parse(r.out()).objects("domains");
    assertEquals(1, domains.size(), r::toString);
    return ((Number) domains.get(0).get("successfulSessions")).longValue();
  }

  @Test
  void aDailyRunAddsOnlyTheNewReportsAndCountsARepeatedOneOnce() throws IOException {
    Path state = dir.resolve("summary.bin");
    Path day1 = report("day1.json", "r-1", "2026-11-20", 10);
    Cli.Result first = Cli.exec("report", "summarize", "--json", "--state", state.toString(), day1.toString());
    assertEquals(0, first.status(), first::toString);
    assertTrue(Files.isRegularFile(state));
    assertEquals(10, successful(first));

    // The next day: one new report, and yesterday's delivered once more (by HTTPS, say).
    Path day2 = report("day2.json", "r-2", "2026-11-21", 7);
    Path again = dir.resolve("copy-of-day1.json");
    Files.copy(day1, again);
    Files.delete(day1);
    Cli.Result second = Cli.exec("report", "summarize", "--json", "--state", state.toString(),
        day2.toString(), again.toString());
    assertEquals(0, second.status(), second::toString);
    assertEquals(17, successful(second));
    Json out = Json.parse(second.out());
    assertEquals(1, ((Number) out.get("duplicates")).intValue(), second::toString);
    assertEquals(2, ((Number) out.get("savedReports")).intValue(), second::toString);

    ReportSummary saved = ReportSummary.fromBytes(Files.readAllBytes(state));
    assertEquals(2, saved.reportCount());
    assertEquals(1, saved.duplicateReports());

    Cli.Result text = Cli.exec("report", "summarize", "--state", state.toString(), day2.toString());
    assertTrue(text.out().contains("Saved summary " + state + ": 2 reports before, 2 now ("),
        text::toString);
  }

  @Test
  void aConflictWithASavedReportNamesTheSavedSummary() throws IOException {
    Path state = dir.resolve("summary.bin");
    Cli.exec("report", "summarize", "--state", state.toString(),
        report("a.json", "r-1", "2026-11-20", 10).toString());
    Path edited = report("edited.json", "r-1", "2026-11-20", 99);
    Cli.Result r = Cli.exec("report", "summarize", "--state", state.toString(), edited.toString());
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("(a report in the saved summary) and " + edited), r::toString);
    assertFalse(r.out().contains("Unreadable"), r::toString);
  }

  @Test
  void aDamagedStateFileIsRefusedWithItsOffsetAndLeftUnchanged() throws IOException {
    Path state = dir.resolve("summary.bin");
    Path day1 = report("day1.json", "r-1", "2026-11-20", 10);
    Cli.exec("report", "summarize", "--state", state.toString(), day1.toString());
    byte[] b = Files.readAllBytes(state);
    byte[] cut = Arrays.copyOf(b, b.length - 5);
    Files.write(state, cut);
    Cli.Result r = Cli.exec("report", "summarize", "--state", state.toString(), day1.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("truncated at byte " + cut.length + ": "), r::toString);
    assertTrue(Arrays.equals(cut, Files.readAllBytes(state)));
  }

  @Test
  void anotherFileAsStateIsRefused() throws IOException {
    Path day1 = report("day1.json", "r-1", "2026-11-20", 10);
    Cli.Result r = Cli.exec("report", "summarize", "--state", day1.toString(), day1.toString());
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.err().contains("not-a-summary at byte 0: "), r::toString);
  }
}
