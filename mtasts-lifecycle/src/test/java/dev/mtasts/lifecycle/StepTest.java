package dev.mtasts.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mtasts.dns.PolicyId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class StepTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void refusesATxtChangeThatKeepsTheId() {
    PolicyId same = PolicyId.of("A1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Step.PublishTxt("_mta-sts.example.com", "v=STSv1; id=A1;", same, same));
    assertTrue(e.getMessage().contains("senders would not fetch the new policy"));
  }

  @Test
  void endsAWaitAtTheLaterOfPlanAndActualProgress() {
    Step.Wait wait = new Step.Wait(T.plus(Duration.ofHours(1)), Duration.ofHours(1), "TTL");
    assertEquals(T.plus(Duration.ofHours(1)), wait.endsAt(T));
    assertEquals(T.plus(Duration.ofHours(1)), wait.endsAt(T.minus(Duration.ofHours(5))));
    assertEquals(T.plus(Duration.ofHours(3)), wait.endsAt(T.plus(Duration.ofHours(2))));
    assertThrows(IllegalArgumentException.class,
        () -> new Step.Wait(T, Duration.ofSeconds(-1), "x"));
  }

  @Test
  void describesEachStepWithItsArtifact() {
    assertEquals("Change the TXT record _mta-sts.example.com to \"v=STSv1; id=B2;\" (it was id=A1)",
        new Step.PublishTxt("_mta-sts.example.com", "v=STSv1; id=B2;", PolicyId.of("B2"),
            PolicyId.of("A1")).instruction());
    assertEquals("Publish the TXT record _mta-sts.example.com to \"v=STSv1; id=B2;\"",
        new Step.PublishTxt("_mta-sts.example.com", "v=STSv1; id=B2;", PolicyId.of("B2"), null)
            .instruction());
    assertEquals("Delete the TXT record _mta-sts.example.com (now \"v=STSv1; id=B2;\")",
        new Step.RemoveTxt("_mta-sts.example.com", "v=STSv1; id=B2;").instruction());
    assertTrue(new Step.RemovePolicyFile("https://mta-sts.example.com/.well-known/mta-sts.txt")
        .instruction().startsWith("Stop serving https://mta-sts.example.com/"));
  }

  @Test
  void comparesStepsByValue() {
    Step.UploadPolicy a = new Step.UploadPolicy("u", "t");
    assertEquals(a, new Step.UploadPolicy("u", "t"));
    assertEquals(a.hashCode(), new Step.UploadPolicy("u", "t").hashCode());
    assertNotEquals(a, new Step.UploadPolicy("u", "t2"));
    assertTrue(a.toString().contains("policyText=t"));
  }

  @Test
  void validatesPlansAndReasons() {
    PublicationHistory h = PublicationHistory.empty(Fixtures.DOMAIN);
    Step.Wait wait = new Step.Wait(T, Duration.ZERO, "x");
    assertThrows(IllegalArgumentException.class, () -> new Plan(Fixtures.DOMAIN, Transition.DEPLOY,
        LifecycleState.ABSENT, LifecycleState.TESTING, List.of(), List.of(), null, null, h, T, T,
        null));
    assertThrows(IllegalArgumentException.class, () -> new Plan(Fixtures.DOMAIN, Transition.DEPLOY,
        LifecycleState.ABSENT, LifecycleState.TESTING, List.of(wait), List.of(), Fixtures.testing(),
        null, h, T, T, null));
    assertThrows(IllegalArgumentException.class, () -> new Refusal(Fixtures.DOMAIN,
        LifecycleState.ABSENT, LifecycleState.ENFORCE, List.of(), null));
    assertThrows(IllegalArgumentException.class, () -> new Reason.MissingDays(List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new Reason.UncoveredMxHosts(List.of(), List.of()));
    Reason.MissingDays one = new Reason.MissingDays(List.of(LocalDate.parse("2026-02-01")));
    assertTrue(one.message().startsWith("no TLS-RPT report covers 1 UTC day of the window:"));
  }
}
