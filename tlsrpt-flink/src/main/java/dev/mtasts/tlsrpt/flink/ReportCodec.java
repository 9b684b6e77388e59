package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.FailureDetail;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.PolicyType;
import dev.mtasts.tlsrpt.ResultType;
import dev.mtasts.tlsrpt.SummaryFormatErrorCode;
import dev.mtasts.tlsrpt.SummaryFormatException;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The binary form of a {@link TlsRptReport} that {@link ReportSerializer} puts on the wire
 * between a job's operators: every component of the record, nothing derived, so a report reads
 * back equal to the one written (unknown members, lone surrogates and the not-a-wire-value {@link
 * ResultType#FAILURES_WITHOUT_DETAILS} included).
 *
 * <p>Format version 1, all integers unsigned LEB128 varints unless noted:
 *
 * <pre>
 * report  = u8 version (1), text organization-name, instant start, instant end,
 *           opt-text contact-info, text report-id, map unknown, map unknown-date-range,
 *           count, policy*
 * policy  = u8 type (0 text follows, 1 sts, 2 tlsa, 3 no-policy-found), [text type],
 *           texts policy-strings, opt-text policy-domain, texts mx-hosts,
 *           varlong successful, varlong failed, count, detail*,
 *           map unknown-policy, map unknown-summary, map unknown
 * detail  = u8 kind (0 result-type text follows, 1 failures-without-details), [text],
 *           opt-text sending-mta-ip, opt-text receiving-mx-hostname, opt-text receiving-mx-helo,
 *           opt-text receiving-ip, varlong failed-session-count,
 *           opt-text additional-information, opt-text failure-reason-code, map unknown
 * instant = zigzag varlong epoch second, varint nano (below 10^9)
 * text    = varint byte count, the chars (each below U+0080 one byte, below U+0800 two, others
 *           three: every Java string, lone surrogates too, reads back equal)
 * opt-text = u8 0 (absent) or 1 and a text;  texts = count, text*;  map = count, (text text)*
 * </pre>
 *
 * <p>Reading is bounded by the bytes given: every count and length is checked against what is
 * left before anything is allocated, so corrupt input ends in a {@link SummaryFormatException}
 * with its code and byte offset (a version this library does not know: {@code
 * UNSUPPORTED_VERSION}), never in an allocation of the claimed size.
 */
final class ReportCodec {
  /** The format version this class writes, and the newest it reads. */
  static final int VERSION = 1;

  private static final int TYPE_TEXT = 0;
  private static final int TYPE_STS = 1;
  private static final int TYPE_TLSA = 2;
  private static final int TYPE_NO_POLICY_FOUND = 3;

  private ReportCodec() {}

  /** A growable buffer a serializer reuses for every report it writes (one per thread). */
  static final class Writer {
    private byte[] buf = new byte[1024];
    private int pos;

    /**
     * Encodes a report, replacing what the buffer held.
     *
     * @param r the report
     * @return the number of bytes in {@link #buffer()}
     */
    int encode(TlsRptReport r) {
      pos = 0;
      u8(VERSION);
      text(r.organizationName());
      instant(r.dateRange().start());
      instant(r.dateRange().end());
      optText(r.contactInfo());
      text(r.reportId());
      map(r.unknownFields());
      map(r.unknownDateRangeFields());
      varlong(r.policies().size());
      for (PolicyResult p : r.policies()) {
        policy(p);
      }
      return pos;
    }

    byte[] buffer() {
      return buf;
    }

    private void policy(PolicyResult p) {
      switch (p.policyType()) {
        case STS -> u8(TYPE_STS);
        case TLSA -> u8(TYPE_TLSA);
        case NO_POLICY_FOUND -> u8(TYPE_NO_POLICY_FOUND);
        case UNKNOWN -> {
          u8(TYPE_TEXT);
          text(p.policyTypeText());
        }
      }
      texts(p.policyStrings());
      optText(p.policyDomain());
      texts(p.mxHosts());
      varlong(p.successfulSessionCount());
      varlong(p.failedSessionCount());
      varlong(p.failureDetails().size());
      for (FailureDetail d : p.failureDetails()) {
        if (d.resultType().equals(ResultType.FAILURES_WITHOUT_DETAILS)) {
          u8(1);
        } else {
          u8(0);
          text(d.resultType().wireName());
        }
        optText(d.sendingMtaIp());
        optText(d.receivingMxHostname());
        optText(d.receivingMxHelo());
        optText(d.receivingIp());
        varlong(d.failedSessionCount());
        optText(d.additionalInformation());
        optText(d.failureReasonCode());
        map(d.unknownFields());
      }
      map(p.unknownPolicyFields());
      map(p.unknownSummaryFields());
      map(p.unknownFields());
    }

    private void ensure(int more) {
      if (buf.length - pos < more) {
        long want = Math.max((long) buf.length * 2, (long) pos + more);
        if (want > Integer.MAX_VALUE - 16) {
          throw new IllegalArgumentException("a report of more than 2 GiB cannot be serialized");
        }
        buf = Arrays.copyOf(buf, (int) want);
      }
    }

    private void u8(int b) {
      ensure(1);
      buf[pos++] = (byte) b;
    }

    private void varlong(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[pos++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[pos++] = (byte) v;
    }

    private void instant(Instant t) {
      long s = t.getEpochSecond();
      varlong((s << 1) ^ (s >> 63));
      varlong(t.getNano());
    }

    private void text(String s) {
      int n = s.length();
      int start = pos;
      varlong(n);
      ensure(n);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          // Not all below U+0080: count the bytes and write again.
          pos = start;
          textSlow(s);
          return;
        }
        buf[pos++] = (byte) c;
      }
    }

    private void textSlow(String s) {
      int n = s.length();
      long bytes = n;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          bytes += c >= 0x800 ? 2 : 1;
        }
      }
      if (bytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("a text of more than 2 GiB cannot be serialized");
      }
      varlong(bytes);
      ensure((int) bytes);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          buf[pos++] = (byte) c;
        } else if (c < 0x800) {
          buf[pos++] = (byte) (0xC0 | (c >> 6));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        } else {
          buf[pos++] = (byte) (0xE0 | (c >> 12));
          buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          buf[pos++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }

    private void optText(@Nullable String s) {
      if (s == null) {
        u8(0);
      } else {
        u8(1);
        text(s);
      }
    }

    private void texts(List<String> list) {
      varlong(list.size());
      for (String s : list) {
        text(s);
      }
    }

    private void map(Map<String, String> m) {
      varlong(m.size());
      for (Map.Entry<String, String> e : m.entrySet()) {
        text(e.getKey());
        text(e.getValue());
      }
    }
  }

  /**
   * Reads a report back.
   *
   * @param b the bytes, exactly one report's
   * @param length how many of them
   * @return the report
   * @throws SummaryFormatException when the bytes are not a report of a known version
   */
  static TlsRptReport decode(byte[] b, int length) throws SummaryFormatException {
    return new Reader(b, length).report();
  }

  private static final class Reader {
    private final byte[] b;
    private final int end;
    private int pos;

    Reader(byte[] b, int length) {
      this.b = b;
      this.end = length;
    }

    TlsRptReport report() throws SummaryFormatException {
      int version = u8();
      if (version != VERSION) {
        throw fail(SummaryFormatErrorCode.UNSUPPORTED_VERSION, 0, "a serialized report of format"
            + " version " + version + "; this library reads version " + VERSION
            + " (written by a newer mtasts, or not a report)");
      }
      String org = text();
      int at = pos;
      Instant start = instant();
      Instant endTime = instant();
      if (endTime.isBefore(start)) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "the date range ends before it starts");
      }
      String contact = optText();
      String id = text();
      Map<String, String> unknown = map();
      Map<String, String> unknownRange = map();
      int n = count(1);
      List<PolicyResult> policies = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        policies.add(policy());
      }
      if (pos != end) {
        throw fail(SummaryFormatErrorCode.TRAILING_BYTES, pos, (end - pos)
            + " bytes after the serialized report");
      }
      return new TlsRptReport(org, new DateRange(start, endTime), contact, id, policies, unknown,
          unknownRange);
    }

    private PolicyResult policy() throws SummaryFormatException {
      int at = pos;
      int kind = u8();
      PolicyType type;
      String typeText;
      switch (kind) {
        case TYPE_STS -> {
          type = PolicyType.STS;
          typeText = type.wireName();
        }
        case TYPE_TLSA -> {
          type = PolicyType.TLSA;
          typeText = type.wireName();
        }
        case TYPE_NO_POLICY_FOUND -> {
          type = PolicyType.NO_POLICY_FOUND;
          typeText = type.wireName();
        }
        case TYPE_TEXT -> {
          type = PolicyType.UNKNOWN;
          typeText = text();
        }
        default -> throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "policy type " + kind
            + " is not one of 0 to 3");
      }
      List<String> strings = texts();
      String domain = optText();
      List<String> mx = texts();
      at = pos;
      long ok = varlong();
      long failed = varlong();
      if (ok < 0 || failed < 0) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a session count above 2^63 - 1");
      }
      int n = count(9);
      List<FailureDetail> details = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        details.add(detail());
      }
      Map<String, String> unknownPolicy = map();
      Map<String, String> unknownSummary = map();
      Map<String, String> unknown = map();
      try {
        return new PolicyResult(type, typeText, strings, domain, mx, ok, failed, details,
            unknownPolicy, unknownSummary, unknown);
      } catch (IllegalArgumentException e) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "not a policy result: "
            + e.getMessage());
      }
    }

    private FailureDetail detail() throws SummaryFormatException {
      int at = pos;
      int kind = u8();
      ResultType type;
      if (kind == 0) {
        type = ResultType.of(text());
      } else if (kind == 1) {
        type = ResultType.FAILURES_WITHOUT_DETAILS;
      } else {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "result type kind " + kind
            + " is neither 0 nor 1");
      }
      String sending = optText();
      String mx = optText();
      String helo = optText();
      String ip = optText();
      at = pos;
      long count = varlong();
      if (count < 0) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a session count above 2^63 - 1");
      }
      String info = optText();
      String reason = optText();
      Map<String, String> unknown = map();
      return new FailureDetail(type, sending, mx, helo, ip, count, info, reason, unknown);
    }

    private int u8() throws SummaryFormatException {
      if (pos >= end) {
        throw truncated();
      }
      return b[pos++] & 0xFF;
    }

    private long varlong() throws SummaryFormatException {
      int at = pos;
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int x = u8();
        if (shift == 63 && (x & 0x7E) != 0) {
          break;
        }
        v |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a number longer than 64 bits");
    }

    /** Reads a count of items each taking at least {@code minBytes}, bounded by what is left. */
    private int count(int minBytes) throws SummaryFormatException {
      int at = pos;
      long n = varlong();
      if (n < 0 || n > (end - pos) / minBytes) {
        throw fail(SummaryFormatErrorCode.TOO_LARGE, at, "a count of " + Long.toUnsignedString(n)
            + " items in the " + (end - pos) + " bytes left");
      }
      return (int) n;
    }

    private Instant instant() throws SummaryFormatException {
      int at = pos;
      long z = varlong();
      long seconds = (z >>> 1) ^ -(z & 1);
      long nanos = varlong();
      if (nanos < 0 || nanos >= 1_000_000_000L || seconds < Instant.MIN.getEpochSecond()
          || seconds > Instant.MAX.getEpochSecond()) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "not an instant: second " + seconds
            + ", nanosecond " + nanos);
      }
      return Instant.ofEpochSecond(seconds, nanos);
    }

    private String text() throws SummaryFormatException {
      int n = count(1);
      int from = pos;
      int to = from + n;
      boolean ascii = true;
      for (int i = from; i < to; i++) {
        if (b[i] < 0) {
          ascii = false;
          break;
        }
      }
      if (ascii) {
        pos = to;
        return new String(b, from, n, StandardCharsets.ISO_8859_1);
      }
      char[] chars = new char[n];
      int c = 0;
      while (pos < to) {
        int x = b[pos] & 0xFF;
        if (x < 0x80) {
          chars[c++] = (char) x;
          pos++;
        } else if ((x & 0xE0) == 0xC0 && pos + 1 < to && (b[pos + 1] & 0xC0) == 0x80) {
          chars[c++] = (char) (((x & 0x1F) << 6) | (b[pos + 1] & 0x3F));
          pos += 2;
        } else if ((x & 0xF0) == 0xE0 && pos + 2 < to && (b[pos + 1] & 0xC0) == 0x80
            && (b[pos + 2] & 0xC0) == 0x80) {
          chars[c++] = (char) (((x & 0x0F) << 12) | ((b[pos + 1] & 0x3F) << 6) | (b[pos + 2] & 0x3F));
          pos += 3;
        } else {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, pos, "not a character's bytes");
        }
      }
      return new String(chars, 0, c);
    }

    private @Nullable String optText() throws SummaryFormatException {
      int at = pos;
      int flag = u8();
      if (flag == 0) {
        return null;
      }
      if (flag != 1) {
        throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "presence flag " + flag
            + " is neither 0 nor 1");
      }
      return text();
    }

    private List<String> texts() throws SummaryFormatException {
      int n = count(1);
      List<String> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(text());
      }
      return list;
    }

    private Map<String, String> map() throws SummaryFormatException {
      int n = count(2);
      if (n == 0) {
        return Map.of();
      }
      Map<String, String> m = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        int at = pos;
        String k = text();
        if (m.put(k, text()) != null) {
          throw fail(SummaryFormatErrorCode.INVALID_VALUE, at, "a member name twice in one map");
        }
      }
      return m;
    }

    private SummaryFormatException truncated() {
      return fail(SummaryFormatErrorCode.TRUNCATED, pos, "the serialized report ends early");
    }

    private static SummaryFormatException fail(SummaryFormatErrorCode code, int at, String detail) {
      return new SummaryFormatException(code, at, detail);
    }
  }
}
