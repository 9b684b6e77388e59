package dev.mtasts.tlsrpt.internal;

import dev.mtasts.tlsrpt.ReportConflict;
import dev.mtasts.tlsrpt.SummaryFormatErrorCode;
import dev.mtasts.tlsrpt.SummaryFormatException;
import dev.mtasts.tlsrpt.SummaryLimits;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The versioned binary form of a {@link SummaryState}: what a saved summary file and a Flink
 * checkpoint hold.
 *
 * <p>Version 1, every integer unsigned LEB128 ({@code uvar}) or zigzag LEB128 ({@code svar})
 * unless fixed:
 *
 * <pre>
 * header    "TRS" (3 bytes), version 0x01, content length (4 bytes, big endian)
 * content   strings: uvar count, then each: uvar UTF-8 length, bytes
 *           limits: uvar maxReportDays, maxReportAge and maxClockSkew as (uvar seconds, uvar
 *             nanos), uvar maxPolicyDomains, uvar maxPlausibleSessions
 *           now: 0x00, or 0x01 svar epoch second, uvar nanos
 *           counters: uvar reports, duplicates, conflicts, setAside, policyResults, flagged;
 *             0x00/0x01 saturated; svar next source
 *           domains (by name): uvar count, then each: string ref name;
 *             uvar count, string refs of the MX patterns (sorted);
 *             uvar count, day cells (svar day, uvar reports, successful, failed, multi-day);
 *             uvar count, policy cells (svar day, ref type, uvar results, successful, failed);
 *             uvar count, failure cells (svar day, ref type, 0x00/0x01 detailed, refs result type,
 *             sending IP, receiving MX, organization, uvar failed sessions, entries)
 *           fingerprints (by name): uvar count, then each 8 bytes name, 4 bytes name, 8 bytes
 *             content, svar source
 *           conflicted names, withdrawn names: uvar count, then each 8 + 4 bytes
 *           listed conflicts: uvar count, then each refs organization and report-id, svar
 *             first source, svar second source
 * trailer   CRC-32C of header and content (4 bytes, big endian)
 * </pre>
 *
 * <p>The output is canonical: equal states give equal bytes. Reading checks everything it relies
 * on: the magic, the version, the length, the checksum, every count against the bytes that remain
 * (so nothing is allocated from a length the input merely claims), every figure against its range,
 * and the order and uniqueness of the cells the state's binary searches depend on.
 */
public final class SummaryCodec {
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = {'T', 'R', 'S'};
  private static final int HEADER = 8;
  private static final int TRAILER = 4;
  /** The longest string held: report-ids and organization names are far shorter. */
  private static final int MAX_STRING_BYTES = 1 << 20;

  private static final Comparator<FailureKey> FAILURE_ORDER =
      Comparator.comparingInt(FailureKey::epochDay)
          .thenComparing(FailureKey::policyType)
          .thenComparing(FailureKey::detailed)
          .thenComparing(FailureKey::resultType)
          .thenComparing(FailureKey::sendingIp)
          .thenComparing(FailureKey::receivingMx)
          .thenComparing(FailureKey::organization);

