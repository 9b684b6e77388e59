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
 * <p>Keys are hashed in place over a region of the host string (the whole name or the parent
 * domain), ASCII case folded, the root dot left out, so a lookup allocates nothing and reads the
 * host about once: the hash samples a fixed number of characters and the candidate is compared.
 * The tables hold the keys themselves (a wildcard's parent domain as a string of its own), so the
 * comparison of a lower-case host is {@link String#indexOf(String, int)} at the key's offset, which
 * the JIT compiles to a vectorised compare (a plain region compare goes byte by byte; it was a
 * third of a hit); a host in another case is then compared case-insensitively. Built once per
 * policy, on the first match; immutable. Hash collisions only cost probes: every candidate is
 * compared character by character, so the answer is always that of {@link Hosts#matchesAscii}
 * over every pattern.
 */
public final class MxIndex {
  // The slots hold the keys (lower case, valid): an exact pattern, or the parent domain of a
  // wildcard pattern (the pattern after "*."); null is an empty slot.
  private final @Nullable String @Nullable [] exact;
  private final int @Nullable [] exactHashes;
  private final @Nullable String @Nullable [] wildcard;
  private final int @Nullable [] wildcardHashes;
  // Which key lengths occur (bit n: some key has n characters; keys have at most 253): most hosts
  // a policy does not cover are told apart by their length alone, before any hashing.
  private final long[] exactLengths = new long[4];
  private final long[] parentLengths = new long[4];

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
        String parent = p.substring(2);
        insert(wc, wcHashes, parent, key(parent, 0, parent.length()));
        setBit(parentLengths, parent.length());
      } else if (ex != null && exHashes != null) {
        insert(ex, exHashes, p, key(p, 0, p.length()));
        setBit(exactLengths, p.length());
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

  private static void setBit(long[] bits, int n) {
    bits[n >>> 6] |= 1L << n;
  }

  private static boolean hasBit(long[] bits, int n) {
    return (n & ~0xff) == 0 && (bits[n >>> 6] & (1L << n)) != 0;
  }

  /** A power of two at least twice the count: load factor at most 0.5, so probe runs stay short. */
  private static int tableSize(int count) {
    return Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1;
  }

  private static void insert(@Nullable String[] table, int[] hashes, String key, int h) {
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      String there = table[slot];
      if (there == null) {
        table[slot] = key;
        hashes[slot] = h;
        return;
      }
      if (hashes[slot] == h && there.equals(key)) {
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
   * each pattern in turn, for an ASCII host.
   *
   * @param host a host name, any letter case, with or without the root dot
   * @return {@link #MATCH}, {@link #NO_MATCH} or {@link #NOT_ASCII}
   */
  public int match(String host) {
    int hl = Hosts.nameLength(host);
    @Nullable String[] ex = exact;
    int[] exHashes = exactHashes;
    if (ex != null && exHashes != null && hasBit(exactLengths, hl)
        && find(ex, exHashes, key(host, 0, hl), host, 0, hl)) {
      return MATCH;
    }
    @Nullable String[] wc = wildcard;
    int[] wcHashes = wildcardHashes;
    if (wc != null && wcHashes != null) {
      // RFC 8461 §4.1: "*" stands for exactly one leftmost label, an LDH label, in a name within
      // the DNS limits; the rest of the host must equal the pattern's parent domain.
      int dot = Hosts.wildcardLabelEnd(host, hl);
      if (dot > 0 && hasBit(parentLengths, hl - dot - 1)
          && find(wc, wcHashes, key(host, dot + 1, hl), host, dot + 1, hl)) {
        return MATCH;
      }
    }
    // Patterns are ASCII, so a host that matched was ASCII; one that did not may be a U-label.
    return DomainNameSyntax.isAscii(host) ? NO_MATCH : NOT_ASCII;
  }

  private static boolean find(@Nullable String[] table, int[] hs, int h, String host, int from, int to) {
    int mask = table.length - 1;
    int len = to - from;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      String k = table[slot];
      if (k == null) {
        return false;
      }
      // indexOf finds the key at `from` exactly when the region equals it: the key is as long as
      // the region, so it can only also be found one further, over a root dot, and that is not
      // `from`. The case-insensitive compare runs only when the host is not in lower case.
      if (hs[slot] == h && k.length() == len
          && (host.indexOf(k, from) == from || regionEquals(host, from, k, len))) {
        return true;
      }
    }
  }

  /**
   * Hashes {@code s[from, to)} without a pass over it: its length and its first and last eight
   * characters, ASCII case folded, packed into two longs. Names that agree there collide and are
   * told apart by the comparison; the patterns of one policy seldom do (they differ in their
   * first label or their domain). Costs the same for every length, so the lookup is one pass:
   * the comparison with the candidate.
   */
  static int key(String s, int from, int to) {
    int len = to - from;
    long head;
    long tail;
    if (len >= 8) {
      head = pack8(s, from);
      tail = pack8(s, to - 8);
    } else {
      head = 0;
      for (int i = from; i < to; i++) {
        head = head << 8 | (s.charAt(i) & 0xff);
      }
      tail = 0;
    }
    // | 0x20 in every byte folds ASCII case (and merges a few other characters, which the
    // comparison tells apart).
    long x = (head | FOLD) * 0x9E3779B97F4A7C15L ^ (tail | FOLD) * 0xC2B2AE3D27D4EB4FL ^ len;
    return (int) (x ^ (x >>> 29) ^ (x >>> 47));
  }

  private static final long FOLD = 0x2020202020202020L;

  private static long pack8(String s, int from) {
    return (long) (s.charAt(from) & 0xff) << 56
        | (long) (s.charAt(from + 1) & 0xff) << 48
        | (long) (s.charAt(from + 2) & 0xff) << 40
        | (long) (s.charAt(from + 3) & 0xff) << 32
        | (long) (s.charAt(from + 4) & 0xff) << 24
        | (s.charAt(from + 5) & 0xff) << 16
        | (s.charAt(from + 6) & 0xff) << 8
        | (s.charAt(from + 7) & 0xff);
  }

  private static boolean regionEquals(String host, int hostFrom, String lowerKey, int len) {
    for (int i = 0; i < len; i++) {
      char c = host.charAt(hostFrom + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c | 0x20);
      }
      if (c != lowerKey.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
