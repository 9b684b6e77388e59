package dev.mtasts.tlsrpt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class FingerprintSetTest {

  @Test
  void separatesOrganizationFromReportId() {
    FingerprintSet s = new FingerprintSet();
    assertTrue(s.add("ab", "c"));
    assertTrue(s.add("a", "bc"));
    assertFalse(s.add("ab", "c"));
    assertEquals(2, s.size());
  }

  @Test
  void containsFindsExactlyWhatWasAddedWithoutAddingIt() {
    FingerprintSet s = new FingerprintSet();
    for (int i = 0; i < 1_000; i++) {
      s.add("org", "id" + i);
    }
    for (int i = 0; i < 1_000; i++) {
      assertTrue(s.contains("org", "id" + i));
      assertFalse(s.contains("org", "other" + i));
      assertFalse(s.contains("or", "gid" + i));
    }
    assertEquals(1_000, s.size());
    assertFalse(new FingerprintSet().contains("", ""));
  }

  @Test
  void growsAndUnitesWithOverlapCount() {
    FingerprintSet a = new FingerprintSet();
    FingerprintSet b = new FingerprintSet();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(a.add("org", "id" + i));
      if (i % 2 == 0) {
        b.add("org", "id" + i);
      }
    }
    b.add("org", "extra");
    assertEquals(10_000, a.size());
    FingerprintSet u = a.copy();
    assertEquals(5_000, u.addAll(b));
    assertEquals(10_001, u.size());
    assertFalse(u.equals(a));
    FingerprintSet v = b.copy();
    v.addAll(a);
    assertEquals(u, v);
    assertEquals(u.hashCode(), v.hashCode());
  }

  @Test
  void unionHoldsBothSidesAndLeavesThemUnchanged() {
    FingerprintSet a = new FingerprintSet();
    FingerprintSet b = new FingerprintSet();
    for (int i = 0; i < 3_000; i++) {
      a.add("org", "id" + i);
    }
    for (int i = 2_000; i < 2_500; i++) {
      b.add("org", "id" + i);
    }
    b.add("other", "id1");
    FingerprintSet expected = a.copy();
    expected.addAll(b);
    for (FingerprintSet u : new FingerprintSet[] {FingerprintSet.union(a, b), FingerprintSet.union(b, a)}) {
      assertEquals(expected, u);
      assertEquals(3_001, u.size());
      assertTrue(u.contains("other", "id1"));
      assertTrue(u.add("org", "new"));
    }
    assertEquals(3_000, a.size());
    assertEquals(501, b.size());
    assertFalse(a.contains("other", "id1"));
    assertFalse(b.contains("org", "new"));
    assertEquals(0, FingerprintSet.union(new FingerprintSet(), new FingerprintSet()).size());
  }

  @Test
  void spansSeveralPagesAndCopiesIndependently() {
    FingerprintSet s = new FingerprintSet();
    for (int i = 0; i < 40_000; i++) {
      assertTrue(s.add("org" + (i % 7), "rid-" + i));
    }
    FingerprintSet c = s.copy();
    assertTrue(c.add("org", "only-in-copy"));
    for (int i = 0; i < 40_000; i++) {
      assertTrue(s.contains("org" + (i % 7), "rid-" + i));
      assertFalse(s.add("org" + (i % 7), "rid-" + i));
      assertFalse(s.contains("org" + ((i + 1) % 7), "rid-" + i));
    }
    assertEquals(40_000, s.size());
    assertEquals(40_001, c.size());
    assertFalse(s.contains("org", "only-in-copy"));
    assertEquals(40_000, c.addAll(s));
    assertEquals(40_001, c.size());
  }
}
