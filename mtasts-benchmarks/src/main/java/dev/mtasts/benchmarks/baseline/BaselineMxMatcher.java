package dev.mtasts.benchmarks.baseline;

import java.util.List;
import java.util.regex.Pattern;

/**
 * MX matching with one regular expression built from all the patterns: an exact pattern is quoted,
 * {@code *.} becomes one label ({@code [^.]+\.}), matching is case-insensitive and ignores a
 * trailing dot on the host (RFC 8461 §4.1).
 */
public final class BaselineMxMatcher {

  private final Pattern regex;

  /**
   * Compiles the patterns into one alternation.
   *
   * @param patterns the {@code mx} patterns of a policy, such as {@code *.example.net}
   */
  public BaselineMxMatcher(List<String> patterns) {
    StringBuilder sb = new StringBuilder("(?:");
    for (int i = 0; i < patterns.size(); i++) {
      String p = patterns.get(i);
      if (i > 0) {
        sb.append('|');
      }
      if (p.startsWith("*.")) {
        sb.append("[^.]+\\.").append(Pattern.quote(p.substring(2)));
      } else {
        sb.append(Pattern.quote(p));
      }
    }
    sb.append(")\\.?");
    this.regex = Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
  }

  /**
   * Tells whether a pattern covers the host.
   *
   * @param mxHost an MX host name, possibly with a trailing dot
   * @return whether one of the patterns matches
   */
  public boolean matches(String mxHost) {
    return regex.matcher(mxHost).matches();
  }
}
