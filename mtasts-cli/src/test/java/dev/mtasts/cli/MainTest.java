package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class MainTest {
  @Test
  void helpListsEveryCommandAndTheExitStatusContract() {
    Cli.Result r = Cli.exec("--help");
    assertEquals(0, r.status(), r::toString);
    for (String command : new String[] {"policy", "record", "dns", "report", "readiness", "plan"}) {
      assertTrue(r.out().contains("  " + command + " "), () -> command + " missing\n" + r);
    }
    assertTrue(r.out().contains("Exit status: 0"), r::toString);
  }

  @Test
  void versionPrintsTheProgramName() {
    Cli.Result r = Cli.exec("--version");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("mtasts "), r::toString);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                                | Missing required subcommand",
        "frobnicate                        | Unmatched argument at index 0: 'frobnicate'",
        "policy                            | Missing required subcommand",
        "policy check                      | Missing required parameter: 'FILE'",
        "policy check --bogus x            | Unknown option: '--bogus'",
        "policy new --mx mx.example.com    | Missing required option: '--mode=MODE'",
        "record                            | Missing required subcommand",
        "record check                      | Missing required parameter: 'TEXT'",
        "record new-id --current           | Missing required parameter for option '--current'",
        "dns                               | Missing required parameter: 'DOMAIN'",
        "dns example.com --timeout soon    | Invalid value for option '--timeout'",
        "report summarize                  | Missing required parameter: 'PATH'",
        "report summarize --since 2024-13-01 x | Invalid value for option '--since'",
        "readiness                         | Missing required parameter: 'DIR'",
        "readiness d --window x            | Invalid value for option '--window'",
        "plan                              | Missing required parameters: 'TARGET', 'DIR'",
        "plan upgrade d                    | Invalid value for positional parameter at index 0 (TARGET)",
      })
  void usageErrorsExitWithTwoAndAHintOnStandardError(String args, String message) {
    Cli.Result r = Cli.exec(args.isBlank() ? new String[0] : args.trim().split("\\s+"));
    assertEquals(2, r.status(), r::toString);
    assertEquals("", r.out(), r::toString);
    assertTrue(r.err().startsWith("mtasts: " + message), r::toString);
    assertTrue(r.err().contains("--help' for more information."), r::toString);
  }

  @Test
  void debugIsAcceptedOnEveryCommand() {
    Cli.Result r = Cli.exec("policy", "check", "--debug", "--help");
    assertEquals(0, r.status(), r::toString);
  }

  // main() builds only the subcommand the arguments name (start-up time); every answer must be the
  // one of the whole tree.
  @ParameterizedTest
  @ValueSource(strings = {
    "", "--help", "-V", "--debug", "recrod check x", "record", "record --help", "record check --help",
    "--debug record check v=STSv1;id=1;", "record check v=STSv1;id=1;", "record check v=STSv1",
    "record check --type tlsrpt v=TLSRPTv1;rua=mailto:a@example.com", "policy check", "policy nope",
    "report", "history --help", "plan --help", "dns --help", "fetch --help", "readiness --help",
    "record check -x", "-x record", "record -V",
  })
  void onlyTheNamedSubcommandIsBuiltAndAnswersTheSame(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertEquals(new Cli().runFullTree(args).toString(), new Cli().run(args).toString(), line);
  }
}
