package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.internal.TimestampIdGenerator;
import dev.mtasts.policy.ParseResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class RecordPropertiesTest {
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  @Provide
  Arbitrary<PolicyId> ids() {
    return Arbitraries.strings().withChars(ALNUM).ofMinLength(1).ofMaxLength(32).map(PolicyId::of);
  }

  @Provide
  Arbitrary<ExtensionField> extensions() {
    Arbitrary<String> names = Combinators.combine(
            Arbitraries.strings().withChars(ALNUM).ofLength(1),
            Arbitraries.strings().withChars(ALNUM + "_-.").ofMaxLength(31))
        .as((first, rest) -> first + rest)
        .filter(n -> !n.equals("id") && !n.equals("rua"));
    Arbitrary<String> values = Arbitraries.strings()
        .withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)
        .map(v -> v.replace(';', 'x').replace('=', 'y'));
    return Combinators.combine(names, values).as(ExtensionField::new);
  }

  @Provide
  Arbitrary<StsRecord> stsRecords() {
    return Combinators.combine(ids(), extensions().list().ofMaxSize(5)).as(StsRecord::new);
  }

  @Provide
  Arbitrary<URI> ruaUris() {
    Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(10);
    Arbitrary<URI> mailto = Combinators.combine(label, label, label)
        .as((local, host, tld) -> URI.create("mailto:" + local + "@" + host + "." + tld));
    Arbitrary<URI> https = Combinators.combine(label, label, Arbitraries.integers().between(1, 65535))
        .as((host, path, port) -> URI.create("https://" + host + ".example:" + port + "/" + path));
    return Arbitraries.oneOf(mailto, https);
  }

  @Provide
  Arbitrary<TlsRptRecord> tlsRptRecords() {
    return Combinators.combine(ruaUris().list().uniqueElements().ofMinSize(1).ofMaxSize(4),
        extensions().list().ofMaxSize(4)).as(TlsRptRecord::new);
  }

  @Property
  void stsRecordRoundTrips(@ForAll("stsRecords") StsRecord record) {
    assertEquals(record, StsRecord.parse(record.toText()));
    ParseResult<StsRecord> lenient = StsRecord.parseLenient(record.toText());
    assertEquals(record, lenient.value());
    assertEquals(List.of(), lenient.warnings());
  }

  @Property
  void stsRecordSurvivesTheZoneFileAndSelection(@ForAll("stsRecords") StsRecord record) {
    List<byte[]> strings = new ArrayList<>();
    for (String s : ZoneFile.characterStrings(record.toText())) {
      strings.add(s.getBytes(StandardCharsets.US_ASCII));
    }
    RecordSelection<StsRecord> selection = RecordSelection.selectSts(List.of(strings));
    assertEquals(record, ((RecordSelection.Selected<StsRecord>) selection).record());
  }

  @Property
  void tlsRptRecordRoundTrips(@ForAll("tlsRptRecords") TlsRptRecord record) {
    assertEquals(record, TlsRptRecord.parse(record.toText()));
    assertEquals(List.of(), TlsRptRecord.read(record.toText(), ParseMode.STRICT).warnings());
  }

  @Provide
  Arbitrary<String> recordLikeText() {
    Arbitrary<String> noise = Arbitraries.strings()
        .withChars("v=STSv1TLSRPTid;rua:mailto@,/.%!-_ \t\r\n\u0000é\"\\").ofMaxLength(60);
    Arbitrary<String> prefix = Arbitraries.of("", "v=STSv1;", "v=STSv1 ; id=", "v=TLSRPTv1;", "v=TLSRPTv1; rua=",
        "v=TLSRPTv1; rua=mailto:a@b,", "v=STSv1; id=a;");
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(80);
    return Arbitraries.oneOf(Combinators.combine(prefix, noise).as(String::concat), any);
  }

  @Property
  void parsersThrowNothingButRecordParseException(@ForAll("recordLikeText") String text) {
    onlyParseErrors(() -> StsRecord.parse(text));
    onlyParseErrors(() -> StsRecord.parseLenient(text));
    onlyParseErrors(() -> TlsRptRecord.parse(text));
    onlyParseErrors(() -> TlsRptRecord.parseLenient(text));
    onlyParseErrors(() -> PolicyId.of(text));
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    RecordSelection.selectSts(List.of(List.of(bytes)), ParseMode.LENIENT);
    RecordSelection.selectTlsRpt(List.of(List.of(bytes), List.of(bytes, bytes)));
  }

  private static void onlyParseErrors(Supplier<?> parse) {
    try {
      parse.get();
    } catch (RecordParseException e) {
      assertTrue(e.column() >= 1, e::getMessage);
      assertTrue(e.getMessage().startsWith("column "), e::getMessage);
    }
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0L, Instant.parse("9999-12-31T23:58:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<PolicyId> currentIds() {
    Arbitrary<PolicyId> timestamps = Combinators.combine(instants(),
            Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 999).map(n -> String.format(java.util.Locale.ROOT, "%03d", n))))
        .as((instant, counter) -> PolicyId.of(
            java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC).format(instant) + counter));
    Arbitrary<PolicyId> lenient = Arbitraries.strings().withChars(ALNUM + "-_").ofMinLength(1).ofMaxLength(64)
        .map(PolicyId::new);
    return Arbitraries.oneOf(timestamps, ids(), lenient);
  }

  @Property
  void timestampGeneratorNeverRepeatsAndYieldsAlphanumerics(@ForAll("instants") Instant now,
      @ForAll("currentIds") PolicyId current) {
    PolicyId next = PolicyIdGenerator.timestamp(Clock.fixed(now, ZoneOffset.UTC)).next(current);
    assertNotEquals(current, next);
    assertTrue(next.isRfcCompliant(), next::value);
    assertTrue(PolicyId.isValid(next.value()));
  }

  @Property
  void timestampGeneratorSortsAfterTimestampShapedIds(@ForAll("instants") Instant now,
      @ForAll("currentIds") PolicyId current) {
    PolicyId next = PolicyIdGenerator.timestamp(Clock.fixed(now, ZoneOffset.UTC)).next(current);
    if (TimestampIdGenerator.timestampOf(current.value()) != null) {
      assertTrue(next.value().compareTo(current.value()) > 0, () -> next + " after " + current);
    }
  }

  @Property
  void timestampGeneratorChainsStrictlyIncreasingIds(@ForAll("instants") Instant now) {
    PolicyIdGenerator ids = PolicyIdGenerator.timestamp(Clock.fixed(now, ZoneOffset.UTC));
    PolicyId current = ids.next(null);
    for (int i = 0; i < 5; i++) {
      PolicyId previous = current;
      PolicyId next = ids.next(previous);
      assertTrue(next.value().compareTo(previous.value()) > 0, () -> next + " after " + previous);
      current = next;
    }
  }

  @Property
  void everyRecordThatCanBePublishedParsesStrictly(@ForAll("currentIds") PolicyId id) {
    // StsRecord.of and ZoneFile.render either refuse the id or publish a record senders accept.
    if (id.isRfcCompliant()) {
      assertEquals(StsRecord.of(id), StsRecord.parse(StsRecord.of(id).toText()));
      ZoneFile.render("example.com", StsRecord.of(id), java.time.Duration.ofHours(1));
    } else {
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> StsRecord.of(id));
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ZoneFile.render(
          "example.com", new StsRecord(id, java.util.List.of()), java.time.Duration.ofHours(1)));
    }
  }

  @Property
  void randomGeneratorNeverRepeatsAndYieldsAlphanumerics(@ForAll long seed, @ForAll("currentIds") PolicyId current) {
    PolicyId next = PolicyIdGenerator.random(new SplittableRandom(seed)).next(current);
    assertNotEquals(current, next);
    assertTrue(next.isRfcCompliant(), next::value);
  }
}