  private static final Comparator<ReportKey> NAME_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.hash(), b.hash());
    return c != 0 ? c : Integer.compareUnsigned(a.ext(), b.ext());
  };

  private SummaryCodec() {}

  // ---- writing ----

  /**
   * Returns the bytes of a state.
   *
   * @param s the state (not changed)
   * @return the bytes, version {@link #VERSION}
   */
  public static byte[] encode(SummaryState s) {
    Out body = new Out(256 + 64 * s.domains().size() + 24 * s.reportKeys().size());
    Map<String, Integer> refs = new HashMap<>();
    List<String> strings = new ArrayList<>();
    SummaryLimits l = s.limits();
    body.uvar(l.maxReportDays());
    duration(body, l.maxReportAge());
    duration(body, l.maxClockSkew());
    body.uvar(l.maxPolicyDomains());
    body.uvar(l.maxPlausibleSessions());
    Instant now = s.now();
    if (now == null) {
      body.u8(0);
    } else {
      body.u8(1);
      body.svar(now.getEpochSecond());
      body.uvar(now.getNano());
    }
    body.uvar(s.reports());
    body.uvar(s.duplicates());
    body.uvar(s.conflicts());
    body.uvar(s.setAside());
    body.uvar(s.policyResults());
    body.uvar(s.flagged());
    body.u8(s.saturated() ? 1 : 0);
    body.svar(s.nextSource());
    TreeMap<String, DomainState> domains = new TreeMap<>(s.domains());
    body.uvar(domains.size());
    for (DomainState d : domains.values()) {
      body.uvar(ref(d.domain(), refs, strings));
      List<String> patterns = d.mxPatterns();
      body.uvar(patterns.size());
      for (String p : patterns) {
        body.uvar(ref(p, refs, strings));
      }
      List<DayCell> days = d.dayCells();
      body.uvar(days.size());
      for (DayCell c : days) {
        body.svar(c.epochDay());
        body.uvar(c.reports());
        body.uvar(c.successful());
        body.uvar(c.failed());
        body.uvar(c.multiDayReports());
      }
      List<PolicyCell> policies = d.policyCells();
      body.uvar(policies.size());
      for (PolicyCell c : policies) {
        body.svar(c.epochDay());
        body.uvar(ref(c.policyType(), refs, strings));
        body.uvar(c.policyResults());
        body.uvar(c.successful());
        body.uvar(c.failed());
      }
      List<Map.Entry<FailureKey, FailureCell>> failures = new ArrayList<>(d.failureCells().entrySet());
      failures.sort(Map.Entry.comparingByKey(FAILURE_ORDER));
      body.uvar(failures.size());
      for (Map.Entry<FailureKey, FailureCell> e : failures) {
        FailureKey k = e.getKey();
        body.svar(k.epochDay());
        body.uvar(ref(k.policyType(), refs, strings));
        body.u8(k.detailed() ? 1 : 0);
        body.uvar(ref(k.resultType(), refs, strings));
        body.uvar(ref(k.sendingIp(), refs, strings));
        body.uvar(ref(k.receivingMx(), refs, strings));
        body.uvar(ref(k.organization(), refs, strings));
        body.uvar(e.getValue().failedSessions());
        body.uvar(e.getValue().entries());
      }
    }
    List<long[]> members = new ArrayList<>(s.reportKeys().size());
    s.reportKeys().forEach((hash, ext, content, source) ->
        members.add(new long[] {hash, ext, content, source}));
    members.sort((a, b) -> {
      int c = Long.compareUnsigned(a[0], b[0]);
      return c != 0 ? c : Integer.compareUnsigned((int) a[1], (int) b[1]);
    });
    body.uvar(members.size());
    for (long[] m : members) {
      body.fixed64(m[0]);
      body.fixed32((int) m[1]);
      body.fixed64(m[2]);
      body.svar(m[3]);
    }
    names(body, s.conflicted());
    names(body, s.withdrawn());
    List<ReportConflict> conflicts = s.conflictList();
    body.uvar(conflicts.size());
    for (ReportConflict c : conflicts) {
      body.uvar(ref(c.organization(), refs, strings));
      body.uvar(ref(c.reportId(), refs, strings));
      body.svar(c.firstSource());
      body.svar(c.secondSource());
    }

    Out table = new Out(16 + strings.size() * 16);
    table.uvar(strings.size());
    for (String t : strings) {
      byte[] b = t.getBytes(StandardCharsets.UTF_8);
      table.uvar(b.length);
      table.bytes(b, b.length);
    }
    long contentLength = (long) table.n + body.n;
    if (contentLength > Integer.MAX_VALUE - HEADER - TRAILER - 16) {
      throw new IllegalStateException("the summary is too large to save: " + contentLength + " bytes");
    }
    Out all = new Out(HEADER + (int) contentLength + TRAILER);
    all.bytes(MAGIC, MAGIC.length);
    all.u8(VERSION);
    all.fixed32((int) contentLength);
    all.bytes(table.buf, table.n);
    all.bytes(body.buf, body.n);
    CRC32C crc = new CRC32C();
    crc.update(all.buf, 0, all.n);
    all.fixed32((int) crc.getValue());
    return all.n == all.buf.length ? all.buf : Arrays.copyOf(all.buf, all.n);
  }

  private static void duration(Out o, Duration d) {
    o.uvar(d.getSeconds());
    o.uvar(d.getNano());
  }

  private static void names(Out o, Set<ReportKey> names) {
    List<ReportKey> sorted = new ArrayList<>(names);
    sorted.sort(NAME_ORDER);
    o.uvar(sorted.size());
    for (ReportKey k : sorted) {
      o.fixed64(k.hash());
      o.fixed32(k.ext());
    }
  }

  private static int ref(String s, Map<String, Integer> refs, List<String> strings) {
    Integer r = refs.get(s);
    if (r == null) {
      r = strings.size();
      refs.put(s, r);
      strings.add(s);
    }
    return r;
  }

  /** A growing byte array. */
  private static final class Out {
    byte[] buf;
    int n;

    Out(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    private void room(int k) {
      if (n + k > buf.length) {
        long want = Math.max((long) n + k, (long) buf.length * 2);
        buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, want));
      }
    }

    void u8(int v) {
      room(1);
      buf[n++] = (byte) v;
    }

    void uvar(long v) {
      room(10);
      while ((v & ~0x7fL) != 0) {
        buf[n++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[n++] = (byte) v;
    }

    void svar(long v) {
      uvar((v << 1) ^ (v >> 63));
    }

    void fixed32(int v) {
      room(4);
      buf[n++] = (byte) (v >>> 24);
      buf[n++] = (byte) (v >>> 16);
      buf[n++] = (byte) (v >>> 8);
      buf[n++] = (byte) v;
    }

    void fixed64(long v) {
      fixed32((int) (v >>> 32));
      fixed32((int) v);
    }

    void bytes(byte[] b, int len) {
      room(len);
      System.arraycopy(b, 0, buf, n, len);
      n += len;
    }
  }

  // ---- reading ----

  /**
   * Reads a state back.
   *
   * @param bytes the bytes (not changed)
   * @return the state
   * @throws SummaryFormatException when the bytes are not a summary of a version this class
   *     reads, or are truncated or corrupt
   */
  public static SummaryState decode(byte[] bytes) {
    int len = bytes.length;
    for (int i = 0; i < MAGIC.length; i++) {
      if (i >= len) {
        throw fail(SummaryFormatErrorCode.TRUNCATED, len, "the input ends after " + len
            + " bytes, inside the header of " + HEADER + " bytes");
      }
      if (bytes[i] != MAGIC[i]) {
        throw fail(SummaryFormatErrorCode.NOT_A_SUMMARY, i, "the input does not start with the"
            + " bytes \"TRS\" of a saved TLS-RPT summary; it is some other file");
      }
    }
    if (len < MAGIC.length + 1) {
      throw fail(SummaryFormatErrorCode.TRUNCATED, len, "the input ends before the format version");
    }
    int version = bytes[MAGIC.length] & 0xff;
    if (version != VERSION) {
      throw fail(SummaryFormatErrorCode.UNSUPPORTED_VERSION, MAGIC.length, "the summary is in"
          + " format version " + version + ", and this version of mtasts reads only version "
          + VERSION + (version > VERSION ? "; read it with the newer mtasts that wrote it" : ""));
    }
    if (len < HEADER) {
      throw fail(SummaryFormatErrorCode.TRUNCATED, len, "the input ends after " + len
          + " bytes, inside the header of " + HEADER + " bytes");
    }
    long declared = (bytes[4] & 0xffL) << 24 | (bytes[5] & 0xffL) << 16 | (bytes[6] & 0xffL) << 8
        | (bytes[7] & 0xffL);
    long expected = HEADER + declared + TRAILER;
    if (len < expected) {
      throw fail(SummaryFormatErrorCode.TRUNCATED, len, "the header declares " + declared
          + " bytes of content and a checksum, " + expected + " bytes in all, but the input ends"
          + " after " + len + " (a partly written or cut file)");
    }
    if (len > expected) {
      throw fail(SummaryFormatErrorCode.TRAILING_BYTES, expected, (len - expected)
          + " bytes follow the checksum that ends the summary");
    }
    int end = (int) (HEADER + declared);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, end);
    int stored = (bytes[end] & 0xff) << 24 | (bytes[end + 1] & 0xff) << 16
        | (bytes[end + 2] & 0xff) << 8 | (bytes[end + 3] & 0xff);
    if ((int) crc.getValue() != stored) {
      throw fail(SummaryFormatErrorCode.CHECKSUM_MISMATCH, end, "the checksum does not match"
          + " the content: the bytes were changed after they were written (a damaged file)");
    }
    return new Reader(bytes, HEADER, end).state();
  }

  private static SummaryFormatException fail(SummaryFormatErrorCode code, long offset, String detail) {
    return new SummaryFormatException(code, offset, detail);
  }

  /** Reads the content between the header and the checksum. */
  private static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;
    private String[] strings = new String[0];

    Reader(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    SummaryState state() {
      strings();
      int at = pos;
      SummaryLimits limits;
      try {
        int maxDays = intValue("maxReportDays");
        Duration age = duration();
        Duration skew = duration();
        int maxDomains = intValue("maxPolicyDomains");
        long plausible = uvar();
        limits = new SummaryLimits(maxDays, age, skew, maxDomains, plausible);
      } catch (IllegalArgumentException | ArithmeticException e) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the limits are out of range: "
            + e.getMessage());
      }
      @Nullable Instant now = null;
      int flag = flag("now");
      if (flag == 1) {
        at = pos;
        long sec = svar();
        int nano = intValue("now's nanoseconds");
        if (sec < Instant.MIN.getEpochSecond() || sec > Instant.MAX.getEpochSecond()
            || nano > 999_999_999) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the instant " + sec + "." + nano
              + " is out of range");
        }
        now = Instant.ofEpochSecond(sec, nano);
      }
      long[] counters = new long[6];
      for (int i = 0; i < counters.length; i++) {
        at = pos;
        counters[i] = uvar();
        if (counters[i] < 0) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a counter is negative");
        }
      }
      boolean saturated = flag("saturated") == 1;
      int next = sint("next source");

      int domainCount = count("policy domains", limits.maxPolicyDomains(), 4);
      Map<String, DomainState> domains = new HashMap<>(DomainState.capacityFor(domainCount));
      for (int i = 0; i < domainCount; i++) {
        at = pos;
        DomainState d = domain();
        if (domains.put(d.domain(), d) != null) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "policy domain \"" + d.domain()
              + "\" occurs twice");
        }
      }

      int memberCount = count("report fingerprints", Integer.MAX_VALUE, 21);
      FingerprintSet keys = FingerprintSet.withCapacity(memberCount);
      for (int i = 0; i < memberCount; i++) {
        at = pos;
        long hash = fixed64();
        int ext = fixed32();
        long content = fixed64();
        int source = sint("source");
        if (hash == 0 && ext == 0) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a report fingerprint is zero");
        }
        if (!keys.addMember(hash, ext, content, source)) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a report fingerprint occurs twice");
        }
      }
      Set<ReportKey> conflicted = names("conflicted report names");
      Set<ReportKey> withdrawn = names("withdrawn report names");
      int conflictCount = count("listed conflicts", SummaryState.MAX_LISTED_CONFLICTS, 4);
      List<ReportConflict> conflicts = new ArrayList<>(conflictCount);
      for (int i = 0; i < conflictCount; i++) {
        String org = string();
        String id = string();
        int first = sint("source");
        int second = sint("source");
        conflicts.add(new ReportConflict(org, id, first, second));
      }
      conflicts.sort(SummaryState.CONFLICT_ORDER);
      if (pos != end) {
        throw fail(SummaryFormatErrorCode.TRAILING_BYTES, pos, (end - pos)
            + " bytes of content follow the last part of the summary");
      }
      SummaryState s = new SummaryState(limits, now, domains, keys, conflicts, conflicted, withdrawn);
      s.restoreCounters(counters, saturated, next);
      return s;
    }

    private DomainState domain() {
      String name = string();
      int patternCount = count("MX patterns", Integer.MAX_VALUE, 1);
      String[] patterns = new String[patternCount];
      for (int i = 0; i < patternCount; i++) {
        int at = pos;
        patterns[i] = string();
        if (i > 0 && patterns[i - 1].compareTo(patterns[i]) >= 0) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the MX patterns of \"" + name
              + "\" are not sorted and distinct");
        }
      }
      int dayCount = count("day cells", Integer.MAX_VALUE, 5);
      DayCell[] days = new DayCell[dayCount];
      for (int i = 0; i < dayCount; i++) {
        int at = pos;
        int day = sint("day");
        long reports = figure();
        DayCell c = new DayCell(day, reports, figure(), figure(), figure());
        if (reports == 0 || (i > 0 && days[i - 1].epochDay() >= day)) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the day cells of \"" + name
              + "\" are not in day order, distinct and non-empty");
        }
        days[i] = c;
      }
      int policyCount = count("policy cells", Integer.MAX_VALUE, 5);
      PolicyCell[] policies = new PolicyCell[policyCount];
      for (int i = 0; i < policyCount; i++) {
        int at = pos;
        int day = sint("day");
        String type = string();
        long results = figure();
        PolicyCell c = new PolicyCell(day, type, results, figure(), figure());
        if (results == 0 || (i > 0 && policies[i - 1].compareKey(day, type) >= 0)) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the policy cells of \"" + name
              + "\" are not in (day, type) order, distinct and non-empty");
        }
        policies[i] = c;
      }
      int failureCount = count("failure cells", Integer.MAX_VALUE, 10);
      @Nullable Map<FailureKey, FailureCell> failures =
          failureCount == 0 ? null : new HashMap<>(DomainState.capacityFor(failureCount));
      for (int i = 0; i < failureCount; i++) {
        int at = pos;
        int day = sint("day");
        String type = string();
        boolean detailed = flag("detailed") == 1;
        FailureKey k = new FailureKey(day, type, detailed, string(), string(), string(), string());
        long sessions = figure();
        long entries = figure();
        if (entries == 0 || failures == null || failures.put(k, new FailureCell(sessions, entries)) != null) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a failure cell of \"" + name
              + "\" is empty or occurs twice");
        }
      }
      if (dayCount + policyCount + failureCount == 0) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, pos, "policy domain \"" + name
            + "\" has no figures");
      }
      return new DomainState(name, days, dayCount, policies, policyCount, failures, patterns);
    }

    private Set<ReportKey> names(String what) {
      int n = count(what, Integer.MAX_VALUE, 12);
      Set<ReportKey> set = new HashSet<>(DomainState.capacityFor(n));
      for (int i = 0; i < n; i++) {
        int at = pos;
        if (!set.add(new ReportKey(fixed64(), fixed32(), 0))) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a name occurs twice in the " + what);
        }
      }
      return set;
    }

    private void strings() {
      int n = count("strings", Integer.MAX_VALUE, 1);
      String[] t = new String[n];
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      for (int i = 0; i < n; i++) {
        int len = count("string bytes", MAX_STRING_BYTES, 1);
        int at = pos;
        try {
          CharBuffer chars = utf8.decode(ByteBuffer.wrap(b, pos, len));
          t[i] = chars.toString();
        } catch (CharacterCodingException e) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a string is not UTF-8");
        }
        pos += len;
      }
      strings = t;
    }

    private String string() {
      int at = pos;
      long r = uvar();
      if (r < 0 || r >= strings.length) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "string reference " + r
            + " is not below the " + strings.length + " strings held");
      }
      return strings[(int) r];
    }

    private Duration duration() {
      long seconds = uvar();
      int nanos = intValue("nanoseconds");
      if (seconds < 0 || nanos > 999_999_999) {
        throw new IllegalArgumentException("duration " + seconds + "." + nanos + " s");
      }
      return Duration.ofSeconds(seconds, nanos);
    }

    /** A count of items each taking at least {@code minBytes}, so it cannot pass the input. */
    private int count(String what, long max, int minBytes) {
      int at = pos;
      long n = uvar();
      long room = (long) (end - pos) / minBytes;
      if (n < 0 || n > room) {
        throw fail(SummaryFormatErrorCode.TOO_LARGE, at, "the summary declares " + n + " " + what
            + " but only " + (end - pos) + " bytes of content remain");
      }
      if (n > max) {
        throw fail(SummaryFormatErrorCode.TOO_LARGE, at, "the summary declares " + n + " " + what
            + ", more than the limit of " + max);
      }
      return (int) n;
    }

    private long figure() {
      int at = pos;
      long v = uvar();
      if (v < 0 || v > Counts.MAX) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the figure " + Long.toUnsignedString(v)
            + " is above the largest count, " + Counts.MAX);
      }
      return v;
    }

    private int flag(String what) {
      int at = pos;
      int v = u8();
      if (v > 1) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the flag " + what + " is " + v
            + ", not 0 or 1");
      }
      return v;
    }

    private int intValue(String what) {
      int at = pos;
      long v = uvar();
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, what + " " + Long.toUnsignedString(v)
            + " is out of range");
      }
      return (int) v;
    }

    private int sint(String what) {
      int at = pos;
      long v = svar();
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, what + " " + v + " is out of range");
      }
      return (int) v;
    }

    private int u8() {
      if (pos >= end) {
        throw truncated();
      }
      return b[pos++] & 0xff;
    }

    private long uvar() {
      int at = pos;
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int x = u8();
        if (shift == 63 && x > 1) {
          break;
        }
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a number is longer than 64 bits");
    }

    private long svar() {
      long u = uvar();
      return (u >>> 1) ^ -(u & 1);
    }

    private int fixed32() {
      if (end - pos < 4) {
        throw truncated();
      }
      int v = (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8
          | (b[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    private long fixed64() {
      return (long) fixed32() << 32 | (fixed32() & 0xffffffffL);
    }

    private SummaryFormatException truncated() {
      return fail(SummaryFormatErrorCode.TRUNCATED, pos, "the content ends inside a value");
    }
  }
}
