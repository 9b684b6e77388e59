package dev.mtasts.tlsrpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ResultTypeTest {

  @Test
  void knowsEveryRfc8460Value() {
    assertEquals(
        List.of(
            "starttls-not-supported", "certificate-host-mismatch", "certificate-expired",
            "certificate-not-trusted", "validation-failure", "tlsa-invalid", "dnssec-invalid",
            "dane-required", "sts-policy-fetch-error", "sts-policy-invalid", "sts-webpki-invalid"),
        ResultType.knownValues().stream().map(ResultType::wireName).collect(Collectors.toList()));
    for (ResultType t : ResultType.knownValues()) {
      assertSame(t, ResultType.of(t.wireName()));
    }
  }

  @Test
  void unknownValueKeepsRawTextAndEqualsByValue() {
    ResultType t = ResultType.of("Testing");
    assertFalse(t.isKnown());
    assertEquals(ResultType.Category.UNKNOWN, t.category());
    assertEquals("Testing", t.toString());
    assertEquals(ResultType.of("Testing"), t);
    assertEquals(ResultType.of("Testing").hashCode(), t.hashCode());
    assertNotEquals(ResultType.of("certificate-expired"), ResultType.of("Certificate-Expired"));
  }

  @Test
  void policyTypeMapsWireNames() {
    assertSame(PolicyType.STS, PolicyType.fromWireName("sts").orElseThrow());
    assertSame(PolicyType.NO_POLICY_FOUND, PolicyType.fromWireName("no-policy-found").orElseThrow());
    // Other text is no policy type: the lookup says so, and the lenient reader keeps it as UNKNOWN.
    assertSame(PolicyType.UNKNOWN, PolicyType.fromWireName("STS").orElse(PolicyType.UNKNOWN));
    assertTrue(PolicyType.fromWireName("STS").isEmpty());
    assertTrue(PolicyType.fromWireName("").isEmpty());
    assertThrows(NullPointerException.class, () -> PolicyType.fromWireName(null));
  }
}
