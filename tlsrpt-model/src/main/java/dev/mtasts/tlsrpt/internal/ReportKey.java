package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.List;

/**
 * The fingerprints that deduplicate reports: 96 bits of (organization, report-id), which name a
 * report (RFC 8460 §4.4: the report-id is unique per sender), and 64 bits of its content (everything
 * a summary counts: date range, policies, counts and failure details), which tell a re-sent copy
 * from a different report under the same name.
 *
 * @param hash 64 bits of the name
 * @param ext 32 more bits of the name
 * @param content 64 bits of the content
 */
public record ReportKey(long hash, int ext, long content) {

  /**
   * Returns the fingerprints of a report.
   *
   * @param report the report
   * @return its key
   */
  public static ReportKey of(TlsRptReport report) {
    return of(report, new Scratch());
  }

  /**
   * Returns the fingerprints of a report, using the caller's buffer.
   *
   * @param report the report
   * @param scratch a buffer owned by the calling thread
   * @return its key
   */
  public static ReportKey of(TlsRptReport report, Scratch scratch) {
    fill(report, scratch);
    return new ReportKey(scratch.hash, scratch.ext, scratch.content);
  }

  /**
   * Computes the fingerprints of a report into the caller's buffer, without making a key: {@link
   * Scratch#hash()}, {@link Scratch#ext()} and {@link Scratch#content()} then hold what {@link
   * #of(TlsRptReport)} would return. For the aggregation's hot path, which needs a key object only
   * when it keeps one.
   *
   * @param report the report
   * @param scratch a buffer owned by the calling thread
   */
  public static void fill(TlsRptReport report, Scratch scratch) {
    long content = content(report, scratch);
    name(report.organizationName(), report.reportId(), scratch);
    scratch.content = content;
  }

  /**
   * A buffer the texts are copied into while they are hashed (one bulk copy per text instead of
   * a bounds-checked read per character), the hasher, and the last fingerprints {@link #fill}
   * computed. Not thread-safe: one per owner.
   */
  public static final class Scratch {
    private char[] chars = new char[128];
    private final Hasher hasher = new Hasher(this);
    private long hash;
    private int ext;
    private long content;

    /** Creates a buffer. */
    public Scratch() {}

    char[] chars(int length) {
      if (chars.length < length) {
        chars = new char[Math.max(length, chars.length * 2)];
      }
      return chars;
    }

    /**
     * Returns the 64 bits of the name {@link #fill} computed last.
     *
     * @return the name's hash
     */
    public long hash() {
      return hash;
    }

    /**
     * Returns the 32 more bits of the name {@link #fill} computed last.
     *
     * @return the name's extension
     */
    public int ext() {
      return ext;
    }

    /**
     * Returns the content fingerprint {@link #fill} computed last.
     *
     * @return the content's hash
     */
    public long content() {
      return content;
    }
  }

  /**
   * Returns the key of a report name with a given content fingerprint.
   *
   * @param organization the organization name
   * @param reportId the report id
   * @param content the content fingerprint
   * @return the key
   */
  public static ReportKey ofName(String organization, String reportId, long content) {
    return ofName(organization, reportId, content, new Scratch());
  }

  private static ReportKey ofName(String organization, String reportId, long content,
      Scratch scratch) {
    name(organization, reportId, scratch);
    return new ReportKey(scratch.hash, scratch.ext, content);
  }

  /** Hashes a report name into {@code scratch.hash} and {@code scratch.ext}. */
  private static void name(String organization, String reportId, Scratch scratch) {
    Hasher name = scratch.hasher.reset();
    name.text(organization);
    name.separator();
    name.text(reportId);
    long h = name.first(organization.length());
    long l = name.second((long) reportId.length() << 32);
    if (h == 0 && (int) l == 0) {
      l = 1; // (0, 0) marks an empty slot in FingerprintSet
    }
    scratch.hash = h;
    scratch.ext = (int) l;
  }

  /**
   * Returns the key with the content left out, naming the report only.
   *
   * @return the name part
   */
  public ReportKey withoutContent() {
    return new ReportKey(hash, ext, 0);
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // both parts are hashed: the whole instant
  private static long content(TlsRptReport report, Scratch scratch) {
    Hasher c = scratch.hasher.reset();
    DateRange r = report.dateRange();
    c.number(r.start().getEpochSecond());
    c.number(r.start().getNano());
    c.number(r.end().getEpochSecond());
    c.number(r.end().getNano());
    List<PolicyResult> policies = report.policies();
    c.number(policies.size());
    for (PolicyResult p : policies) {
      c.text(p.policyTypeText());
      c.nullable(p.policyDomain());
      c.texts(p.policyStrings());
      c.texts(p.mxHosts());
      c.number(p.successfulSessionCount());
      c.number(p.failedSessionCount());
      List<FailureDetail> details = p.failureDetails();
      c.number(details.size());
      for (FailureDetail f : details) {
        c.text(f.resultType().wireName());
        c.nullable(f.sendingMtaIp());
        c.nullable(f.receivingMxHostname());
        c.nullable(f.receivingIp());
        c.number(f.failedSessionCount());
      }
    }
    return c.first(0) ^ Long.rotateLeft(c.second(0), 17);
  }

  /** Two independent 64-bit hashes over four chars a step, finalized: 128 bits in all. */
  // One per Scratch, reset for each text hashed: a report costs no hasher object.
  private static final class Hasher {
    private static final long SEED1 = 0xcbf29ce484222325L;
    private static final long SEED2 = 0x9e3779b97f4a7c15L;
    private long h1 = SEED1;
    private long h2 = SEED2;
    private final Scratch scratch;

    Hasher(Scratch scratch) {
      this.scratch = scratch;
    }

    Hasher reset() {
      h1 = SEED1;
      h2 = SEED2;
      return this;
    }

    void word(long w) {
      h1 = Long.rotateLeft((h1 ^ w) * 0x100000001b3L, 29);
      h2 = Long.rotateLeft(h2 + w * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }

    void text(String s) {
      int n = s.length();
      char[] c = scratch.chars(n);
      s.getChars(0, n, c, 0);
      int i = 0;
      for (; i + 4 <= n; i += 4) {
        word(c[i]
            | (long) c[i + 1] << 16
            | (long) c[i + 2] << 32
            | (long) c[i + 3] << 48);
      }
      for (; i < n; i++) {
        word(c[i]);
      }
      word(0x1_0000L + n); // length and end marker: ("ab", "c") differs from ("a", "bc")
    }

    void nullable(@org.jspecify.annotations.Nullable String s) {
      if (s == null) {
        word(0x2_0000L);
      } else {
        text(s);
      }
    }

    void texts(List<String> list) {
      word(0x3_0000L + list.size());
      for (int i = 0; i < list.size(); i++) {
        text(list.get(i));
      }
    }

    void number(long v) {
      word(v ^ 0x5bd1e9955bd1e995L);
    }

    void separator() {
      h1 = (h1 ^ 0xffff) * 0x100000001b3L;
      h2 = (h2 ^ 0xffff) * 0xff51afd7ed558ccdL;
    }

    long first(long salt) {
      return fmix(h1 ^ salt);
    }

    long second(long salt) {
      return fmix(h2 ^ salt);
    }

    private static long fmix(long k) {
      k ^= k >>> 33;
      k *= 0xff51afd7ed558ccdL;
      k ^= k >>> 33;
      k *= 0xc4ceb9fe1a85ec53L;
      k ^= k >>> 33;
      return k;
    }
  }
}
