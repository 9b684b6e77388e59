package dev.mtasts.policy.internal;

import dev.mtasts.policy.MxPattern;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code mx} patterns of one policy in two open-addressing hash tables, so that matching an MX
 * host (RFC 8461 §4.1) costs one pass over the host and at most two probes, whatever the number of
 * patterns: exact patterns keyed by the whole name, wildcard patterns ({@code *.example.net}) keyed
 * by their parent domain ({@code example.net}), which is the host after its leftmost label.
 *
 * <p>Keys are hashed in place over a region of the host string, ASCII case folded, the root dot
 * left out, so a lookup allocates nothing. Built once per policy, on the first match; immutable.
 * Hash collisions only cost probes: every candidate is compared character by character, so the
 * answer is always that of {@link Hosts#matchesAscii} over every pattern.
 */
public final class MxIndex {
  // The slots hold the patterns themselves (lower case, valid); null is an empty slot.
  private final @Nullable String @Nullable [] exact;
  private final int @Nullable [] exactHashes;
  private final @Nullable String @Nullable [] wildcard;
  private final int @Nullable [] wildcardHashes;

  private MxIndex(List<MxPattern> patterns) {
    int exactCount = 0;
    for (int i = 0, n = patterns.size(); i < n; i++) {
      if (!patterns.get(i).wildcard()) {
        exactCount++;
      }
    }
    int wildcardCount = patterns.size() - exactCount;
    @Nullable String[] ex = exactCount == 0 ? null : new String[tableSize(exactCount)];
    int[] exHashes = ex == null ? null : new int[ex.length];
    @Nullable String[] wc = wildcardCount == 0 ? null : new String[tableSize(wildcardCount)];
    int[] wcHashes = wc == null ? null : new int[wc.length];
    for (int i = 0, n = patterns.size(); i < n; i++) {
      String p = patterns.get(i).pattern();
      if (p.charAt(0) == '*' && wc != null && wcHashes != null) {
        insert(wc, wcHashes, p, hash(p, 2, p.length()));
      } else if (ex != null && exHashes != null) {
        insert(ex, exHashes, p, hash(p, 0, p.length()));
      }
    }
    exact = ex;
    exactHashes = exHashes;
    wildcard = wc;
    wildcardHashes = wcHashes;
  }

  /**
   * Builds the index of a policy's patterns.
   *
   * @param patterns valid patterns, repeats allowed
   * @return the index
   */
  public static MxIndex of(List<MxPattern> patterns) {
    return new MxIndex(patterns);
  }

  /** A power of two at least twice the count: load factor at most 0.5, so probe runs stay short. */
  private static int tableSize(int count) {
    return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
  }

  private static void insert(@Nullable String[] table, int[] hashes, String pattern, int h) {
    int mask = table.length - 1;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      String there = table[slot];
      if (there == null) {
        table[slot] = pattern;
        hashes[slot] = h;
        return;
      }
      if (hashes[slot] == h && there.equals(pattern)) {
        return; // a repeated pattern (allowed, see PolicyLint) adds nothing
      }
    }
  }

  /** {@link #match} found a pattern that covers the host. */
  public static final int MATCH = 1;
  /** {@link #match} found no pattern that covers the host. */
  public static final int NO_MATCH = 0;
  /** The host has a non-ASCII character: convert it to A-labels and ask again. */
  public static final int NOT_ASCII = -1;

  /**
   * Tells whether a pattern covers the host; the same answer as {@link Hosts#matchesAscii} for
   * each pattern in turn. The pass that hashes the host also checks that it is ASCII.
   *
   * @param host a host name, any letter case, with or without the root dot
   * @return {@link #MATCH}, {@link #NO_MATCH} or {@link #NOT_ASCII}
   */
  public int match(String host) {
    int hl = Hosts.nameLength(host);
    // One pass from the right hashes the whole name and, at its leftmost dot, the parent domain
    // a wildcard would have to equal (RFC 8461 §4.1: "*" stands for exactly one label).
    int h = 0;
    int parentHash = 0;
    int firstDot = -1;
    int all = 0;
    for (int i = hl - 1; i >= 0; i--) {
      char c = host.charAt(i);
      all |= c;
      if (c == '.') {
        parentHash = h;
        firstDot = i;
      }
      h = 31 * h + (c | 0x20);
    }
    if (all >= 0x80) {
      return NOT_ASCII;
    }
    @Nullable String[] ex = exact;
    int[] exHashes = exactHashes;
    if (ex != null && exHashes != null && find(ex, exHashes, h, host, 0, hl, 0)) {
      return MATCH;
    }
    @Nullable String[] wc = wildcard;
    int[] wcHashes = wildcardHashes;
    if (wc == null || wcHashes == null || firstDot <= 0) {
      return NO_MATCH;
    }
    // The leftmost label must be an LDH label, and the name within the DNS limits.
    int labelEnd = Hosts.wildcardLabelEnd(host, hl);
    return labelEnd == firstDot && find(wc, wcHashes, parentHash, host, firstDot + 1, hl, 2) ? MATCH : NO_MATCH;
  }

  private static boolean find(@Nullable String[] table, int[] hs, int h, String host,
      int from, int to, int keyFrom) {
    int mask = table.length - 1;
    int len = to - from;
    for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
      String p = table[slot];
      if (p == null) {
        return false;
      }
      if (hs[slot] == h && p.length() - keyFrom == len && regionEquals(host, from, p, keyFrom, len)) {
        return true;
      }
    }
  }

  /** Spreads the low bits, as {@code HashMap} does, so that the mask sees the whole hash. */
  private static int mix(int h) {
    return h ^ (h >>> 16);
  }

  /**
   * Hashes {@code s[from, to)} from right to left, folding ASCII case, as {@link #matches} does.
   */
  private static int hash(String s, int from, int to) {
    int h = 0;
    for (int i = to - 1; i >= from; i--) {
      h = 31 * h + (s.charAt(i) | 0x20);
    }
    return h;
  }

  private static boolean regionEquals(String host, int hostFrom, String lowerPattern, int patternFrom, int len) {
    for (int i = 0; i < len; i++) {
      char c = host.charAt(hostFrom + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c | 0x20);
      }
      if (c != lowerPattern.charAt(patternFrom + i)) {
        return false;
      }
    }
    return true;
  }
}
