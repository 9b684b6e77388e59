package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.TlsRptWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The TLS-RPT reader and writer of tlsrpt-model, exercised through the testkit's arbitraries
 * (here rather than in tlsrpt-model: the testkit depends on it, and Maven refuses cycles).
 */
final class ReportPropertiesTest {
  @Provide
  Arbitrary<TlsRptReport> reports() {
    return MtaStsArbitraries.reports();
  }

  @Provide
  Arbitrary<Written<TlsRptReport>> json() {
    return MtaStsArbitraries.reportJson();
  }

  @Provide
  Arbitrary<QuirkyReportJson> quirky() {
    return MtaStsArbitraries.quirkyReportJson();
  }

  // A valid report with one character deleted, replaced or inserted: mostly broken JSON, sometimes
  // valid JSON with a broken value.
  @Provide
  Arbitrary<String> mutatedJson() {
    return Combinators.combine(MtaStsArbitraries.reportJson(), Arbitraries.integers().between(0, 1 << 20),
            Arbitraries.of('"', '{', '}', '[', ']', ',', ':', '0', '-', 'x', ' ', '\u0000', '\u00e9'),
            Arbitraries.integers().between(0, 2))
        .as((w, at, c, op) -> {
          String t = w.text();
          int i = at % t.length();
          switch (op) {
            case 0:
              return t.substring(0, i) + t.substring(i + 1);
            case 1:
              return t.substring(0, i) + c + t.substring(i + 1);
            default:
              return t.substring(0, i) + c + t.substring(i);
          }
        });
  }

  @Property
  void writtenReportsReadBackEqual(@ForAll("reports") TlsRptReport report) {
    assertEquals(report, TlsRptReader.strict().read(TlsRptWriter.compact().write(report)).value());
    assertEquals(report, TlsRptReader.strict().read(TlsRptWriter.pretty().writeString(report)).value());
    assertEquals(report, TlsRptReader.lenient().read(TlsRptWriter.compact().writeGzip(report)).value());
  }

  @Property
  void strictJsonReadsToTheReportItMeans(@ForAll("json") Written<TlsRptReport> written) {
    assertEquals(written.value(), TlsRptReader.strict().read(written.text()).value());
    assertEquals(written.value(), TlsRptReader.lenient().read(written.text()).value());
  }

  @Property
  void lenientReaderAcceptsEveryRealWorldQuirkAndTheResultRoundTrips(@ForAll("quirky") QuirkyReportJson q) {
    ParseResult<TlsRptReport> r = TlsRptReader.lenient().read(q.json());
    assertFalse(r.value().policies().isEmpty());
    TlsRptReport again = TlsRptReader.lenient().read(TlsRptWriter.compact().write(r.value())).value();
    assertEquals(r.value(), again);
  }

  // Quirks that break RFC 8460 §4.4 outright (contact-info null, a date-time without offset,
  // counts as strings; RFC 8460 §4.4 and RFC 3339 §5.6): strict refuses them.
  private static final Set<ReportQuirk> NOT_RFC = EnumSet.of(ReportQuirk.CONTACT_INFO_NULL,
      ReportQuirk.DATETIME_WITHOUT_OFFSET, ReportQuirk.COUNTS_AS_STRINGS);

  // Quirks the lenient reader accepts with a warning (issue 5: "each tolerance reported as a warning").
  private static final Set<ReportQuirk> WARNED = EnumSet.of(ReportQuirk.CONTACT_INFO_NULL,
      ReportQuirk.DATETIME_WITHOUT_OFFSET, ReportQuirk.COUNTS_AS_STRINGS, ReportQuirk.MX_HOST_PATTERN_NAME,
      ReportQuirk.ADDITIONAL_INFO_URI_NAME, ReportQuirk.EMPTY_SENDING_MTA_IP, ReportQuirk.MX_HOST_WITH_POLICY_LINES);

  @Property
  void strictReaderRefusesQuirksThatBreakTheRfc(@ForAll("quirky") QuirkyReportJson q) {
    Assume.that(!Collections.disjoint(q.quirks(), NOT_RFC));
    assertThrows(ReportParseException.class, () -> TlsRptReader.strict().read(q.json()), q.quirks()::toString);
  }

  @Property
  void lenientReaderWarnsAboutEveryDeviation(@ForAll("quirky") QuirkyReportJson q) {
    // A quirk is only a deviation where the report has something to apply it to (an empty
    // sending-mta-ip needs a failure detail that still has one, for example).
    Assume.that(WARNED.stream().anyMatch(quirk -> q.quirks().contains(quirk) && shows(quirk, q.json())));
    assertFalse(TlsRptReader.lenient().read(q.json()).warnings().isEmpty(), q.quirks()::toString);
  }

  // Regression: quirks() used to name every quirk asked for, even one that found nothing to act on
  // (an empty sending-mta-ip on a detail whose addresses another quirk had removed).
  @Property
  void quirksNameOnlyDeviationsTheTextCarries(@ForAll("quirky") QuirkyReportJson q) {
    for (ReportQuirk quirk : q.quirks()) {
      assertTrue(shows(quirk, q.json()), () -> quirk + " is named but not in " + q.json());
    }
  }

  private static boolean shows(ReportQuirk quirk, String json) {
    switch (quirk) {
      case CONTACT_INFO_NULL:
        return json.matches("(?s).*\"contact-info\"\\s*:\\s*null.*");
      case MX_HOST_PATTERN_NAME:
        return json.contains("\"mx-host-pattern\"");
      case ADDITIONAL_INFO_URI_NAME:
        return json.contains("\"additional-info-uri\"");
      case EMPTY_SENDING_MTA_IP:
        return json.matches("(?s).*\"sending-mta-ip\"\\s*:\\s*\"\".*");
      case MX_HOST_WITH_POLICY_LINES:
        return json.contains("\"mx: ");
      default:
        return true;
    }
  }

  @Property
  void readersThrowOnlyTheDocumentedExceptionOnMutatedJson(@ForAll("mutatedJson") String json) {
    for (TlsRptReader reader : new TlsRptReader[] {TlsRptReader.strict(), TlsRptReader.lenient()}) {
      try {
        TlsRptReport report = reader.read(json.getBytes(StandardCharsets.UTF_8)).value();
        assertEquals(report, reader.read(TlsRptWriter.compact().write(report)).value());
      } catch (ReportParseException expected) {
        assertFalse(expected.getMessage().isEmpty());
      }
    }
  }
}
