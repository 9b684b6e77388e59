package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.dns.LookupResult.FailureKind;
import dev.mtasts.dns.LookupResult.NoRecordReason;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/**
 * The lookup suite. By default it runs against {@link LoopbackDnsServer} serving
 * {@code src/test/resources/zones}; with {@code -Dmtasts.dns.server=127.0.0.1:PORT} it runs against
 * an external authoritative server loaded with the same zone files ({@code .ci/real-dns-suite}
 * starts NSD that way). Tests that need to look inside the server, or a server that never
 * answers, run in-JVM only.
 */
final class MtaStsResolverTest {
  private static final String SERVER_PROPERTY = "mtasts.dns.server";

  private static LoopbackDnsServer inJvm;
  private static InetSocketAddress server;

  @BeforeAll
  static void startServer() throws IOException {
    String external = System.getProperty(SERVER_PROPERTY, "").trim();
    if (external.isEmpty()) {
      inJvm = LoopbackDnsServer.start(
          List.of(LoopbackDnsServer.loadZone("mtasts.test"), LoopbackDnsServer.loadZone("other.test")),
          Set.of(Name.fromString("servfail.test.")));
      server = inJvm.address();
    } else {
      int colon = external.lastIndexOf(':');
      server = new InetSocketAddress(InetAddress.getByName(external.substring(0, colon)),
          Integer.parseInt(external.substring(colon + 1)));
    }
  }

  @AfterAll
  static void stopServer() {
    if (inJvm != null) {
      inJvm.close();
    }
  }

  private static MtaStsResolver resolver() {
    return MtaStsResolver.newBuilder().server(server).timeout(Duration.ofSeconds(2)).retries(1).build();
  }

  private static <T> T found(LookupResult<?> result, Class<T> type) {
    LookupResult.Found<?> found = assertInstanceOf(LookupResult.Found.class, result, () -> result.toString());
    return type.cast(found.value());
  }

