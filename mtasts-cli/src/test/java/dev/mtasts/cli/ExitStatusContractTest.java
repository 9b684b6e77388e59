package dev.mtasts.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** Whatever the input, the parsers' commands answer 0 or 1 with a message, never a crash. */
final class ExitStatusContractTest {
  @Property(tries = 300)
  void policyCheckNeverCrashes(@ForAll @StringLength(max = 200) String text, @ForAll boolean lenient) {
    Cli.Result r = lenient
        ? new Cli().stdin(text).run("policy", "check", "--lenient", "-")
        : new Cli().stdin(text).run("policy", "check", "-");
    assertTrue(r.status() == 0 || r.status() == 1, r::toString);
    assertFalse(r.err().contains("internal error"), r::toString);
  }

  @Property(tries = 300)
  void policyCheckNeverCrashesOnNearValidPolicies(
      @ForAll @StringLength(max = 12) String insert, @ForAll int position) {
    String valid = "version: STSv1\nmode: enforce\nmx: mx1.example.com\nmx: *.example.net\nmax_age: 604800\n";
    int at = Math.floorMod(position, valid.length() + 1);
    String text = valid.substring(0, at) + insert + valid.substring(at);
    Cli.Result r = new Cli().stdin(text).run("policy", "check", "--json", "-");
    assertTrue(r.status() == 0 || r.status() == 1, r::toString);
    assertTrue(r.out().startsWith("{"), r::toString);
    Json.parse(r.out());
  }

  @Property(tries = 300)
  void recordCheckNeverCrashes(@ForAll @StringLength(max = 120) String suffix, @ForAll boolean tlsRpt) {
    String text = (tlsRpt ? "v=TLSRPTv1;" : "v=STSv1;") + suffix;
    Cli.Result r = new Cli().run("record", "check", "--json", text);
    assertTrue(r.status() == 0 || r.status() == 1, r::toString);
    Json.parse(r.out());
    assertFalse(r.err().contains("internal error"), r::toString);
  }
}
