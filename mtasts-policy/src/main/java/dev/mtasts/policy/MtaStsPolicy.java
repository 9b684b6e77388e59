package dev.mtasts.policy;

import dev.mtasts.policy.internal.DomainNameSyntax;
import dev.mtasts.policy.internal.MxIndex;
import dev.mtasts.policy.internal.MxPatternList;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An MTA-STS policy, the file served at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}
 * (RFC 8461 §3.2). Immutable and always valid: version {@code STSv1}, a {@link Mode}, {@code
 * max_age} between 0 and {@value #MAX_MAX_AGE} seconds, the {@code mx} patterns in file order (at
 * least one unless the mode is {@code none}) and the extension fields in file order.
 *
 * <pre>{@code
 * MtaStsPolicy policy = MtaStsPolicy.parse(
 *     "version: STSv1\r\nmode: enforce\r\nmx: *.example.net\r\nmax_age: 604800\r\n");
 * policy.matches("mx1.example.net");      // true
 * String text = policy.toText();          // canonical form, CRLF line ends
 * }</pre>
 *
 * @param version the policy version; always {@value #VERSION}
 * @param mode the mode
 * @param maxAge how long, in seconds, a sender may cache the policy (0 to {@value #MAX_MAX_AGE})
 * @param mx the MX host patterns in file order; may contain repeats (see {@link PolicyLint})
 * @param extensions the extension fields in file order, names unique
 */
public record MtaStsPolicy(
    String version, Mode mode, long maxAge, List<MxPattern> mx, List<Extension> extensions) {

  /** The only policy version, {@code STSv1} (RFC 8461 §3.2). */
  public static final String VERSION = "STSv1";

  /** The largest {@code max_age}: 31557600 seconds, about one year (RFC 8461 §3.2). */
  public static final long MAX_MAX_AGE = 31_557_600L;

  /**
   * Validates and copies the components.
   *
   * @param version the policy version
   * @param mode the mode
   * @param maxAge the cache lifetime in seconds
   * @param mx the patterns
   * @param extensions the extension fields
   * @throws IllegalArgumentException if the version is not {@value #VERSION}, {@code maxAge} is
   *     out of range, a testing or enforce policy has no pattern, or two extensions share a name
   */
  public MtaStsPolicy {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(mode, "mode");
    if (!VERSION.equals(version)) {
      throw new IllegalArgumentException("version must be STSv1, not \"" + version + "\"");
    }
    if (maxAge < 0 || maxAge > MAX_MAX_AGE) {
      throw new IllegalArgumentException(
          "max_age " + maxAge + " is outside 0.." + MAX_MAX_AGE + " (RFC 8461 §3.2)");
    }
    // The list type carries the match index (built on first use): a record has no other fields.
    mx = MxPatternList.copyOf(mx);
    extensions = List.copyOf(extensions);
    if (mode.requiresMx() && mx.isEmpty()) {
      throw new IllegalArgumentException(
          "mode " + mode.wireName() + " needs at least one mx pattern (RFC 8461 §3.2)");
    }
    if (extensions.size() > 1) {
      Set<String> names = new HashSet<>();
      for (Extension e : extensions) {
        if (!names.add(e.name())) {
          throw new IllegalArgumentException("extension " + e.name() + " appears twice");
        }
      }
    }
  }

  /**
   * Returns a policy without extensions.
   *
   * @param mode the mode
   * @param maxAgeSeconds the cache lifetime in seconds, 0 to {@value #MAX_MAX_AGE}
   * @param mx the patterns; at least one unless the mode is {@link Mode#NONE}
   * @return the policy
   * @throws IllegalArgumentException if the values do not form a valid policy
   */
  public static MtaStsPolicy of(Mode mode, long maxAgeSeconds, List<MxPattern> mx) {
    return new MtaStsPolicy(VERSION, mode, maxAgeSeconds, mx, List.of());
  }

  /**
   * Parses a policy file strictly (RFC 8461 §3.2 ABNF); see {@link PolicyParser#strict()}.
   *
   * @param text the body of the policy file
   * @return the policy
   * @throws PolicyParseException if the text is not a valid policy
   */
  public static MtaStsPolicy parse(CharSequence text) {
    return PolicyParser.strict().parsePolicy(text);
  }

  /**
   * Parses a policy file strictly from its bytes, which must be well-formed UTF-8 and at most 64 KiB.
   *
   * @param body the body of the HTTPS response
   * @return the policy
   * @throws PolicyParseException if the bytes are not a valid policy
   */
  public static MtaStsPolicy parse(byte[] body) {
    return PolicyParser.strict().parse(body).value();
  }

  /**
   * Parses a policy file strictly from a stream, reading at most 64 KiB plus one byte. The stream
   * is not closed.
   *
   * @param body the body of the HTTPS response
   * @return the policy
   * @throws PolicyParseException if the bytes are not a valid policy, the stream is longer than
   *     the limit ({@link PolicyErrorCode#INPUT_TOO_LARGE}) or cannot be read ({@link
   *     PolicyErrorCode#READ_FAILED})
   */
  public static MtaStsPolicy parse(InputStream body) {
    return PolicyParser.strict().parse(body).value();
  }

  /**
   * Returns a builder with mode and {@code max_age} unset.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns a builder holding the values of this policy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.mode = mode;
    b.maxAge = maxAge;
    b.mx.addAll(mx);
    b.extensions.addAll(extensions);
    return b;
  }

  /**
   * Returns {@code max_age} as a duration.
   *
   * @return the cache lifetime
   */
  public Duration maxAgeDuration() {
    return Duration.ofSeconds(maxAge);
  }

  /**
   * Returns whether any {@code mx} pattern covers the MX host (RFC 8461 §4.1); see {@link
   * MxPattern#matches(String)} (including its IDNA2003 limitation: a U-label host holding ß, ς,
   * ZWJ or ZWNJ matches nothing). The mode is not consulted: for a {@code none} policy this
   * answers for its patterns only.
   *
   * @param mxHost the host name of the MX record, for example {@code "mx1.example.net."}
   * @return whether some pattern covers the host
   */
  public boolean matches(String mxHost) {
    Objects.requireNonNull(mxHost, "mxHost");
    // RFC 8461 §4.1 through the policy's index: one pass over the host, at most two probes.
    MxPatternList patterns = (MxPatternList) mx;
    int found = patterns.match(mxHost);
    if (found != MxIndex.NOT_ASCII) {
      return found == MxIndex.MATCH;
    }
    // Convert once for all patterns (RFC 8461 §3.2: patterns are A-labels).
    @Nullable String ascii = DomainNameSyntax.toAsciiHost(mxHost);
    return ascii != null && patterns.match(ascii) == MxIndex.MATCH;
  }

  /**
   * Returns the canonical text with CRLF line ends: {@code version}, {@code mode}, each {@code mx},
   * {@code max_age}, then the extensions, one {@code key: value} per line, each line terminated.
   * {@code MtaStsPolicy.parse(p.toText())} equals {@code p}.
   *
   * @return the policy file body
   */
  public String toText() {
    return toText(LineEnding.CRLF);
  }

  /**
   * Returns the canonical text with the chosen line ends; see {@link #toText()}.
   *
   * @param lineEnding CRLF or LF
   * @return the policy file body
   */
  public String toText(LineEnding lineEnding) {
    String eol = lineEnding.chars();
    StringBuilder sb = new StringBuilder(48 + 24 * mx.size() + 32 * extensions.size());
    sb.append("version: ").append(version).append(eol);
    sb.append("mode: ").append(mode.wireName()).append(eol);
    for (MxPattern p : mx) {
      sb.append("mx: ").append(p.pattern()).append(eol);
    }
    sb.append("max_age: ").append(maxAge).append(eol);
    for (Extension e : extensions) {
      sb.append(e.name()).append(": ").append(e.value()).append(eol);
    }
    return sb.toString();
  }

  /**
   * Builds a policy from parts; {@link #build()} validates like the record constructor. Setters
   * fail fast on bad values.
   */
  public static final class Builder {
    private @Nullable Mode mode;
    private long maxAge = -1;
    private final List<MxPattern> mx = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the mode.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(Mode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Sets {@code max_age} in seconds.
     *
     * @param seconds 0 to {@value MtaStsPolicy#MAX_MAX_AGE}
     * @return this builder
     * @throws IllegalArgumentException if the value is out of range
     */
    public Builder maxAge(long seconds) {
      if (seconds < 0 || seconds > MAX_MAX_AGE) {
        throw new IllegalArgumentException(
            "max_age " + seconds + " is outside 0.." + MAX_MAX_AGE + " (RFC 8461 §3.2)");
      }
      this.maxAge = seconds;
      return this;
    }

    /**
     * Sets {@code max_age} from a duration, in whole seconds.
     *
     * @param maxAge 0 to {@value MtaStsPolicy#MAX_MAX_AGE} seconds
     * @return this builder
     * @throws IllegalArgumentException if the value is out of range
     */
    public Builder maxAge(Duration maxAge) {
      if (maxAge.isNegative() || maxAge.compareTo(Duration.ofSeconds(MAX_MAX_AGE)) > 0) {
        throw new IllegalArgumentException(
            "max_age " + maxAge + " is outside 0.." + MAX_MAX_AGE + " seconds (RFC 8461 §3.2)");
      }
      return maxAge(maxAge.toSeconds());
    }

    /**
     * Appends an {@code mx} pattern.
     *
     * @param pattern the pattern
     * @return this builder
     */
    public Builder addMx(MxPattern pattern) {
      mx.add(Objects.requireNonNull(pattern, "pattern"));
      return this;
    }

    /**
     * Appends an {@code mx} pattern given as text.
     *
     * @param pattern the pattern text, for example {@code "*.example.net"}
     * @return this builder
     * @throws IllegalArgumentException if the text is not a valid pattern
     */
    public Builder addMx(String pattern) {
      return addMx(MxPattern.of(pattern));
    }

    /**
     * Replaces the {@code mx} patterns.
     *
     * @param patterns the patterns in order
     * @return this builder
     */
    public Builder mx(List<MxPattern> patterns) {
      List<MxPattern> copy = List.copyOf(patterns);
      mx.clear();
      mx.addAll(copy);
      return this;
    }

    /**
     * Appends an extension field, replacing an earlier one with the same name in place.
     *
     * @param name the key
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if name or value break the grammar
     */
    public Builder putExtension(String name, String value) {
      Extension e = Extension.of(name, value);
      for (int i = 0; i < extensions.size(); i++) {
        if (extensions.get(i).name().equals(name)) {
          extensions.set(i, e);
          return this;
        }
      }
      extensions.add(e);
      return this;
    }

    /**
     * Removes every extension field.
     *
     * @return this builder
     */
    public Builder clearExtensions() {
      extensions.clear();
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalStateException if the mode or {@code max_age} is unset
     * @throws IllegalArgumentException if a testing or enforce policy has no pattern
     */
    public MtaStsPolicy build() {
      if (mode == null) {
        throw new IllegalStateException("mode is not set");
      }
      if (maxAge < 0) {
        throw new IllegalStateException("max_age is not set");
      }
      return new MtaStsPolicy(VERSION, mode, maxAge, mx, extensions);
    }
  }
}
