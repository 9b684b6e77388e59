package dev.mtasts.benchmarks.baseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A straightforward policy parser: {@code String.split} on line ends, a regular expression per
 * line, and a regular expression for each {@code mx} value. It checks what RFC 8461 §3.2 requires
 * (required fields, mode values, {@code max_age} range, the Domain syntax of {@code mx}), so it
 * does the same job as the SDK's strict parser, without positions in its errors.
 */
public final class BaselinePolicyParser {

  private static final Pattern LINE_END = Pattern.compile("\r?\n");
  private static final Pattern FIELD =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]{0,31}):[ \t]*(.*?)[ \t]*");
  // RFC 5321 §4.1.2 Domain, with RFC 8461 §3.2's optional leading "*.".
  private static final Pattern MX =
      Pattern.compile(
          "(\\*\\.)?[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
  private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,10}");
  private static final Set<String> MODES = Set.of("enforce", "testing", "none");
  private static final long MAX_AGE_LIMIT = 31_557_600L;

  private BaselinePolicyParser() {}

  /**
   * Parses a policy file.
   *
   * @param text the body of {@code mta-sts.txt}
   * @return the policy
   * @throws IllegalArgumentException when the text is not a valid policy
   */
  public static BaselinePolicy parse(String text) {
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (body.endsWith("\r")) {
      body = body.substring(0, body.length() - 1);
    }
    String version = null;
    String mode = null;
    String maxAge = null;
    List<String> mx = new ArrayList<>();
    Map<String, String> extensions = new LinkedHashMap<>();
    for (String line : LINE_END.split(body, -1)) {
      Matcher m = FIELD.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad line: " + line);
      }
      String key = m.group(1);
      String value = m.group(2);
      switch (key) {
        case "version":
          version = version == null ? value : version;
          break;
        case "mode":
          mode = mode == null ? value : mode;
          break;
        case "max_age":
          maxAge = maxAge == null ? value : maxAge;
          break;
        case "mx":
          if (!MX.matcher(value).matches()) {
            throw new IllegalArgumentException("bad mx: " + value);
          }
          mx.add(value.toLowerCase(java.util.Locale.ROOT));
          break;
        default:
          extensions.putIfAbsent(key, value);
      }
    }
    if (!"STSv1".equals(version)) {
      throw new IllegalArgumentException("bad version: " + version);
    }
    if (mode == null || !MODES.contains(mode)) {
      throw new IllegalArgumentException("bad mode: " + mode);
    }
    if (maxAge == null || !MAX_AGE.matcher(maxAge).matches()) {
      throw new IllegalArgumentException("bad max_age: " + maxAge);
    }
    long age = Long.parseLong(maxAge);
    if (age > MAX_AGE_LIMIT) {
      throw new IllegalArgumentException("max_age above " + MAX_AGE_LIMIT + ": " + age);
    }
    if (mx.isEmpty() && !"none".equals(mode)) {
      throw new IllegalArgumentException("no mx for mode " + mode);
    }
    return new BaselinePolicy(version, mode, age, mx, extensions);
  }
}
