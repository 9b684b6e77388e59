package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TriageTest {

  @ParameterizedTest(name = "{0} from {1} to {2}: {3}")
  @CsvSource(
      nullValues = "-",
      textBlock = """
          certificate-expired,        192.0.2.1,   mx1.example.com,        FIX_OUR_SIDE
          certificate-host-mismatch,  192.0.2.1,   in1-smtp.hosted.example, FIX_OUR_SIDE
          certificate-not-trusted,    2001:db8::1, -,                      FIX_OUR_SIDE
          validation-failure,         192.0.2.1,   mx.elsewhere.example,   INVESTIGATE
          validation-failure,         10.1.2.3,    mx1.example.com,        USUALLY_SAFE_TO_IGNORE
          certificate-expired,        x.x.x.x,     mx1.example.com,        USUALLY_SAFE_TO_IGNORE
          certificate-expired,        fe80::1,     mx1.example.com,        USUALLY_SAFE_TO_IGNORE
          starttls-not-supported,     192.0.2.1,   mx1.example.com,        USUALLY_SAFE_TO_IGNORE
          sts-policy-fetch-error,     -,           -,                      FIX_POLICY_HOSTING
          sts-policy-invalid,         192.0.2.1,   mx1.example.com,        FIX_POLICY_HOSTING
          sts-webpki-invalid,         -,           -,                      FIX_POLICY_HOSTING
          tlsa-invalid,               192.0.2.1,   mx1.example.com,        INVESTIGATE
          Testing,                    192.0.2.1,   mx1.example.com,        INVESTIGATE
          """)
  void playbookClassifies(String resultType, String ip, String mx, TriageClass expected) {
    FailureObservation o =
        new FailureObservation(
            "example.com", "sts", ResultType.of(resultType), ip, mx, Set.of("*.hosted.example"));
    assertEquals(expected, Triage.playbook().classify(o));
  }
}
