package dev.mtasts.benchmarks.data;

import java.util.ArrayList;
import java.util.List;

/** Policy files, MX pattern lists and TXT records, the same in every run. */
public final class PolicyData {

  /**
   * A typical policy: three {@code mx} lines (one wildcard), one week, CRLF; 150 bytes, about
   * what real senders publish.
   */
  public static final String TYPICAL =
      "version: STSv1\r\n"
          + "mode: enforce\r\n"
          + "mx: mx1.mail.example-corp.com\r\n"
          + "mx: mx2.mail.example-corp.com\r\n"
          + "mx: *.backup-mx.example-corp.net\r\n"
          + "max_age: 604800\r\n";

  /** A typical {@code _mta-sts} record (RFC 8461 §3.1). */
  public static final String STS_RECORD = "v=STSv1; id=20261124093000Z;";

  /** A typical {@code _smtp._tls} record with two report URIs (RFC 8460 §3). */
  public static final String TLSRPT_RECORD =
      "v=TLSRPTv1; rua=mailto:tlsrpt@example-corp.com,https://tlsrpt.example-corp.com/v1";

  private PolicyData() {}

  /**
   * Returns a policy file in canonical form.
   *
   * @param mxCount how many {@code mx} lines; {@code 3} gives {@link #TYPICAL}
   * @return the text, CRLF line ends
   */
  public static String policy(int mxCount) {
    if (mxCount == 3) {
      return TYPICAL;
    }
    StringBuilder sb = new StringBuilder("version: STSv1\r\nmode: enforce\r\n");
    for (String p : patterns(mxCount)) {
      sb.append("mx: ").append(p).append("\r\n");
    }
    return sb.append("max_age: 604800\r\n").toString();
  }

  /**
   * Returns MX patterns: for 3, those of {@link #TYPICAL}; otherwise {@code count} patterns,
   * every fifth a wildcard, over several domains.
   *
   * @param count how many patterns
   * @return the patterns, lower case
   */
  public static List<String> patterns(int count) {
    if (count == 3) {
      return List.of(
          "mx1.mail.example-corp.com", "mx2.mail.example-corp.com", "*.backup-mx.example-corp.net");
    }
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (i % 5 == 4) {
        out.add("*.pool" + i + ".mx.example" + (i % 7) + ".net");
      } else {
        out.add("mx" + i + ".mail.example" + (i % 7) + ".com");
      }
    }
    return out;
  }

  /**
   * Returns an MX host that one of {@link #patterns(int)} covers: the last pattern, so a linear
   * scan pays for the whole list; a wildcard's host where the last pattern is a wildcard.
   *
   * @param count how many patterns
   * @return the host name
   */
  public static String hitHost(int count) {
    List<String> patterns = patterns(count);
    String last = patterns.get(count - 1);
    return last.startsWith("*.") ? "relay7" + last.substring(1) : last;
  }

  /**
   * Returns an MX host that none of {@link #patterns(int)} covers, but that shares the suffix
   * of one (the near misses a matcher must still reject).
   *
   * @param count how many patterns
   * @return the host name
   */
  public static String missHost(int count) {
    return count == 3 ? "a.b.backup-mx.example-corp.net" : "mx9999.mail.example3.com";
  }
}
