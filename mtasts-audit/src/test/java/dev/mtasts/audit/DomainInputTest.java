package dev.mtasts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the audit accepts as a domain: names only, converted to A-labels; everything else refused in words. */
final class DomainInputTest {
  @ParameterizedTest
  @ValueSource(strings = {"192.0.2.1", "[192.0.2.1]", "2001:db8::1", "[2001:db8::1]"})
  void ipLiteralIsRefused(String input) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainAudit.normalizeDomain(input));
    assertTrue(e.getMessage().contains("is an IP address"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void emptyIsRefused(String input) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainAudit.normalizeDomain(input));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void threeHundredCharactersAreRefused() {
    String input = ("a".repeat(59) + ".").repeat(5) + "com";
    assertEquals(303, input.length());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainAudit.normalizeDomain(input));
    assertTrue(e.getMessage().contains("at most 253"), e.getMessage());
  }

  @Test
  void nameTooLongForItsPolicyHostIsRefused() {
    String input = ("a".repeat(60) + ".").repeat(4) + "co";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DomainAudit.normalizeDomain(input));
    assertTrue(e.getMessage().contains("mta-sts."), e.getMessage());
  }

  @Test
  void uLabelIsConvertedToALabel() {
    assertEquals("xn--bcher-kva.example", DomainAudit.normalizeDomain("bücher.example"));
    assertEquals("example.com", DomainAudit.normalizeDomain("Example.COM."));
  }

  @Test
  void uLabelThatIdna2003WouldMisconvertIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DomainAudit.normalizeDomain("straße.de"));
    assertTrue(e.getMessage().contains("A-label"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "exa mple.com", "*.example.com", "a..b"})
  void nonDomainsAreRefused(String input) {
    assertThrows(IllegalArgumentException.class, () -> DomainAudit.normalizeDomain(input));
  }
}
