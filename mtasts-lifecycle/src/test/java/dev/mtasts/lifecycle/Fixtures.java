package dev.mtasts.lifecycle;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Policies and histories shared by the tests. */
final class Fixtures {
  static final String DOMAIN = "example.com";
  static final long YEAR = 31_557_600L;
  static final long WEEK = 604_800L;
  static final long TWO_WEEKS = 1_209_600L;

  private Fixtures() {}

  static MtaStsPolicy policy(Mode mode, long maxAge, String... mx) {
    List<MxPattern> patterns = new ArrayList<>();
    for (String p : mx) {
      patterns.add(MxPattern.parse(p));
    }
    return MtaStsPolicy.of(mode, maxAge, patterns);
  }

  static MtaStsPolicy testing() {
    return policy(Mode.TESTING, WEEK, "mx1.example.com", "*.mail.example.com");
  }

  static MtaStsPolicy enforce(long maxAge) {
    return policy(Mode.ENFORCE, maxAge, "mx1.example.com", "*.mail.example.com");
  }

  static MtaStsPolicy none() {
    return Target.modeNone().policy();
  }

  static Instant at(String instant) {
    return Instant.parse(instant);
  }

  static PolicyId id(String value) {
    return PolicyId.of(value);
  }

  /** Testing since t, enforce (a year) since t + 30 days, still served. */
  static PublicationHistory enforcedHistory(Instant t) {
    return PublicationHistory.empty(DOMAIN)
        .served(id("T1"), testing(), t)
        .served(id("E1"), enforce(YEAR), t.plus(Duration.ofDays(30)));
  }
}
