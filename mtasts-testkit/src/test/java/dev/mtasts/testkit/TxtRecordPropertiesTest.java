package dev.mtasts.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;
import dev.mtasts.dns.StsRecord;
import dev.mtasts.dns.TlsRptRecord;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The TXT record parsers and serializers of mtasts-dns, exercised through the testkit's
 * arbitraries (here rather than in mtasts-dns: the testkit depends on it, and Maven refuses cycles).
 */
final class TxtRecordPropertiesTest {
  // Codes a strict parser may report for a broken rule of either record.
  private static final Set<RecordErrorCode> SYNTAX = EnumSet.of(RecordErrorCode.MISSING_DELIMITER,
      RecordErrorCode.EMPTY_FIELD, RecordErrorCode.TRAILING_WHITESPACE, RecordErrorCode.MALFORMED_FIELD,
      RecordErrorCode.INVALID_FIELD_NAME, RecordErrorCode.INVALID_FIELD_VALUE, RecordErrorCode.INVALID_CHARACTER);

  private static Set<RecordErrorCode> codes(StsRecordRule rule) {
    switch (rule) {
      case LEADING_WHITESPACE:
      case VERSION_CASE:
        return EnumSet.of(RecordErrorCode.MISSING_VERSION, RecordErrorCode.WRONG_VERSION);
      case VERSION_VALUE:
        return EnumSet.of(RecordErrorCode.WRONG_VERSION, RecordErrorCode.MISSING_VERSION);
      case MISSING_ID:
        return EnumSet.of(RecordErrorCode.MISSING_ID);
      case EMPTY_ID:
      case ID_TOO_LONG:
      case ID_CHARACTER:
        return EnumSet.of(RecordErrorCode.INVALID_ID, RecordErrorCode.INVALID_CHARACTER);
      case WHITESPACE_AROUND_EQUALS:
        return union(SYNTAX, RecordErrorCode.INVALID_ID, RecordErrorCode.MISSING_ID);
      default:
        return SYNTAX;
    }
  }

  private static Set<RecordErrorCode> codes(TlsRptRecordRule rule) {
    switch (rule) {
      case LEADING_WHITESPACE:
      case VERSION_CASE:
      case VERSION_VALUE:
        return EnumSet.of(RecordErrorCode.MISSING_VERSION, RecordErrorCode.WRONG_VERSION);
      case MISSING_RUA:
        // RUA=a , b is an extension whose value cannot hold the space: a syntax error comes first.
        return union(SYNTAX, RecordErrorCode.MISSING_RUA);
      case EMPTY_RUA:
      case URI_WITHOUT_SCHEME:
      case EMPTY_URI:
      case UNENCODED_EXCLAMATION:
        return EnumSet.of(RecordErrorCode.INVALID_RUA);
      case SPACE_IN_URI:
        return union(SYNTAX, RecordErrorCode.INVALID_RUA);
      default:
        return SYNTAX;
    }
  }

  private static Set<RecordErrorCode> union(Set<RecordErrorCode> base, RecordErrorCode... more) {
    Set<RecordErrorCode> all = EnumSet.copyOf(base);
    all.addAll(Set.of(more));
    return all;
  }

  @Provide
  Arbitrary<StsRecord> stsRecords() {
    return MtaStsArbitraries.stsRecords();
  }

  @Provide
  Arbitrary<Written<StsRecord>> stsTexts() {
    return MtaStsArbitraries.stsRecordTexts();
  }

  @Provide
  Arbitrary<NearValid<StsRecordRule>> stsNearValid() {
    return MtaStsArbitraries.nearValidStsRecordTexts();
  }

  @Provide
  Arbitrary<TlsRptRecord> tlsRptRecords() {
    return MtaStsArbitraries.tlsRptRecords();
  }

  @Provide
  Arbitrary<Written<TlsRptRecord>> tlsRptTexts() {
    return MtaStsArbitraries.tlsRptRecordTexts();
  }

  @Provide
  Arbitrary<NearValid<TlsRptRecordRule>> tlsRptNearValid() {
    return MtaStsArbitraries.nearValidTlsRptRecordTexts();
  }

  @Provide
  Arbitrary<PolicyId> ids() {
    return MtaStsArbitraries.policyIds();
  }

  @Property
  void stsRecordRoundTripsThroughItsText(@ForAll("stsRecords") StsRecord record) {
    assertEquals(record, StsRecord.parse(record.toText()));
  }

  @Property
  void everyAllowedWayOfWritingAnStsRecordParsesToIt(@ForAll("stsTexts") Written<StsRecord> written) {
    assertEquals(written.value(), StsRecord.parse(written.text()));
    assertEquals(written.value(), StsRecord.parseLenient(written.text()).value());
  }

  @Property
  void strictStsParserRefusesEveryNearValidRecord(@ForAll("stsNearValid") NearValid<StsRecordRule> c) {
    RecordParseException e = assertThrows(RecordParseException.class, () -> StsRecord.parse(c.text()),
        () -> "accepted, but breaks: " + c.rule().description());
    assertTrue(codes(c.rule()).contains(e.code()), () -> c.rule() + " reported as " + e.code() + ": " + e.getMessage());
  }

  @Property
  void lenientStsParserThrowsOnlyTheDocumentedException(@ForAll("stsNearValid") NearValid<StsRecordRule> c) {
    try {
      StsRecord.parseLenient(c.text());
    } catch (RecordParseException expected) {
      assertTrue(expected.column() >= 0);
    }
  }

  @Property
  void tlsRptRecordRoundTripsThroughItsText(@ForAll("tlsRptRecords") TlsRptRecord record) {
    assertEquals(record, TlsRptRecord.parse(record.toText()));
  }

  @Property
  void everyAllowedWayOfWritingATlsRptRecordParsesToIt(@ForAll("tlsRptTexts") Written<TlsRptRecord> written) {
    assertEquals(written.value(), TlsRptRecord.parse(written.text()));
    assertEquals(written.value(), TlsRptRecord.parseLenient(written.text()).value());
  }

  @Property
  void strictTlsRptParserRefusesEveryNearValidRecord(@ForAll("tlsRptNearValid") NearValid<TlsRptRecordRule> c) {
    RecordParseException e = assertThrows(RecordParseException.class, () -> TlsRptRecord.parse(c.text()),
        () -> "accepted, but breaks: " + c.rule().description());
    assertTrue(codes(c.rule()).contains(e.code()), () -> c.rule() + " reported as " + e.code() + ": " + e.getMessage());
  }

  @Property
  void lenientTlsRptParserThrowsOnlyTheDocumentedException(@ForAll("tlsRptNearValid") NearValid<TlsRptRecordRule> c) {
    try {
      TlsRptRecord.parseLenient(c.text());
    } catch (RecordParseException expected) {
      assertTrue(expected.column() >= 0);
    }
  }

  @Property
  void everyGeneratedIdIsAValidPolicyId(@ForAll("ids") PolicyId id) {
    assertTrue(PolicyId.isValid(id.value()));
  }
}
