package dev.mtasts.lifecycle;

import static dev.mtasts.lifecycle.Fixtures.DOMAIN;
import static dev.mtasts.lifecycle.Fixtures.YEAR;
import static dev.mtasts.lifecycle.Fixtures.at;
import static dev.mtasts.lifecycle.Fixtures.enforce;
import static dev.mtasts.lifecycle.Fixtures.id;
import static dev.mtasts.lifecycle.Fixtures.none;
import static dev.mtasts.lifecycle.Fixtures.testing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.lifecycle.HistoryFormatException.Code;
import dev.mtasts.policy.MtaStsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class PublicationHistoryTest {
  private static final Instant T0 = at("2026-01-05T09:00:00Z");

  @TempDir Path dir;

  @Test
  void roundTripsThroughJson() {
    PublicationHistory history = Fixtures.enforcedHistory(T0)
        .served(id("N1"), none(), T0.plus(Duration.ofDays(90)));
    PublicationHistory back = PublicationHistory.parse(history.toJson());
    assertEquals(history, back);
    assertEquals(history.toJson(), back.toJson());
  }

  @Test
  void roundTripsThroughAFile() {
    Path file = dir.resolve("history.json");
    PublicationHistory history = Fixtures.enforcedHistory(T0);
    history.write(file);
    assertEquals(history, PublicationHistory.read(file, DOMAIN));
  }

  @Test
  void writesTheDocumentedShape() {
    PublicationHistory history = PublicationHistory.empty(DOMAIN)
        .served(id("A1"), testing(), T0)
        .stopped(T0.plus(Duration.ofDays(1)));
    String json = history.toJson();
    assertTrue(json.contains("\"version\" : 1"), json);
    assertTrue(json.contains("\"domain\" : \"example.com\""), json);
    assertTrue(json.contains("\"from\" : \"2026-01-05T09:00:00Z\""), json);
    assertTrue(json.contains("\"until\" : \"2026-01-06T09:00:00Z\""), json);
    assertTrue(json.contains("\"policy\" : \"version: STSv1\\r\\nmode: testing\\r\\n"), json);
    assertTrue(json.endsWith("}\n"), json);
  }

  @Test
  void readsAMissingFileAsAnEmptyHistory() {
    PublicationHistory history = PublicationHistory.read(dir.resolve("absent.json"), "Example.COM");
    assertEquals(PublicationHistory.empty(DOMAIN), history);
  }

  @Test
  void refusesTheHistoryOfAnotherDomain() throws IOException {
    Path file = dir.resolve("history.json");
    PublicationHistory.empty("other.example").write(file);
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.read(file, DOMAIN));
    assertEquals(Code.INVALID_DOMAIN, e.code());
    assertEquals("$.domain", e.location().path());
  }

  @Test
  void acceptsNullUntilAsStillServed() {
    String json = "{\"version\":1,\"domain\":\"example.com\",\"served\":[{\"id\":\"A1\","
        + "\"from\":\"2026-01-05T09:00:00Z\",\"until\":null,\"policy\":\"version: STSv1\\n"
        + "mode: testing\\nmx: mx1.example.com\\nmax_age: 86400\\n\"}]}";
    PublicationHistory history = PublicationHistory.parse(json);
    assertTrue(history.current().isPresent());
  }

  static Stream<Arguments> brokenFiles() {
    String entry = "{\"id\":\"A1\",\"from\":\"2026-01-05T09:00:00Z\",\"policy\":\"version: STSv1\\n"
        + "mode: testing\\nmx: mx1.example.com\\nmax_age: 86400\\n\"}";
    String head = "{\"version\":1,\"domain\":\"example.com\",\"served\":[";
    return Stream.of(
        Arguments.of("empty file", "", Code.MALFORMED_JSON, "$"),
        Arguments.of("truncated by a crash of a non-atomic writer", head + entry.substring(0, 30),
            Code.MALFORMED_JSON, "$"),
        Arguments.of("not an object", "[]", Code.WRONG_TYPE, "$"),
        Arguments.of("trailing garbage", head + "]} {}", Code.MALFORMED_JSON, "$"),
        Arguments.of("version missing", "{\"domain\":\"example.com\",\"served\":[]}",
            Code.MISSING_MEMBER, "$.version"),
        Arguments.of("version as string", "{\"version\":\"1\",\"domain\":\"example.com\","
            + "\"served\":[]}", Code.WRONG_TYPE, "$.version"),
        Arguments.of("future version", "{\"version\":2,\"domain\":\"example.com\",\"served\":[]}",
            Code.UNSUPPORTED_VERSION, "$.version"),
        Arguments.of("domain missing", "{\"version\":1,\"served\":[]}", Code.MISSING_MEMBER,
            "$.domain"),
        Arguments.of("domain with trailing dot", "{\"version\":1,\"domain\":\"example.com.\","
            + "\"served\":[]}", Code.INVALID_DOMAIN, "$.domain"),
        Arguments.of("served missing", "{\"version\":1,\"domain\":\"example.com\"}",
            Code.MISSING_MEMBER, "$.served"),
        Arguments.of("served as object", "{\"version\":1,\"domain\":\"example.com\","
            + "\"served\":{}}", Code.WRONG_TYPE, "$.served"),
        Arguments.of("typo in a member", head + entry.replace("\"from\"", "\"form\"") + "]}",
            Code.UNKNOWN_MEMBER, "$.served[0].form"),
        Arguments.of("unknown top-level member", "{\"version\":1,\"domain\":\"example.com\","
            + "\"served\":[],\"note\":\"x\"}", Code.UNKNOWN_MEMBER, "$.note"),
        Arguments.of("duplicate member", "{\"version\":1,\"version\":1,\"domain\":\"example.com\","
            + "\"served\":[]}", Code.DUPLICATE_MEMBER, "$.version"),
        Arguments.of("id missing", head + entry.replace("\"id\":\"A1\",", "") + "]}",
            Code.MISSING_MEMBER, "$.served[0].id"),
        Arguments.of("id with a hyphen", head + entry.replace("A1", "A-1") + "]}",
            Code.INVALID_ID, "$.served[0].id"),
        Arguments.of("local time without zone", head + entry.replace("09:00:00Z", "09:00:00")
            + "]}", Code.INVALID_INSTANT, "$.served[0].from"),
        Arguments.of("until as number", head + entry.replace("\"policy\"", "\"until\":5,\"policy\"")
            + "]}", Code.WRONG_TYPE, "$.served[0].until"),
        Arguments.of("until before from", head + entry.replace("\"policy\"",
            "\"until\":\"2026-01-01T00:00:00Z\",\"policy\"") + "]}", Code.INCONSISTENT_ENTRIES,
            "$.served[0].until"),
        Arguments.of("hand-edited policy", head + entry.replace("mode: testing", "mode: enforced")
            + "]}", Code.INVALID_POLICY, "$.served[0].policy"),
        Arguments.of("second entry while first still open", head + entry + ","
            + entry.replace("A1", "B1").replace("09:00", "10:00") + "]}",
            Code.INCONSISTENT_ENTRIES, "$.served[0]"),
        Arguments.of("overlapping entries", head
            + entry.replace("\"policy\"", "\"until\":\"2026-01-07T00:00:00Z\",\"policy\"") + ","
            + entry.replace("A1", "B1").replace("01-05", "01-06") + "]}",
            Code.INCONSISTENT_ENTRIES, "$.served[1]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void rejectsABrokenFileWithCodeAndPath(String what, String json, Code code, String path)
      throws IOException {
    Path file = dir.resolve("history.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.read(file, DOMAIN));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(path, e.location().path(), e.getMessage());
    assertTrue(e.getMessage().startsWith("publication history " + path), e.getMessage());
    // The broken file is never reset: it stays for a person to fix.
    assertEquals(json, Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void reportsTheLineOfAProblem() {
    String json = "{\n  \"version\": 1,\n  \"domain\": \"example.com\",\n  \"served\": 7\n}";
    HistoryFormatException e = assertThrows(HistoryFormatException.class,
        () -> PublicationHistory.parse(json));
    assertEquals(4, e.line());
    assertEquals("expected an array, found a number", e.detail());
    assertTrue(e.getMessage().contains("$.served (line 4, column"), e.getMessage());
  }

  @Test
  void keepsTheOldFileWhenTheTargetCannotBeReplaced() throws IOException {
    Path file = dir.resolve("history.json");
    PublicationHistory old = Fixtures.enforcedHistory(T0);
    old.write(file);
    // A folder where the file should go: the rename fails after the temporary file was written.
    Path blocked = dir.resolve("blocked.json");
    Files.createDirectory(blocked);
    Files.writeString(blocked.resolve("child"), "x");
    assertThrows(MtaStsException.class, () -> old.write(blocked));
    assertEquals(old, PublicationHistory.read(file, DOMAIN));
    try (Stream<Path> files = Files.list(dir)) {
      // No temporary file is left; the lock files stay (deleting them would be a race).
      assertEquals(List.of("blocked.json", "blocked.json.lock", "history.json", "history.json.lock"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void derivesTheCurrentPolicyAndLastEvent() {
    PublicationHistory history = Fixtures.enforcedHistory(T0);
    assertEquals(id("E1"), history.current().orElseThrow().id());
    assertEquals(Optional.of(T0.plus(Duration.ofDays(30))), history.lastEvent());
    PublicationHistory stopped = history.stopped(T0.plus(Duration.ofDays(40)));
    assertFalse(stopped.current().isPresent());
    assertEquals(Optional.of(T0.plus(Duration.ofDays(40))), stopped.lastEvent());
  }

  @Test
  void countsEachPolicyFromTheMomentItStoppedBeingServed() {
    // Enforce for a year-long max_age, then mode none for a day: the old policy still rules.
    Instant enforceStart = T0.plus(Duration.ofDays(30));
    Instant noneStart = enforceStart.plus(Duration.ofDays(10));
    PublicationHistory history = Fixtures.enforcedHistory(T0).served(id("N1"), none(), noneStart);
    Instant expected = noneStart.plusSeconds(YEAR);
    assertEquals(Optional.of(expected), history.cacheExpiry());
    assertEquals(expected, history.cacheExpiry(noneStart.plus(Duration.ofDays(2))));
    assertEquals(id("E1"), history.longestCached(noneStart).orElseThrow().id());
  }

  @Test
  void countsTheCurrentPolicyAsServedUntilTheGivenInstant() {
    PublicationHistory history = PublicationHistory.empty(DOMAIN).served(id("A1"), testing(), T0);
    Instant later = T0.plus(Duration.ofDays(3));
    assertEquals(later.plusSeconds(Fixtures.WEEK), history.cacheExpiry(later));
    // An instant before the last event counts as the last event.
    assertEquals(T0.plusSeconds(Fixtures.WEEK), history.cacheExpiry(T0.minusSeconds(60)));
  }

  @Test
  void hasNoCacheExpiryWhenNothingWasPublished() {
    assertEquals(Optional.empty(), PublicationHistory.empty(DOMAIN).cacheExpiry());
    assertEquals(T0, PublicationHistory.empty(DOMAIN).cacheExpiry(T0));
  }

  @Test
  void refusesEventsBeforeTheLastOne() {
    PublicationHistory history = Fixtures.enforcedHistory(T0);
    assertThrows(IllegalArgumentException.class,
        () -> history.served(id("X1"), testing(), T0.plus(Duration.ofDays(1))));
    assertThrows(IllegalStateException.class,
        () -> PublicationHistory.empty(DOMAIN).stopped(T0));
  }

  @Test
  void normalizesAndValidatesTheDomain() {
    assertEquals(DOMAIN, PublicationHistory.empty("EXAMPLE.com").domain());
    assertThrows(IllegalArgumentException.class, () -> PublicationHistory.empty("example.com."));
    assertThrows(IllegalArgumentException.class, () -> PublicationHistory.empty("-a.example"));
  }

  @Test
  void rejectsAnEntryThatStopsBeforeItStarts() {
    assertThrows(IllegalArgumentException.class,
        () -> new ServedPolicy(id("A1"), enforce(YEAR), T0, T0.minusSeconds(1)));
  }

  @Test
  void collectsEveryIdEverPublished() {
    assertEquals(java.util.Set.of(id("T1"), id("E1")), Fixtures.enforcedHistory(T0).ids());
  }
}
