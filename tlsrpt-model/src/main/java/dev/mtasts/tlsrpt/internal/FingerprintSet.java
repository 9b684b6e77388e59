package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * The {@link ReportKey}s of the reports a summary holds, each with the caller's number for where
 * the report came from, in one open-addressing table of {@code long} triples: 24 bytes per slot
 * (96-bit name, 64-bit content, 32-bit source), whatever the length of the ids, and no strings
 * kept. The table grows by half while more than three quarters full, so 100,000 reports take about
 * 4 MB. It is stored in pages of 192 KiB: arrays that small are never "humongous" objects to G1
 * (half a region or more, region 1 MiB or more), which would round the footprint up to whole
 * regions.
 */
public final class FingerprintSet {
  private static final int MIN_SLOTS = 16;
  private static final int PAGE_SHIFT = 13;
  private static final int PAGE_SLOTS = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_SLOTS - 1;

  /** Slot i is in page {@code i >>> PAGE_SHIFT} at 3j, 3j+1, 3j+2 ({@code j = i & PAGE_MASK}). */
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
      p[k] = new long[3 * Math.min(PAGE_SLOTS, slots - (k << PAGE_SHIFT))];
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
   * Returns the number of members.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** What a set knows about a report name: its content fingerprint and source number. */
  public record Entry(long content, int source) {}

  /**
   * Returns the entry of a report's name, or {@code null} when no report of that name was added.
   *
   * @param key the report's key
   * @return the entry
   */
  public @Nullable Entry get(ReportKey key) {
    return get(key.hash(), key.ext());
  }

  /**
   * Returns the entry of a report name given by its parts, or {@code null} when no report of that
   * name was added.
   *
   * @param hash 64 bits of the name
   * @param ext 32 more bits of the name
   * @return the entry
   */
  public @Nullable Entry get(long hash, int ext) {
    int i = find(hash, ext);
    if (i < 0) {
      return null;
    }
    long[] t = pages[i >>> PAGE_SHIFT];
    int o = (i & PAGE_MASK) * 3;
    return new Entry(t[o + 1], (int) t[o + 2]);
  }

  /**
   * Adds a report's key unless one of the same name is present.
   *
   * @param key the key
   * @param source the caller's number for where the report came from
   * @return {@code true} when it was not present
   */
  public boolean add(ReportKey key, int source) {
    if (!fits(size + 1L, slots)) {
      resize(slots + (slots >>> 1));
    }
    return insert(key.hash(), key.content(), pack(key.ext(), source));
  }

  /**
   * Adds a report name with content fingerprint 0 and source 0.
   *
   * @param organization the organization name
   * @param reportId the report id
   * @return {@code true} when it was not present
   */
  public boolean add(String organization, String reportId) {
    return add(ReportKey.ofName(organization, reportId, 0), 0);
  }

  /**
   * Tells whether a report name is a member.
   *
   * @param organization the organization name
   * @param reportId the report id
   * @return {@code true} when a report of this name was added
   */
  public boolean contains(String organization, String reportId) {
    return get(ReportKey.ofName(organization, reportId, 0)) != null;
  }

  /**
   * Adds every member of another set.
   *
   * @param other the other set
   * @return how many of its names were already present
   */
  public long addAll(FingerprintSet other) {
    long[] n = new long[1];
    addAll(other, same -> n[0]++);
    return n[0];
  }

  /**
   * Returns the union of two sets.
   *
   * @param a one set (not changed)
   * @param b the other set (not changed)
   * @return the union
   */
  public static FingerprintSet union(FingerprintSet a, FingerprintSet b) {
    return union(a, b, same -> {});
  }

  private static long pack(int ext, int source) {
    return (long) ext << 32 | (source & 0xffffffffL);
  }

  /** Whether {@code count} members fit in {@code slots} slots at a load of at most 3/4. */
  private static boolean fits(long count, int slots) {
    return count * 4 <= (long) slots * 3;
  }

  /** Slots for a table sized once for {@code count} members: a load of 2/3, below the 3/4 limit. */
  private static int slotsFor(long count) {
    long s = Math.max(MIN_SLOTS, count * 3 / 2 + 1);
    if (s > Integer.MAX_VALUE / 3 - 8) {
      throw new IllegalStateException("too many report fingerprints: " + count);
    }
    return (int) s;
  }

  /** The home slot: the fingerprint is already random, so its top bits scaled to the table. */
  private static int home(long h, int slots) {
    return (int) (((h >>> 32) * slots) >>> 32);
  }

  private int find(long h, int ext) {
    long[][] pg = pages;
    int n = slots;
    int i = home(h, n);
    while (true) {
      long[] t = pg[i >>> PAGE_SHIFT];
      int o = (i & PAGE_MASK) * 3;
      long a = t[o];
      int e = (int) (t[o + 2] >>> 32);
      if (a == 0 && e == 0) {
        return -1;
      }
      if (a == h && e == ext) {
        return i;
      }
      if (++i == n) {
        i = 0;
      }
    }
  }

  /** Inserts into a table known to have room; {@code false} when the name is present. */
  private boolean insert(long h, long content, long extAndSource) {
    long[][] pg = pages;
    int n = slots;
    int i = home(h, n);
    int ext = (int) (extAndSource >>> 32);
    while (true) {
      long[] t = pg[i >>> PAGE_SHIFT];
      int o = (i & PAGE_MASK) * 3;
      long a = t[o];
      int e = (int) (t[o + 2] >>> 32);
      if (a == 0 && e == 0) {
        t[o] = h;
        t[o + 1] = content;
        t[o + 2] = extAndSource;
        size++;
        return true;
      }
      if (a == h && e == ext) {
        return false;
      }
      if (++i == n) {
        i = 0;
      }
    }
  }

