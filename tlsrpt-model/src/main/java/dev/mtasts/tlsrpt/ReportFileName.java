package dev.mtasts.tlsrpt;

import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.DomainNameException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The RFC 8460 §5.1 report file name: {@code
 * <sender>!<policy-domain>!<begin-timestamp>!<end-timestamp>[!<unique-id>].json[.gz]}, for example
 * {@code mail.sndr.example.com!example.net!1470013207!1470186007!001.json.gz}.
 *
 * @param sender the sending domain (A-labels)
 * @param policyDomain the policy domain (A-labels)
 * @param begin the start of the reporting period (whole seconds)
 * @param end the end of the reporting period (whole seconds)
 * @param uniqueId the optional unique id, letters and digits only
 * @param gzip whether the extension is {@code .json.gz} rather than {@code .json}
 */
public record ReportFileName(
    String sender,
    String policyDomain,
    Instant begin,
    Instant end,
    @Nullable String uniqueId,
    boolean gzip) {

  /**
   * Validates the parts.
   *
   * @param sender the {@code sender} component
   * @param policyDomain the {@code policyDomain} component
   * @param begin the {@code begin} component
   * @param end the {@code end} component
   * @param uniqueId the {@code uniqueId} component
   * @param gzip the {@code gzip} component
   * @throws IllegalArgumentException when a part cannot appear in a file name
   */
  public ReportFileName {
    checkDomain("sender", sender);
    checkDomain("policyDomain", policyDomain);
    Objects.requireNonNull(begin, "begin");
    Objects.requireNonNull(end, "end");
    if (begin.getEpochSecond() < 0 || end.getEpochSecond() < 0 || begin.getNano() != 0
        || end.getNano() != 0) {
      throw new IllegalArgumentException(
          "timestamps must be whole non-negative Unix seconds: " + begin + ", " + end);
    }
    if (uniqueId != null && !isAlnum(uniqueId)) {
      throw new IllegalArgumentException(
          "uniqueId \"" + uniqueId + "\" must be one or more ASCII letters and digits");
    }
  }

  /**
   * Returns the file name of a report's period.
   *
   * @param sender the sending domain
   * @param policyDomain the policy domain
   * @param range the reporting period (fractions of seconds are dropped)
   * @param uniqueId the unique id, or {@code null}
   * @param gzip whether the file is gzip-compressed
   * @return the file name
   * @throws IllegalArgumentException when a domain cannot appear in a file name, or the period
   *     starts or ends before 1970 (the name carries Unix seconds, RFC 8460 §5.1)
   */
  public static ReportFileName of(
      String sender, String policyDomain, DateRange range, @Nullable String uniqueId, boolean gzip) {
    return new ReportFileName(
        sender,
        policyDomain,
        Instant.ofEpochSecond(range.start().getEpochSecond()),
        Instant.ofEpochSecond(range.end().getEpochSecond()),
        uniqueId,
        gzip);
  }

  /**
   * Parses a file name; the extension is matched ignoring case, as the ABNF allows.
   *
   * @param fileName the name, without directories
   * @return the parts
   * @throws ReportParseException with {@link ReportErrorCode#INVALID_FILE_NAME} when it does not
   *     follow RFC 8460 §5.1
   */
  public static ReportFileName parse(String fileName) {
    Objects.requireNonNull(fileName, "fileName");
    String lower = fileName.toLowerCase(Locale.ROOT);
    boolean gzip;
    String stem;
    if (lower.endsWith(".json.gz")) {
      gzip = true;
      stem = fileName.substring(0, fileName.length() - 8);
    } else if (lower.endsWith(".json")) {
      gzip = false;
      stem = fileName.substring(0, fileName.length() - 5);
    } else {
      throw bad(fileName, "the extension must be .json or .json.gz");
    }
    String[] parts = stem.split("!", -1);
    if (parts.length != 4 && parts.length != 5) {
      throw bad(
          fileName,
          "expected sender!policy-domain!begin!end[!unique-id] (4 or 5 parts separated by !),"
              + " found " + parts.length);
    }
    long begin = timestamp(fileName, parts[2], "begin-timestamp");
    long end = timestamp(fileName, parts[3], "end-timestamp");
    String unique = parts.length == 5 ? parts[4] : null;
    try {
      return new ReportFileName(
          parts[0], parts[1], Instant.ofEpochSecond(begin), Instant.ofEpochSecond(end), unique, gzip);
    } catch (IllegalArgumentException e) {
      throw bad(fileName, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Returns the file name text.
   *
   * @return the name, for example {@code google.com!example.com!1778457600!1778543999!001.json.gz}
   */
  public String fileName() {
    StringBuilder sb = new StringBuilder(96);
    sb.append(sender).append('!').append(policyDomain).append('!').append(begin.getEpochSecond())
        .append('!').append(end.getEpochSecond());
    if (uniqueId != null) {
      sb.append('!').append(uniqueId);
    }
    return sb.append(gzip ? ".json.gz" : ".json").toString();
  }

  @Override
  public String toString() {
    return fileName();
  }

  private static long timestamp(String fileName, String text, String what) {
    if (text.isEmpty() || text.length() > 18) {
      throw bad(fileName, what + " \"" + text + "\" must be 1 to 18 digits of Unix seconds");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw bad(fileName, what + " \"" + text + "\" must be decimal Unix seconds");
      }
    }
    long v = Long.parseLong(text);
    if (v > Instant.MAX.getEpochSecond()) {
      throw bad(fileName, what + " " + text + " is beyond the year 1000000000");
    }
    return v;
  }

  private static void checkDomain(String what, String domain) {
    Objects.requireNonNull(domain, what);
    try {
      // RFC 8460 §5.1: domains as A-labels, which never hold the "!" that separates the parts.
      DomainName.parse(domain, DomainName.Syntax.LENIENT);
    } catch (DomainNameException e) {
      throw new IllegalArgumentException(what + ": " + e.detail(), e);
    }
  }

  private static boolean isAlnum(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static ReportParseException bad(String fileName, String why) {
    return new ReportParseException(
        ReportErrorCode.INVALID_FILE_NAME, "$", "file name \"" + fileName + "\": " + why, null);
  }
}
