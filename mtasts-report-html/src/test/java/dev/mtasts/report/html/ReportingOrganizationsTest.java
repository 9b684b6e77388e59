package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReportingOrganizationsTest {
  private static TlsRptReport read(String json) {
    return TlsRptReader.lenient().read(json).value();
  }

  @Test
  void countsEachReportOnceAndSortsByShare() {
    ReportingOrganizations.Accumulator acc = ReportingOrganizations.newAccumulator();
    TlsRptReport a = read(Fixtures.report("Org A", "a1", "2026-11-01", "example.com", 10, 0, "", "", ""));
    assertTrue(acc.add(a));
    assertFalse(acc.add(a), "the same organization and report-id count once");
    acc.add(read(Fixtures.report("Org B", "b1", "2026-11-01", "Example.COM", 90, 10,
        "certificate-expired", "192.0.2.1", "mx1.example.com")));
    List<OrganizationShare> shares = acc.snapshot().of("EXAMPLE.com");
    assertEquals(List.of(new OrganizationShare("Org B", 1, 100), new OrganizationShare("Org A", 1, 10)),
        shares);
    assertEquals(List.of(), acc.snapshot().of("example.org"));
    assertEquals(List.of(), ReportingOrganizations.empty().of("example.com"));
  }

  @Test
  void stsAndTlsaFiguresOfOneReportAreNotAddedUp() {
    String json = "{\"organization-name\":\"Microsoft\",\"date-range\":{\"start-datetime\":"
        + "\"2026-11-01T00:00:00Z\",\"end-datetime\":\"2026-11-01T23:59:59Z\"},\"contact-info\":\"x\","
        + "\"report-id\":\"m1\",\"policies\":["
        + policy("sts", 20, 2) + "," + policy("tlsa", 20, 2) + "," + policy("no-policy-found", 5, 0) + "]}";
    ReportingOrganizations.Accumulator acc = ReportingOrganizations.newAccumulator();
    acc.add(read(json));
    assertEquals(List.of(new OrganizationShare("Microsoft", 1, 27)), acc.snapshot().of("example.com"));
  }

  private static String policy(String type, long ok, long failed) {
    return "{\"policy\":{\"policy-type\":\"" + type + "\",\"policy-domain\":\"example.com\"},"
        + "\"summary\":{\"total-successful-session-count\":" + ok + ",\"total-failure-session-count\":"
        + failed + "}}";
  }

  @Test
  void shareNeedsAReport() {
    assertThrows(IllegalArgumentException.class, () -> new OrganizationShare("x", 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new OrganizationShare("x", 1, -1));
  }
}
