package dev.mtasts.tlsrpt.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.mtasts.tlsrpt.TlsRptReader;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 8460 §5.4 delivery against a real in-JVM HTTP server on loopback, both sides ours. */
final class HttpsPostTest {

  @TempDir Path store;
  HttpServer server;
  final TlsRptReport report = ReportMailReaderTest.REPORT;

  /** A clock the fake sleeper moves forward, so 24 hours of retries take no time. */
  static final class MovingClock extends Clock {
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    final List<Duration> slept = new ArrayList<>();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void sleep(Duration d) {
      slept.add(d);
      now = now.plus(d);
    }
  }

  final MovingClock clock = new MovingClock();

  URI start(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/tlsrpt", handler);
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tlsrpt");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  ReportPoster poster(Duration retryFor) {
    return ReportPoster.of(HttpClient.newHttpClient(), clock, clock::sleep, Duration.ofSeconds(10),
        retryFor);
  }

  List<Path> stored() throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.toList();
    }
  }

  @Test
  void aPostedReportIsStoredOnceUnderItsRfcFileName() throws IOException {
    URI uri = start(ReportReceiver.into(store));
    PostResult first = poster(Duration.ZERO).post(report, uri);
    assertTrue(first.delivered(), first.toString());
    assertEquals(201, first.status());
    PostResult again = poster(Duration.ZERO).post(report, uri);
    assertEquals(200, again.status(), again.toString());
    List<Path> files = stored();
    assertEquals(1, files.size(), files.toString());
    Path f = files.get(0);
    assertEquals(ReportReceiver.fileName(report, true).fileName(), f.getFileName().toString());
    assertEquals(report, TlsRptReader.lenient().read(f).value());
  }

  @Test
  void aBodyThatIsNotAReportIs400WithTheReason() throws Exception {
    URI uri = start(ReportReceiver.into(store));
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/tlsrpt+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"organization-name\": 1}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
    assertTrue(r.body().startsWith("not a TLS-RPT report: "), r.body());
    assertEquals(List.of(), stored());
  }

  @Test
  void overTheSizeLimitIs413AndOtherTypesAndMethodsAreRefused() throws Exception {
    URI uri = start(ReportReceiver.into(store).withMaxBytes(64));
    PostResult big = poster(Duration.ofHours(24)).post(report, uri);
    assertFalse(big.delivered());
    assertEquals(413, big.status());
    assertEquals(1, big.attempts(), "a 413 is not retried");
    HttpClient c = HttpClient.newHttpClient();
    assertEquals(415, c.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(405, c.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
  }

  @Test
  void failuresAreRetriedWithExponentialBackOffUntilA2xx() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    HttpHandler receiver = ReportReceiver.into(store);
    URI uri = start(exchange -> {
      if (calls.incrementAndGet() <= 3) {
        exchange.sendResponseHeaders(503, -1);
        exchange.close();
      } else {
        receiver.handle(exchange);
      }
    });
    PostResult r = poster(Duration.ofHours(24)).post(report, uri);
    assertTrue(r.delivered(), r.toString());
    assertEquals(4, r.attempts());
    assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4)),
        clock.slept);
    assertEquals(1, stored().size());
  }

  @Test
  void retriesStopTwentyFourHoursAfterTheFirstAttempt() throws IOException {
    URI uri = start(exchange -> {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    PostResult r = poster(Duration.ofHours(24)).post(report, uri);
    assertFalse(r.delivered());
    assertEquals(500, r.status());
    assertEquals("HTTP 500", r.failure());
    // 1, 2, 4, ... 64 minutes, then every 2 hours while the next start is within 24 hours.
    assertEquals(18, r.attempts(), clock.slept.toString());
    assertTrue(!r.lastAttempt().isAfter(r.firstAttempt().plus(Duration.ofHours(24))));
    assertEquals(Duration.ofHours(2), clock.slept.get(clock.slept.size() - 1));
  }

  @Test
  void aReceiverThatIsNotThereIsAFailureWithTheReason() throws IOException {
    URI uri = start(ReportReceiver.into(store));
    server.stop(0);
    server = null;
    PostResult r = poster(Duration.ZERO).post(report, uri);
    assertFalse(r.delivered());
    assertEquals(0, r.status());
    assertTrue(String.valueOf(r.failure()).contains("ConnectException"), r.toString());
  }

  @Test
  void onlyHttpsAndHttpUrisArePosted() {
    try {
      poster(Duration.ZERO).post(report, URI.create("mailto:tlsrpt@example.com"));
    } catch (IllegalArgumentException e) {
      assertTrue(e.getMessage().contains("https"), e.getMessage());
      return;
    }
    throw new AssertionError("no exception");
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
