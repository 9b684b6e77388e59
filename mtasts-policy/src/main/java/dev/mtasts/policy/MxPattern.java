package dev.mtasts.policy;

import dev.mtasts.policy.internal.DomainNameSyntax;
import dev.mtasts.policy.internal.Hosts;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One {@code mx} pattern of a policy: an exact host name ({@code mail.example.com}) or a wildcard
 * ({@code *.example.net}) that covers exactly one leftmost label (RFC 8461 §3.2, §4.1).
 *
 * <p>The pattern is validated against {@code ["*."] Domain} (RFC 5321 §4.1.2: LDH labels, no empty
 * label, no trailing dot, ASCII only, so internationalized names appear as A-labels) plus the DNS
 * length limits, and stored in lower case.
 *
 * <pre>{@code
 * MxPattern p = MxPattern.parse("*.example.net");
 * p.matches("MX1.Example.NET.");   // true: case-insensitive, root dot ignored
 * p.matches("example.net");        // false: the wildcard needs one label
 * p.matches("a.b.example.net");    // false: and only one
 * }</pre>
 *
 * <p>A value: two patterns are equal when their (lower-case) texts are. A final class rather than
 * a record so that the policy parser, which validates and lower-cases each {@code mx} value while
 * it scans the line, can hand over the text without a second check.
 */
public final class MxPattern {
  /**
   * Creates patterns from text the policy parser has validated and lower-cased while scanning it.
   * Package-private: only {@link PolicyParser} hands it to the scanner.
   */
  static final Function<String, MxPattern> TRUSTED = MxPattern::trusted;

  private final String pattern;

  /**
   * Validates the pattern and stores it in lower case.
   *
   * @param pattern the pattern text
   * @throws IllegalArgumentException if the text is not a valid {@code mx} pattern
   */
  public MxPattern(String pattern) {
    this(pattern, true);
  }

  private MxPattern(String pattern, boolean validate) {
    this.pattern = validate ? checked(pattern) : pattern;
  }

  private static String checked(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    // One pass validates and tells whether lower-casing is needed: policy files are almost
    // always lower case already, and then the text is kept as is.
    long problem = DomainNameSyntax.checkCase(pattern, 0, pattern.length());
    if (problem == DomainNameSyntax.VALID_MIXED_CASE) {
      return pattern.toLowerCase(Locale.ROOT);
    }
    if (problem != DomainNameSyntax.VALID) {
      throw new IllegalArgumentException(DomainNameSyntax.describe(pattern, problem));
    }
    return pattern;
  }

  /** The trusted path: {@code lowerValid} is a valid, lower-case pattern. */
  private static MxPattern trusted(String lowerValid) {
    return new MxPattern(lowerValid, false);
  }

  /**
   * Returns the pattern text in lower case.
   *
   * @return the pattern, such as {@code *.example.net}
   */
  public String pattern() {
    return pattern;
  }

  /**
   * Returns the pattern for trusted text, such as a constant in code.
   *
   * @param pattern the pattern text, for example {@code "mail.example.com"} or {@code "*.example.net"}
   * @return the pattern, in lower case
   * @throws IllegalArgumentException if the text is not a valid {@code mx} pattern
   */
  public static MxPattern of(String pattern) {
    return new MxPattern(pattern);
  }

  /**
   * Parses the pattern from untrusted text, reporting a problem with its position.
   *
   * @param text the pattern text, without surrounding whitespace
   * @return the pattern, in lower case
   * @throws PolicyParseException if the text is not a valid {@code mx} pattern (line 1, the column
   *     of the first offending character)
   */
  public static MxPattern parse(String text) {
    Objects.requireNonNull(text, "text");
    long problem = DomainNameSyntax.check(text, 0, text.length());
    if (problem != DomainNameSyntax.VALID) {
      int index = DomainNameSyntax.index(problem);
      throw new PolicyParseException(
          DomainNameSyntax.code(problem),
          1,
          text.codePointCount(0, Math.min(index, text.length())) + 1,
          DomainNameSyntax.describe(text, problem));
    }
    return new MxPattern(text);
  }

  /**
   * Returns whether this is a wildcard pattern ({@code *.} followed by a domain).
   *
   * @return {@code true} for {@code *.example.net}
   */
  public boolean wildcard() {
    return pattern.charAt(0) == '*';
  }

  /**
   * Returns whether this pattern covers the MX host, by RFC 8461 §4.1: ASCII case-insensitive, a
   * trailing root dot on the host ignored, a wildcard covering exactly one whole leftmost label.
   * A host with non-ASCII characters (U-labels) is compared in its A-label form; an ASCII host is
   * compared in place without allocating. A wildcard's leftmost label must be a valid LDH label
   * ({@code "a b.example.net"} and {@code "*.example.net"} match nothing).
   *
   * <p>U-labels are converted with {@link java.net.IDN}, which implements IDNA2003 and would map
   * ß, ς, ZWJ and ZWNJ to other text ({@code straße.de} to {@code strasse.de}), whereas the DNS
   * holds IDNA2008 A-labels ({@code xn--strae-oqa.de}). A host holding one of these characters
   * therefore matches no pattern; pass such hosts in A-label form.
   *
   * @param mxHost the host name of the MX record, for example {@code "mx1.example.net."}
   * @return whether the pattern covers the host; {@code false} for a host that is not a name
   */
  public boolean matches(String mxHost) {
    Objects.requireNonNull(mxHost, "mxHost");
    if (DomainNameSyntax.isAscii(mxHost)) {
      return Hosts.matchesAscii(pattern, mxHost);
    }
    @Nullable String ascii = DomainNameSyntax.toAsciiHost(mxHost);
    return ascii != null && DomainNameSyntax.isAscii(ascii) && Hosts.matchesAscii(pattern, ascii);
  }

  /**
   * Returns whether this pattern covers every host the other one covers (an equal pattern, or an
   * exact host under this wildcard): the other one is then redundant in the same policy.
   *
   * @param other another pattern
   * @return {@code true} if {@code other} adds no host to this one
   */
  public boolean covers(MxPattern other) {
    if (equals(other)) {
      return true;
    }
    return wildcard() && !other.wildcard() && Hosts.matchesAscii(pattern, other.pattern);
  }

  /**
   * Returns whether the other object is a pattern with the same text.
   *
   * @param o another object
   * @return {@code true} for an equal pattern
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof MxPattern m && m.pattern.equals(pattern));
  }

  /**
   * Returns the hash code of the pattern text.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return pattern.hashCode();
  }

  /**
   * Returns the pattern text as written in a policy file.
   *
   * @return the lower-case pattern, such as {@code *.example.net}
   */
  @Override
  public String toString() {
    return pattern;
  }
}
