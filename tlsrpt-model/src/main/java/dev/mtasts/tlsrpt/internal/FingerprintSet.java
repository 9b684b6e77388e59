package dev.mtasts.tlsrpt.internal;

/**
 * A set of 128-bit fingerprints of (organization, report-id) pairs in one open-addressing
 * {@code long[]} of pairs: at most 16 bytes per slot, whatever the length of the ids, and no strings
 * kept. The table grows by half while more than three quarters full, so 100,000 reports take about
 * 2.8 MB rather than the 4 MB of power-of-two doubling. It is stored in pages of 256 KiB: arrays
 * that small are never "humongous" objects to G1 (half a region or more, region 1 MiB or more),
 * which would round the footprint up to whole regions.
 */
public final class FingerprintSet {
  private static final int MIN_SLOTS = 16;
  private static final int PAGE_SHIFT = 14;
  private static final int PAGE_SLOTS = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_SLOTS - 1;

  /**
   * Slot i is in page {@code i >>> PAGE_SHIFT}; it holds its two halves at 2j and 2j+1 of that page
   * ({@code j = i & PAGE_MASK}), so a probe touches one cache line.
   */
  private long[][] pages;
  /** Number of slots; any value, not only a power of two. */
  private int slots;
  private int size;

  /** Creates an empty set. */
  public FingerprintSet() {
    this(MIN_SLOTS);
  }

  private FingerprintSet(int slots) {
    this.slots = slots;
    this.pages = newPages(slots);
  }

  private FingerprintSet(long[][] pages, int slots, int size) {
    this.pages = pages;
    this.slots = slots;
    this.size = size;
  }

  private static long[][] newPages(int slots) {
    long[][] p = new long[(slots + PAGE_MASK) >>> PAGE_SHIFT][];
    for (int k = 0; k < p.length; k++) {
      p[k] = new long[2 * Math.min(PAGE_SLOTS, slots - (k << PAGE_SHIFT))];
    }
    return p;
  }

  /**
   * Returns a copy.
   *
   * @return an independent set with the same members
   */
  public FingerprintSet copy() {
    long[][] p = new long[pages.length][];
    for (int k = 0; k < p.length; k++) {
      p[k] = pages[k].clone();
    }
    return new FingerprintSet(p, slots, size);
  }

  /**
   * Returns a new set holding the members of both sets, sized once for both.
   *
   * @param a one set (not changed)
   * @param b the other set (not changed)
   * @return the union; {@code a.size() + b.size() - union.size()} members were in both
   */
  public static FingerprintSet union(FingerprintSet a, FingerprintSet b) {
    FingerprintSet big = a.size >= b.size ? a : b;
    FingerprintSet small = big == a ? b : a;
    long needed = (long) big.size + small.size;
    FingerprintSet u;
    if (!fits(needed, big.slots)) {
      u = new FingerprintSet(slotsFor(needed));
      u.addAllOf(big);
    } else {
      u = big.copy();
    }
    u.addAllOf(small);
    return u;
  }

  /** Whether {@code count} members fit in {@code slots} slots at a load of at most 3/4. */
  private static boolean fits(long count, int slots) {
    return count * 4 <= (long) slots * 3;
  }

  /** Slots for a table sized once for {@code count} members: a load of 2/3, below the 3/4 limit. */
  private static int slotsFor(long count) {
    long s = Math.max(MIN_SLOTS, count * 3 / 2 + 1);
    if (s > Integer.MAX_VALUE / 2 - 8) {
      throw new IllegalStateException("too many report fingerprints: " + count);
    }
    return (int) s;
  }

  /**
   * Returns the number of members.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Adds the fingerprint of a report key.
   *
   * @param organization the organization name
   * @param reportId the report id
   * @return {@code true} when it was not present
   */
  public boolean add(String organization, String reportId) {
    return probe(organization, reportId, true);
  }

  /**
   * Tells whether the fingerprint of a report key is a member.
   *
   * @param organization the organization name
   * @param reportId the report id
   * @return {@code true} when a report with this key was added
   */
  public boolean contains(String organization, String reportId) {
    return probe(organization, reportId, false);
  }

