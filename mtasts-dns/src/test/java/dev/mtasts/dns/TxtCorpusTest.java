package dev.mtasts.dns;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.ProblemCode;
import dev.mtasts.policy.Warning;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every line of the shared corpus {@code txt/<kind>/valid.txt} parses strictly, every line of
 * {@code invalid.txt} is refused, and {@code disputed.txt} gets the decision below. Lines
 * are not trimmed: some deliberately hold tabs and trailing spaces.
 */
final class TxtCorpusTest {
  /**
   * The decisions for {@code disputed.txt}: a repeated {@code id} keeps the first (RFC 8461 §3.1
   * does not say; the first, as for repeated policy keys in §3.2), repeated {@code rua} lists are
   * joined in order (RFC 8460 §3 does not say), and {@code v=TLSRPTv1 ;} is valid (RFC 8460 §3's
   * ABNF allows WSP before the separator). Each is accepted strictly with a warning.
   */
  private static final Map<String, Consumer<String>> DISPUTED = Map.of(
      "v=STSv1; id=foo; id=bar", line -> {
        ParseResult<StsRecord> parsed = StsRecord.read(line, ParseMode.STRICT);
        assertEquals(StsRecord.of(PolicyId.of("foo")), parsed.value());
        assertEquals(List.of(RecordErrorCode.DUPLICATE_FIELD), codes(parsed));
      },
      "v=TLSRPTv1 ; rua=mailto:x@x.example; rua=mailto:y@x.example", line -> {
        ParseResult<TlsRptRecord> parsed = TlsRptRecord.read(line, ParseMode.STRICT);
        assertEquals(List.of(URI.create("mailto:x@x.example"), URI.create("mailto:y@x.example")),
            parsed.value().rua());
        assertEquals(List.of(RecordErrorCode.WHITESPACE_BEFORE_DELIMITER, RecordErrorCode.DUPLICATE_FIELD),
            codes(parsed));
      },
      "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com", line -> {
        ParseResult<TlsRptRecord> parsed = TlsRptRecord.read(line, ParseMode.STRICT);
        assertEquals(List.of(URI.create("mailto:a@example.com"), URI.create("mailto:b@example.com")),
            parsed.value().rua());
        assertEquals(List.of(RecordErrorCode.DUPLICATE_FIELD), codes(parsed));
      });

  private static List<ProblemCode> codes(ParseResult<?> parsed) {
    return parsed.warnings().stream().map(Warning::code).toList();
  }

  private static Path corpus() {
    String dir = System.getProperty("mtasts.corpus.dir", "");
    Path path = Path.of(dir.isEmpty() ? "/nonexistent" : dir, "txt");
    assumeTrue(Files.isDirectory(path), "corpus folder " + path + " not found");
    return path;
  }

  private static List<String> lines(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static DynamicContainer file(Path file, Consumer<String> check) throws IOException {
    List<String> lines = lines(file);
    assertFalse(lines.isEmpty(), file + " is empty");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      tests.add(DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName()
          + " line " + (i + 1) + ": " + line.replace("\t", "\\t"), () -> check.accept(line)));
    }
    return DynamicContainer.dynamicContainer(file.toString(), tests);
  }

  @TestFactory
  List<DynamicContainer> stsValidLinesParseStrictly() throws IOException {
    return List.of(file(corpus().resolve("mta-sts/valid.txt"),
        line -> assertDoesNotThrow(() -> StsRecord.parse(line))));
  }

  @TestFactory
  List<DynamicContainer> stsInvalidLinesAreRefused() throws IOException {
    return List.of(file(corpus().resolve("mta-sts/invalid.txt"),
        line -> assertThrows(RecordParseException.class, () -> StsRecord.parse(line))));
  }

  @TestFactory
  List<DynamicContainer> stsDisputedLinesGetTheDigestsDecision() throws IOException {
    return List.of(file(corpus().resolve("mta-sts/disputed.txt"), TxtCorpusTest::decide));
  }

  @TestFactory
  List<DynamicContainer> tlsRptValidLinesParseStrictly() throws IOException {
    return List.of(file(corpus().resolve("tlsrpt/valid.txt"),
        line -> assertDoesNotThrow(() -> TlsRptRecord.parse(line))));
  }

  @TestFactory
  List<DynamicContainer> tlsRptInvalidLinesAreRefused() throws IOException {
    return List.of(file(corpus().resolve("tlsrpt/invalid.txt"),
        line -> assertThrows(RecordParseException.class, () -> TlsRptRecord.parse(line))));
  }

  @TestFactory
  List<DynamicContainer> tlsRptDisputedLinesGetTheDigestsDecision() throws IOException {
    return List.of(file(corpus().resolve("tlsrpt/disputed.txt"), TxtCorpusTest::decide));
  }

  private static void decide(String line) {
    Consumer<String> decision = DISPUTED.get(line);
    if (decision == null) {
      throw new AssertionError("no decision recorded for the disputed line \"" + line + "\"; add one");
    }
    decision.accept(line);
  }
}
