package dev.mtasts.tlsrpt.internal;

/**
 * A set of 128-bit fingerprints of (organization, report-id) pairs, in two open-addressing long
 * arrays: 32 bytes or less per report, whatever the length of the ids, and no strings kept.
 */
public final class FingerprintSet {
  /** Slot i holds its two halves at 2i and 2i+1, so a probe touches one cache line. */
  private long[] table;
  private int size;

  /** Creates an empty set. */
  public FingerprintSet() {
    table = new long[32];
  }

  private FingerprintSet(long[] table, int size) {
    this.table = table;
    this.size = size;
  }

  /**
   * Returns a copy.
   *
   * @return an independent set with the same members
   */
  public FingerprintSet copy() {
    return new FingerprintSet(table.clone(), size);
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
    // Two independent 64-bit hashes in one pass per string, then finalized: 128 bits in all.
    long h1 = 0xcbf29ce484222325L;
    long h2 = 0x9e3779b97f4a7c15L;
    for (int i = 0, n = organization.length(); i < n; i++) {
      char c = organization.charAt(i);
      h1 = (h1 ^ c) * 0x100000001b3L;
      h2 = Long.rotateLeft(h2 + c * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }
    h1 = (h1 ^ 0xffff) * 0x100000001b3L; // separator, so ("ab","c") != ("a","bc")
    h2 = (h2 ^ 0xffff) * 0xff51afd7ed558ccdL;
    for (int i = 0, n = reportId.length(); i < n; i++) {
      char c = reportId.charAt(i);
      h1 = (h1 ^ c) * 0x100000001b3L;
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

  private boolean addRaw(long h, long l) {
    if (h == 0 && l == 0) {
      l = 1; // (0,0) marks an empty slot
    }
    if ((size + 1) * 4 > table.length) {
      grow();
    }
    int mask = (table.length >>> 1) - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (true) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        break;
      }
      if (a == h && b == l) {
        return false;
      }
      i = (i + 1) & mask;
    }
    table[2 * i] = h;
    table[2 * i + 1] = l;
    size++;
    return true;
  }

  private boolean contains(long h, long l) {
    int mask = (table.length >>> 1) - 1;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (true) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        return false;
      }
      if (a == h && b == l) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        addRaw(old[i], old[i + 1]);
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
    long overlap = 0;
    long[] t = other.table;
    for (int i = 0; i < t.length; i += 2) {
      if ((t[i] != 0 || t[i + 1] != 0) && !addRaw(t[i], t[i + 1])) {
        overlap++;
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
    long[] t = other.table;
    for (int i = 0; i < t.length; i += 2) {
      if ((t[i] != 0 || t[i + 1] != 0) && !contains(t[i], t[i + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    long sum = 0;
    for (int i = 0; i < table.length; i += 2) {
      sum += table[i] ^ table[i + 1];
    }
    return Long.hashCode(sum) ^ size;
  }

  @Override
  public String toString() {
    return "FingerprintSet[size=" + size + ", slots=" + (table.length / 2) + "]";
  }
}