  /** Adds ({@code insert}) or looks up a key; returns "was absent" or "is present" respectively. */
  private boolean probe(String organization, String reportId, boolean insert) {
    // Two independent 64-bit hashes over four chars per step, then finalized: 128 bits in all.
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x9e3779b97f4a7c15L;
    int n = organization.length();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      long w =
          organization.charAt(i)
              | (long) organization.charAt(i + 1) << 16
              | (long) organization.charAt(i + 2) << 32
              | (long) organization.charAt(i + 3) << 48;
      h1 = Long.rotateLeft((h1 ^ w) * 0x100000001b3L, 29);
      h2 = Long.rotateLeft(h2 + w * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }
    for (; i < n; i++) {
      char c = organization.charAt(i);
      h1 = Long.rotateLeft((h1 ^ c) * 0x100000001b3L, 29);
      h2 = Long.rotateLeft(h2 + c * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }
    h1 = (h1 ^ 0xffff) * 0x100000001b3L; // separator, so ("ab","c") != ("a","bc")
    h2 = (h2 ^ 0xffff) * 0xff51afd7ed558ccdL;
    n = reportId.length();
    i = 0;
    for (; i + 4 <= n; i += 4) {
      long w =
          reportId.charAt(i)
              | (long) reportId.charAt(i + 1) << 16
              | (long) reportId.charAt(i + 2) << 32
              | (long) reportId.charAt(i + 3) << 48;
      h1 = Long.rotateLeft((h1 ^ w) * 0x100000001b3L, 29);
      h2 = Long.rotateLeft(h2 + w * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }
    for (; i < n; i++) {
      char c = reportId.charAt(i);
      h1 = Long.rotateLeft((h1 ^ c) * 0x100000001b3L, 29);
      h2 = Long.rotateLeft(h2 + c * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }
    long h = fmix(h1 ^ organization.length());
    long l = fmix(h2 ^ ((long) reportId.length() << 32));
    if (h == 0 && l == 0) {
      l = 1; // (0,0) marks an empty slot; the same substitution as addRaw
    }
    return insert ? addRaw(h, l) : contains(h, l);
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  /** The home slot: the fingerprint is already random, so its top bits scaled to the table. */
  private static int home(long h, int slots) {
    return (int) (((h >>> 32) * slots) >>> 32);
  }

  private boolean addRaw(long h, long l) {
    if (h == 0 && l == 0) {
      l = 1; // (0,0) marks an empty slot
    }
    if (!fits(size + 1L, slots)) {
      grow();
    }
    return insert(h, l);
  }

  /** Inserts into a table known to have room. */
  private boolean insert(long h, long l) {
    long[][] pg = pages;
    int n = slots;
    int i = home(h, n);
    while (true) {
      long[] t = pg[i >>> PAGE_SHIFT];
      int o = (i & PAGE_MASK) << 1;
      long a = t[o];
      long b = t[o + 1];
      if (a == 0 && b == 0) {
        t[o] = h;
        t[o + 1] = l;
        size++;
        return true;
      }
      if (a == h && b == l) {
        return false;
      }
      if (++i == n) {
        i = 0;
      }
    }
  }

  private boolean contains(long h, long l) {
    long[][] pg = pages;
    int n = slots;
    int i = home(h, n);
    while (true) {
      long[] t = pg[i >>> PAGE_SHIFT];
      int o = (i & PAGE_MASK) << 1;
      long a = t[o];
      long b = t[o + 1];
      if (a == 0 && b == 0) {
        return false;
      }
      if (a == h && b == l) {
        return true;
      }
      if (++i == n) {
        i = 0;
      }
    }
  }

  private void grow() {
    resize(slots + (slots >>> 1));
  }

  private void resize(int newSlots) {
    long[][] old = pages;
    slots = newSlots;
    pages = newPages(newSlots);
    size = 0;
    for (long[] t : old) {
      for (int i = 0; i < t.length; i += 2) {
        if (t[i] != 0 || t[i + 1] != 0) {
          insert(t[i], t[i + 1]);
        }
      }
    }
  }

  /**
   * Adds every member of another set.
   *
   * @param other the other set
   * @return how many of its members were already present
   */
  public long addAll(FingerprintSet other) {
    long needed = (long) size + other.size;
    if (!fits(needed, slots)) {
      resize(slotsFor(needed));
    }
    return addAllOf(other);
  }

  /** Adds every member of another set into a table with room for all of them. */
  private long addAllOf(FingerprintSet other) {
    long overlap = 0;
    for (long[] t : other.pages) {
      for (int i = 0; i < t.length; i += 2) {
        if ((t[i] != 0 || t[i + 1] != 0) && !insert(t[i], t[i + 1])) {
          overlap++;
        }
      }
    }
    return overlap;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FingerprintSet)) {
      return false;
    }
    FingerprintSet other = (FingerprintSet) o;
    if (other.size != size) {
      return false;
    }
    for (long[] t : other.pages) {
      for (int i = 0; i < t.length; i += 2) {
        if ((t[i] != 0 || t[i + 1] != 0) && !contains(t[i], t[i + 1])) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    long sum = 0;
    for (long[] t : pages) {
      for (int i = 0; i < t.length; i += 2) {
        sum += t[i] ^ t[i + 1];
      }
    }
    return Long.hashCode(sum) ^ size;
  }

  @Override
  public String toString() {
    return "FingerprintSet[size=" + size + ", slots=" + slots + "]";
  }
}