  private void resize(int newSlots) {
    long[][] old = pages;
    slots = newSlots;
    pages = newPages(newSlots);
    size = 0;
    for (long[] t : old) {
      for (int i = 0; i < t.length; i += 3) {
        if (t[i] != 0 || t[i + 2] >>> 32 != 0) {
          insert(t[i], t[i + 1], t[i + 2]);
        }
      }
    }
  }

  /** Receives the members of another set that were already present under the same name. */
  public interface Overlap {
    /**
     * Called for a name present in both sets.
     *
     * @param sameContent whether both have the same content fingerprint
     */
    void found(boolean sameContent);
  }

  /**
   * Adds every member of another set; for a name present in both with different contents, keeps
   * the entry with the smaller content fingerprint (so the result does not depend on the order).
   *
   * @param other the other set
   * @param overlap told about every name both sets hold
   */
  public void addAll(FingerprintSet other, Overlap overlap) {
    long needed = (long) size + other.size;
    if (!fits(needed, slots)) {
      resize(slotsFor(needed));
    }
    for (long[] t : other.pages) {
      for (int i = 0; i < t.length; i += 3) {
        if (t[i] == 0 && t[i + 2] >>> 32 == 0) {
          continue;
        }
        if (!insert(t[i], t[i + 1], t[i + 2])) {
          int at = find(t[i], (int) (t[i + 2] >>> 32));
          long[] page = pages[at >>> PAGE_SHIFT];
          int o = (at & PAGE_MASK) * 3;
          overlap.found(page[o + 1] == t[i + 1]);
          if (Long.compareUnsigned(t[i + 1], page[o + 1]) < 0) {
            // Two contents under one name: keep the smaller, so merging is commutative.
            page[o + 1] = t[i + 1];
            page[o + 2] = t[i + 2];
          }
        }
      }
    }
  }

  /**
   * Returns a new set holding the members of both sets, sized once for both; for a name in both
   * with different contents, the entry with the smaller content fingerprint.
   *
   * @param a one set (not changed)
   * @param b the other set (not changed)
   * @param overlap told about every name both sets hold
   * @return the union
   */
  public static FingerprintSet union(FingerprintSet a, FingerprintSet b, Overlap overlap) {
    long needed = (long) a.size + b.size;
    FingerprintSet u = fits(needed, a.slots) ? a.copy() : new FingerprintSet(slotsFor(needed));
    if (u.size == 0 && a.size > 0) {
      u.addAll(a, same -> {});
    }
    u.addAll(b, overlap);
    return u;
  }

  /** Receives every member of a set, as its four stored parts. */
  public interface Member {
    /**
     * Called for one member.
     *
     * @param hash 64 bits of the name
     * @param ext 32 more bits of the name
     * @param content 64 bits of the content
     * @param source the caller's number for where the report came from
     */
    void accept(long hash, int ext, long content, int source);
  }

  /**
   * Tells every member to {@code member}, in slot order.
   *
   * @param member the receiver
   */
  public void forEach(Member member) {
    for (long[] t : pages) {
      for (int i = 0; i < t.length; i += 3) {
        if (t[i] != 0 || t[i + 2] >>> 32 != 0) {
          member.accept(t[i], (int) (t[i + 2] >>> 32), t[i + 1], (int) t[i + 2]);
        }
      }
    }
  }

  /**
   * Adds a member given by its stored parts (as read back from a serialised form).
   *
   * @param hash 64 bits of the name
   * @param ext 32 more bits of the name, not both 0 with {@code hash}
   * @param content 64 bits of the content
   * @param source the source number
   * @return {@code true} when no member of that name was present
   */
  public boolean addMember(long hash, int ext, long content, int source) {
    if (hash == 0 && ext == 0) {
      throw new IllegalArgumentException("(0, 0) marks an empty slot, not a name");
    }
    if (!fits(size + 1L, slots)) {
      resize(slots + (slots >>> 1));
    }
    return insert(hash, content, pack(ext, source));
  }

  /**
   * Returns an empty set with room for {@code count} members without growing.
   *
   * @param count the expected number of members
   * @return the set
   */
  public static FingerprintSet withCapacity(int count) {
    return new FingerprintSet(slotsFor(count));
  }

  /** Equal sets hold the same names with the same contents; source numbers are not compared. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof FingerprintSet other) || other.size != size) {
      return false;
    }
    for (long[] t : other.pages) {
      for (int i = 0; i < t.length; i += 3) {
        if (t[i] == 0 && t[i + 2] >>> 32 == 0) {
          continue;
        }
        int at = find(t[i], (int) (t[i + 2] >>> 32));
        if (at < 0 || pages[at >>> PAGE_SHIFT][(at & PAGE_MASK) * 3 + 1] != t[i + 1]) {
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
      for (int i = 0; i < t.length; i += 3) {
        sum += t[i] ^ t[i + 1] ^ (t[i + 2] >>> 32);
      }
    }
    return Long.hashCode(sum) ^ size;
  }

  @Override
  public String toString() {
    return "FingerprintSet[size=" + size + ", slots=" + slots + "]";
  }
}