  @Test
  void findsTheStsRecordAndDiscardsOtherTxtRecords() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("valid.mtasts.test");
    assertEquals(StsRecord.of(PolicyId.of("20240101T000000")), found(result, StsRecord.class));
    assertEquals("_mta-sts.valid.mtasts.test", result.name());
    assertEquals(false, result.isTemporary());
  }

  @Test
  void findsTheTlsRptRecord() {
    LookupResult<TlsRptRecord> result = resolver().lookupTlsRptBlocking("valid.mtasts.test");
    assertEquals(TlsRptRecord.of(List.of(URI.create("mailto:tlsrpt@valid.mtasts.test"),
        URI.create("https://report.valid.mtasts.test/v1"))), found(result, TlsRptRecord.class));
    assertEquals("_smtp._tls.valid.mtasts.test", result.name());
  }

  @Test
  void asyncLookupCompletesWithTheRecord() throws Exception {
    LookupResult<StsRecord> result =
        resolver().lookupSts("valid.mtasts.test").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals("20240101T000000", found(result, StsRecord.class).id().value());
  }

  @Test
  void returnsMxHostsSortedByPreferenceThenName() {
    LookupResult<List<MxHost>> result = resolver().lookupMxBlocking("Valid.MTASTS.test.");
    List<?> hosts = found(result, List.class);
    assertEquals(List.of(new MxHost(10, "mx0.valid.mtasts.test"), new MxHost(10, "mx1.valid.mtasts.test"),
        new MxHost(20, "mx2.valid.mtasts.test")), hosts);
  }

  @Test
  void looksUpTheAddressesOfAHostIpv4First() throws Exception {
    LookupResult<List<InetAddress>> result =
        resolver().lookupAddresses("MX0.valid.mtasts.test.").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals("mx0.valid.mtasts.test", result.name());
    List<?> addresses = found(result, List.class);
    assertEquals(3, addresses.size(), addresses::toString);
    assertEquals(Set.of(InetAddress.getByName("192.0.2.10"), InetAddress.getByName("192.0.2.11")),
        Set.copyOf(addresses.subList(0, 2)));
    assertEquals(InetAddress.getByName("2001:db8::10"), addresses.get(2));
  }

  @Test
  void hostAddressesFollowACname() throws Exception {
    LookupResult<List<InetAddress>> result =
        resolver().lookupAddresses("mx1.valid.mtasts.test").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(3, found(result, List.class).size());
  }

  @Test
  void hostAddressesAreCappedAtTheLimit() throws Exception {
    LookupResult<List<InetAddress>> result =
        resolver().lookupAddresses("many.mtasts.test").toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertEquals(MtaStsResolver.MAX_ADDRESSES, found(result, List.class).size());
  }

  @Test
  void hostWithoutAddressIsNodataAndMissingHostIsNxdomain() throws Exception {
    assertEquals(new LookupResult.NoRecord<List<InetAddress>>("mx2.valid.mtasts.test", NoRecordReason.NODATA),
        resolver().lookupAddresses("mx2.valid.mtasts.test").toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertEquals(new LookupResult.NoRecord<List<InetAddress>>("mx9.valid.mtasts.test", NoRecordReason.NXDOMAIN),
        resolver().lookupAddresses("mx9.valid.mtasts.test").toCompletableFuture().get(10, TimeUnit.SECONDS));
  }

  @Test
  void joinsARecordSplitOverSeveralStrings() {
    assertEquals(PolicyId.of("20240102T000000"),
        found(resolver().lookupStsBlocking("split.mtasts.test"), StsRecord.class).id());
    assertEquals(List.of(URI.create("mailto:tls@split.mtasts.test")),
        found(resolver().lookupTlsRptBlocking("split.mtasts.test"), TlsRptRecord.class).rua());
  }

  @Test
  void twoCompetingStsRecordsMeanNoPolicy() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("two.mtasts.test");
    LookupResult.SeveralRecords<?> several = assertInstanceOf(LookupResult.SeveralRecords.class, result);
    assertEquals(Set.of("v=STSv1; id=first;", "v=STSv1; id=second;"), Set.copyOf(several.texts()));
  }

  @Test
  void followsACnameChain() {
    assertEquals(PolicyId.of("provider1"),
        found(resolver().lookupStsBlocking("cname.mtasts.test"), StsRecord.class).id());
  }

  @Test
  void followsACnameIntoAnotherZone() {
    assertEquals(PolicyId.of("customer1"),
        found(resolver().lookupStsBlocking("outside.mtasts.test"), StsRecord.class).id());
  }

  @Test
  void reportsACnameLoopAsTemporaryFailure() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("loop.mtasts.test");
    assertEquals(FailureKind.CNAME_LOOP,
        assertInstanceOf(LookupResult.TemporaryFailure.class, result).kind());
  }

  @Test
  void nonexistentNameIsNxdomain() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("missing.mtasts.test");
    assertEquals(new LookupResult.NoRecord<StsRecord>("_mta-sts.missing.mtasts.test", NoRecordReason.NXDOMAIN),
        result);
    assertEquals(NoRecordReason.NXDOMAIN,
        assertInstanceOf(LookupResult.NoRecord.class, resolver().lookupMxBlocking("missing.mtasts.test")).reason());
  }

  @Test
  void nameWithoutTxtIsNodata() {
    assertEquals(NoRecordReason.NODATA, assertInstanceOf(LookupResult.NoRecord.class,
        resolver().lookupStsBlocking("nodata.mtasts.test")).reason());
    assertEquals(NoRecordReason.NODATA, assertInstanceOf(LookupResult.NoRecord.class,
        resolver().lookupMxBlocking("nodata.mtasts.test")).reason());
  }

  @Test
  void txtRecordsOfOtherKindsMeanNoRecord() {
    assertEquals(NoRecordReason.NO_VERSION_TAG, assertInstanceOf(LookupResult.NoRecord.class,
        resolver().lookupStsBlocking("other.mtasts.test")).reason());
  }

  @Test
  void invalidRecordIsReportedWithTheParseError() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("lenient.mtasts.test");
    LookupResult.InvalidRecord<?> invalid = assertInstanceOf(LookupResult.InvalidRecord.class, result);
    assertEquals("v=STSv1; id=abc-123;", invalid.text());
    assertEquals(RecordErrorCode.INVALID_ID, invalid.error().code());
  }

  @Test
  void lenientResolverAcceptsTheRecordWithAWarning() {
    MtaStsResolver lenient = MtaStsResolver.newBuilder().server(server).timeout(Duration.ofSeconds(2))
        .parseMode(ParseMode.LENIENT).build();
    LookupResult<StsRecord> result = lenient.lookupStsBlocking("lenient.mtasts.test");
    LookupResult.Found<?> found = assertInstanceOf(LookupResult.Found.class, result);
    assertEquals(new PolicyId("abc-123"), ((StsRecord) found.value()).id());
    assertEquals(1, found.warnings().size());
    assertEquals(RecordErrorCode.INVALID_ID, found.warnings().get(0).code());
  }

  @Test
  void convertsAnInternationalizedDomainToALabels() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("bücher.mtasts.test");
    assertEquals("_mta-sts.xn--bcher-kva.mtasts.test", result.name());
    assertEquals(PolicyId.of("idn1"), found(result, StsRecord.class).id());
  }

  @Test
  void refusesAnInternationalizedDomainThatIdna2003WouldMapToAnotherName() {
    // Regression: java.net.IDN (IDNA2003) turned straße into strasse, so the lookup asked for
    // _mta-sts.strasse... instead of the IDNA2008 name _mta-sts.xn--strae-oqa...
    MtaStsResolver resolver = resolver();
    for (String domain : List.of("straße.mtasts.test", "STRAẞE.mtasts.test", "σς.mtasts.test",
        "a\u200Db.mtasts.test", "a\u200Cb.mtasts.test")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolver.lookupSts(domain));
      assertTrue(e.getMessage().contains("IDNA2003") && e.getMessage().contains("A-label"), e::getMessage);
      assertThrows(IllegalArgumentException.class, () -> resolver.lookupTlsRpt(domain));
      assertThrows(IllegalArgumentException.class, () -> resolver.lookupMx(domain));
    }
    // The A-label of straße is looked up as given.
    assertEquals("_mta-sts.xn--strae-oqa.mtasts.test", resolver.lookupStsBlocking("xn--strae-oqa.mtasts.test").name());
  }

  @Test
  void largeRecordIsFetchedOverTcpAfterTruncation() {
    List<ExtensionField> extensions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      extensions.add(new ExtensionField("e" + i, String.valueOf((char) ('A' + i)).repeat(240)));
    }
    StsRecord expected = new StsRecord(PolicyId.of("large1"), extensions);
    assertTrue(expected.toText().length() > 1232);
    assertEquals(expected, found(resolver().lookupStsBlocking("large.mtasts.test"), StsRecord.class));
    if (inJvm != null) {
      assertTrue(inJvm.truncatedQuestions().contains("_mta-sts.large.mtasts.test./TXT"), inJvm.truncatedQuestions()::toString);
      assertTrue(inJvm.tcpQuestions().contains("_mta-sts.large.mtasts.test./TXT"), inJvm.tcpQuestions()::toString);
    }
  }

  @Test
  void servfailIsATemporaryFailure() {
    LookupResult<StsRecord> result = resolver().lookupStsBlocking("x.servfail.test");
    assertTrue(result.isTemporary());
    assertEquals(FailureKind.SERVFAIL, assertInstanceOf(LookupResult.TemporaryFailure.class, result).kind());
  }

  @Test
  void refusedIsATemporaryFailure() {
    LookupResult<TlsRptRecord> result = resolver().lookupTlsRptBlocking("example.invalid");
    assertEquals(FailureKind.REFUSED, assertInstanceOf(LookupResult.TemporaryFailure.class, result).kind());
  }

  @Test
  void serverThatNeverAnswersTimesOutAfterTheRetries() throws IOException {
    assumeTrue(inJvm != null, "the silent server only exists in-JVM");
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      MtaStsResolver resolver = MtaStsResolver.newBuilder()
          .server(new InetSocketAddress(silent.getLocalAddress(), silent.getLocalPort()))
          .timeout(Duration.ofMillis(300)).retries(1).build();
      long start = System.nanoTime();
      LookupResult<StsRecord> result = resolver.lookupStsBlocking("valid.mtasts.test");
      long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
      LookupResult.TemporaryFailure<?> failure = assertInstanceOf(LookupResult.TemporaryFailure.class, result);
      assertEquals(FailureKind.TIMEOUT, failure.kind());
      assertTrue(failure.message().contains("2 attempts"), failure.message());
      // Two attempts of 300 ms each: the retry really happened.
      assertTrue(elapsedMillis >= 550, "elapsed " + elapsedMillis + " ms");
    }
  }

  @Test
  void hostAddressesFromAServerThatNeverAnswersAreATimeoutInBoundedTime() throws Exception {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      MtaStsResolver resolver = MtaStsResolver.newBuilder()
          .server(new InetSocketAddress(silent.getLocalAddress(), silent.getLocalPort()))
          .timeout(Duration.ofMillis(300)).retries(1).build();
      LookupResult<List<InetAddress>> result =
          resolver.lookupAddresses("mx0.valid.mtasts.test").toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertEquals(FailureKind.TIMEOUT, assertInstanceOf(LookupResult.TemporaryFailure.class, result).kind());
    }
  }

  @Test
  void fallsBackToTheNextServerWhenOneNeverAnswers() throws IOException {
    try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      MtaStsResolver resolver = MtaStsResolver.newBuilder()
          .server(new InetSocketAddress(silent.getLocalAddress(), silent.getLocalPort()))
          .server(server)
          .timeout(Duration.ofMillis(300)).retries(1).build();
      assertEquals(PolicyId.of("20240101T000000"),
          found(resolver.lookupStsBlocking("valid.mtasts.test"), StsRecord.class).id());
    }
  }

  @Test
  void rejectsInvalidDomainsAsCallerMisuse() {
    MtaStsResolver resolver = resolver();
    assertThrows(IllegalArgumentException.class, () -> resolver.lookupSts(""));
    assertThrows(IllegalArgumentException.class, () -> resolver.lookupSts("a..b"));
    assertThrows(IllegalArgumentException.class, () -> resolver.lookupMx("x".repeat(64) + ".test"));
  }

  @Test
  void systemResolverIsBuiltFromTheSystemConfiguration() {
    // Only construction: the build machine's resolvers may not reach the Internet.
    assertInstanceOf(MtaStsResolver.class, MtaStsResolver.system());
  }

  @Test
  void resultConveniencesTellFoundFromTemporary() {
    LookupResult<StsRecord> found = resolver().lookupStsBlocking("valid.mtasts.test");
    assertEquals(StsRecord.of(PolicyId.of("20240101T000000")), found.toOptional().orElseThrow());
    LookupResult<StsRecord> failed = resolver().lookupStsBlocking("x.servfail.test");
    assertTrue(failed.toOptional().isEmpty());
    assertTrue(failed.isTemporary());
    LookupResult<StsRecord> none = resolver().lookupStsBlocking("missing.mtasts.test");
    assertTrue(none.toOptional().isEmpty());
    assertEquals(false, none.isTemporary());
  }

  @Test
  void builderRejectsNonsense() {
    MtaStsResolver.Builder builder = MtaStsResolver.newBuilder();
    assertThrows(IllegalArgumentException.class, () -> builder.timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.retries(-1));
    assertThrows(IllegalArgumentException.class,
        () -> builder.server(InetSocketAddress.createUnresolved("dns.example", 53)));
  }
}
