package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code record check} run by {@link Start} without picocli (the short form) answers as the picocli
 * command tree does: the same standard output, standard error and exit status for every record
 * text and option order, and every other command line is left to picocli.
 */
final class RecordCheckShortFormTest {
  private static final List<String> RECORDS = List.of(
      "v=STSv1; id=1;", "v=STSv1; id=20261124093000Z;", "v=STSv1;id=abc", "v=STSv1; id=a-b;",
      "v=STSv1; id=;", "v=STSv1; id=1; id=2;", "v=STSv1; id=1; ext=x;", "v=STSv2; id=1;",
      "v=TLSRPTv1; rua=mailto:tlsrpt@example.com", "v=TLSRPTv1; rua=https://r.example.com/v1,mailto:a@b.example",
      "v=TLSRPTv1; rua=mailto:a@b.example,mailto:a@b.example", "v=TLSRPTv1; rua=ftp://x", "v=TLSRPTv1;",
      "\"v=STSv1; \" \"id=1;\"", "  v=STSv1; id=1;  ", "id=1; v=STSv1;", "x", "v=", "V=STSV1; ID=1;",
      "v=STSv1; id=\u00e9;", "v=STSv1; id=1;\u001b[31m", "v=TLSRPTv1; rua=mailto:\u00e9@example.com",
      "@record", "check", "", " ", "v=STSv1; id=" + "9".repeat(40) + ";");

  @Test
  void everyOptionOrderAnswersAsPicocliDoes() {
    for (String record : RECORDS) {
      for (List<String> args : commandLines(record)) {
        String[] a = args.toArray(String[]::new);
        assertTrue(RecordCheckCommand.isShortForm(a), args::toString);
        assertEquals(Cli.exec(a), Cli.execShortForm(a), args::toString);
        assertEquals(new Cli().runFullTree(a), Cli.execShortForm(a), args::toString);
      }
    }
  }

  @Provide
  Arbitrary<String> recordTexts() {
    Arbitrary<String> tail = Arbitraries.strings()
        .withChars("vV=STsRPLtlr1;: \t\"\\,@.-_+%/aeimoxz09\u00e9\u0000\u001b\u007f\u2028")
        .ofMaxLength(40);
    Arbitrary<String> head = Arbitraries.of("", "v=STSv1; id=", "v=TLSRPTv1; rua=", "v=TLSRPTv1; rua=mailto:",
        "v=TLSRPTv1; rua=https://", "\"v=STSv1; \" \"");
    return Combinators.combine(head, tail).as(String::concat).filter(t -> !t.startsWith("-"));
  }

  @Property(tries = 300)
  void anyRecordTextAnswersAsPicocliDoes(@ForAll("recordTexts") String record,
      @ForAll boolean lenient, @ForAll boolean json) {
    List<String> args = new ArrayList<>(List.of("record", "check"));
    if (json) {
      args.add("--json");
    }
    args.add(record);
    if (lenient) {
      args.add("--lenient");
    }
    String[] a = args.toArray(String[]::new);
    assertTrue(RecordCheckCommand.isShortForm(a), args::toString);
    assertEquals(Cli.exec(a), Cli.execShortForm(a), args::toString);
  }

  @Test
  void otherCommandLinesAreLeftToPicocli() {
    List<List<String>> others = List.of(
        List.of("record", "check"), List.of("record", "check", "-"), List.of("record", "check", "--help"),
        List.of("record", "check", "-h"), List.of("record", "check", "--version"),
        List.of("record", "check", "--json", "--json", "v=STSv1; id=1;"),
        List.of("record", "check", "--lenient", "--lenient", "v=STSv1; id=1;"),
        List.of("record", "check", "v=STSv1; id=1;", "v=STSv1; id=2;"),
        List.of("record", "check", "--", "v=STSv1; id=1;"), List.of("record", "check", "--json=true", "x"),
        List.of("record", "check", "--debug", "x"), List.of("--debug", "record", "check", "x"),
        List.of("record", "new-id"), List.of("Record", "check", "x"), List.of("record", "Check", "x"),
        List.of("policy", "check", "x"), List.of("record", "check", "x", "--json", "--lenient", "y"));
    for (List<String> args : others) {
      assertFalse(RecordCheckCommand.isShortForm(args.toArray(String[]::new)), args::toString);
    }
  }

  private static List<List<String>> commandLines(String record) {
    List<List<String>> lines = new ArrayList<>();
    lines.add(List.of("record", "check", record));
    lines.add(List.of("record", "check", "--lenient", record));
    lines.add(List.of("record", "check", record, "--lenient"));
    lines.add(List.of("record", "check", "--json", record));
    lines.add(List.of("record", "check", record, "--json", "--lenient"));
    lines.add(List.of("record", "check", "--lenient", record, "--json"));
    return lines;
  }
}
