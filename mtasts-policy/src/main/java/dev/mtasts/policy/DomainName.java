package dev.mtasts.policy;

import dev.mtasts.policy.internal.DomainNameSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A domain name in the form the DNS, policies and reports carry it: lower-case A-labels without the
 * root dot, such as {@code xn--bcher-kva.example}. The SDK's one domain-name type: every module
 * parses policy domains, MX hosts and report domains with it, so the rules live in one place.
 *
 * <p>{@link #parse(CharSequence)} applies RFC 5321 §4.1.2 {@code Domain}, the grammar RFC 8461
 * §3.2 and RFC 8460 §4.4 use: LDH labels (letters, digits, hyphens, no hyphen at either end of a
 * label), no empty label, no root dot, ASCII only (IDNs as A-labels), plus the DNS limits of 63
 * characters a label and 253 a name (RFC 1035 §2.3.4); an IPv4 address such as {@code 192.0.2.1}
 * is refused (it is no host name). Upper case is accepted and folded. {@link Syntax} names the two
 * other rule sets: {@link Syntax#INPUT} for what people type (U-labels, a root dot) and {@link
 * Syntax#LENIENT} for the names sloppy TLS-RPT senders write.
 *
 * <pre>{@code
 * DomainName.parse("Mail.Example.COM");                        // mail.example.com
 * DomainName.parse("bücher.example.", DomainName.Syntax.INPUT); // xn--bcher-kva.example
 * DomainName.parse("straße.de", DomainName.Syntax.INPUT);      // DomainNameException IDNA_DEVIATION
 * DomainName.parse("mx_1.example.com");                        // DomainNameException INVALID_CHARACTER
 * DomainName.parse("mx_1.example.com", DomainName.Syntax.LENIENT); // mx_1.example.com
 * }</pre>
 *
 * <p>U-labels are converted with {@link java.net.IDN}, which implements IDNA2003 and maps ß, ẞ, ς,
 * ZERO WIDTH JOINER and ZERO WIDTH NON-JOINER to other text ({@code straße.de} to {@code
 * strasse.de}), whereas the DNS holds IDNA2008 A-labels ({@code xn--strae-oqa.de}). A name holding
 * one of them is refused ({@link DomainNameErrorCode#IDNA_DEVIATION}): pass its A-label instead.
 *
 * <p>A value: two names are equal when their A-label texts are, and they order by that text.
 */
public final class DomainName implements Comparable<DomainName> {

  /** The rules a text is parsed under. */
  public enum Syntax {
    /**
     * RFC 5321 §4.1.2 {@code Domain} in A-label form, as policies, records and reports carry it:
     * LDH labels, no root dot, ASCII only, at most 63 characters a label and 253 a name, not an
     * IPv4 address.
     */
    STRICT,
    /**
     * A name as a person or a DNS tool writes it: one trailing root dot is dropped, and U-labels
     * are converted to A-labels ({@code bücher.example} to {@code xn--bcher-kva.example}; ß, ẞ, ς,
     * ZWJ and ZWNJ refused), then the result follows {@link #STRICT}.
     */
    INPUT,
    /**
     * The names TLS-RPT reports of sloppy senders hold, kept rather than refused: as {@link
     * #STRICT}, but an underscore in a label, a hyphen at either end of a label, and four all-digit
     * labels are accepted. Still ASCII only (RFC 8460 §4.4: A-labels), no empty label, no root
     * dot, within the DNS length limits.
     */
    LENIENT
  }

  /** Longest name in characters, without the root dot (RFC 1035 §2.3.4). */
  public static final int MAX_LENGTH = DomainNameSyntax.MAX_NAME;

  /** Longest label in characters (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL_LENGTH = DomainNameSyntax.MAX_LABEL;

  // Longest piece of a refused text echoed in a message.
  private static final int ECHO_LIMIT = 100;

  private final String name;

  private DomainName(String name) {
    this.name = name;
  }

  /**
   * Parses a domain name by {@link Syntax#STRICT}: RFC 5321 {@code Domain} in A-label form.
   *
   * @param text the name, for example {@code "mail.example.com"}
   * @return the name in lower case
   * @throws DomainNameException if the text is not such a name, with the code and column of the
   *     first problem
   */
  public static DomainName parse(CharSequence text) {
    return parse(text, Syntax.STRICT);
  }

  /**
   * Parses a domain name by the given rules.
   *
   * @param text the name
   * @param syntax the rules
   * @return the name as lower-case A-labels without the root dot
   * @throws DomainNameException if the text is not a name by these rules, with the code and column
   *     of the first problem
   */
  public static DomainName parse(CharSequence text, Syntax syntax) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(syntax, "syntax");
    String t = text.toString();
    return switch (syntax) {
      case STRICT -> ascii(t, t.length(), 0);
      case LENIENT -> ascii(t, t.length(), DomainNameSyntax.LENIENT);
      case INPUT -> input(t);
    };
  }

  /**
   * Returns the domain name for trusted text, such as a constant in code or an argument a caller
   * must get right; {@link #parse(CharSequence)} for untrusted text.
   *
   * @param text the name, for example {@code "example.com"}
   * @return the name in lower case
   * @throws IllegalArgumentException if the text is not a name by {@link Syntax#STRICT}
   */
  public static DomainName of(CharSequence text) {
    return of(text, Syntax.STRICT);
  }

  /**
   * Returns the domain name for a text a caller must get right, by the given rules.
   *
   * @param text the name
   * @param syntax the rules
   * @return the name as lower-case A-labels without the root dot
   * @throws IllegalArgumentException if the text is not a name by these rules; the message is that
   *     of the {@link DomainNameException} {@link #parse(CharSequence, Syntax)} throws, without the
   *     column, which is the cause
   */
  public static DomainName of(CharSequence text, Syntax syntax) {
    try {
      return parse(text, syntax);
    } catch (DomainNameException e) {
      throw new IllegalArgumentException(e.detail(), e);
    }
  }

  /**
   * Returns the form in which names are compared when the text need not be a valid name, such as a
   * report's {@code policy-domain} used as a key or a {@code --domain} argument: surrounding
   * whitespace dropped, lower case, one root dot removed. For a text that {@link
   * Syntax#INPUT} parses and that holds no U-label, the key equals the parsed name's text.
   *
   * @param text any text
   * @return the comparison key, such as {@code example.com} for {@code " Example.COM. "}
   */
  public static String comparisonKey(String text) {
    // Fast path for the usual, already normal name: no copy, no locale machinery.
    int len = text.length();
    boolean plain = len > 0 && text.charAt(len - 1) != '.' && text.charAt(0) > ' ' && text.charAt(len - 1) > ' ';
    for (int i = 0; plain && i < len; i++) {
      char c = text.charAt(i);
      plain = c < 0x80 && (c < 'A' || c > 'Z');
    }
    if (plain) {
      return text;
    }
    String n = text.trim().toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static DomainName input(String t) {
    // RFC 1034 §3.1: a name written with its root dot is the same name.
    int end = t.endsWith(".") ? t.length() - 1 : t.length();
    if (DomainNameSyntax.isAscii(t)) {
      return ascii(t, end, 0);
    }
    int deviation = DomainNameSyntax.idnaDeviation(t);
    if (deviation >= 0) {
      throw new DomainNameException(DomainNameErrorCode.IDNA_DEVIATION, column(t, deviation),
          "domain \"" + echo(t) + "\" contains " + DomainNameSyntax.describeDeviation(t.charAt(deviation))
              + ", which IDNA2003 (java.net.IDN, the only conversion in the JDK) maps to a different name"
              + " than IDNA2008 does (straße.de would become strasse.de instead of xn--strae-oqa.de);"
              + " pass the domain's IDNA2008 A-label (xn--...) instead");
    }
    // The structure first, with the positions of the text: the A-label form has others.
    long structure = DomainNameSyntax.checkCase(t, 0, end, DomainNameSyntax.NON_ASCII_LETTERS);
    if (structure >= 0) {
      throw new DomainNameException(code(structure), column(t, DomainNameSyntax.index(structure)),
          DomainNameSyntax.describe("domain", "a domain name", echo(t), t, structure));
    }
    String ascii;
    try {
      ascii = DomainNameSyntax.toAsciiName(t.substring(0, end));
    } catch (IllegalArgumentException e) {
      throw new DomainNameException(DomainNameErrorCode.INVALID_IDN, 1, "domain \"" + echo(t)
          + "\" is not a valid internationalized domain name (" + echo(String.valueOf(e.getMessage()))
          + "); pass its A-label (xn--...)");
    }
    long problem = DomainNameSyntax.checkCase(ascii, 0, ascii.length(), 0);
    if (problem >= 0) {
      // The A-label form has other positions than the text: the problem is told on the whole name.
      throw new DomainNameException(code(problem), 1, "domain \"" + echo(t) + "\" as A-labels: "
          + DomainNameSyntax.describe("domain", "a domain name", echo(ascii), ascii, problem));
    }
    return new DomainName(ascii.toLowerCase(Locale.ROOT));
  }

  private static DomainName ascii(String t, int end, int flags) {
    long problem = DomainNameSyntax.checkCase(t, 0, end, flags);
    if (problem == DomainNameSyntax.VALID) {
      return new DomainName(end == t.length() ? t : t.substring(0, end));
    }
    if (problem == DomainNameSyntax.VALID_MIXED_CASE) {
      return new DomainName(t.substring(0, end).toLowerCase(Locale.ROOT));
    }
    int index = Math.min(DomainNameSyntax.index(problem), Math.max(0, t.length() - 1));
    String detail = DomainNameSyntax.reason(problem) == DomainNameSyntax.NON_ASCII
        ? "domain \"" + echo(t) + "\" contains non-ASCII characters; domain names in policies, records and"
            + " reports are A-labels (RFC 8461 §3.2, RFC 8460 §4.4): convert it first with DomainName.Syntax.INPUT"
            + " or java.net.IDN.toASCII" + suggestion(t)
        : DomainNameSyntax.describe("domain",
            "a domain name of 1 to " + MAX_LENGTH + " characters, such as example.com", echo(t), t, problem);
    throw new DomainNameException(code(problem), column(t, index), detail);
  }

  private static String suggestion(String t) {
    try {
      DomainName name = input(t);
      return name.name.equals(t) ? "" : ", which gives \"" + name + "\"";
    } catch (DomainNameException e) {
      return ""; // not a valid IDN either: nothing to suggest
    }
  }

  private static DomainNameErrorCode code(long problem) {
    return switch (DomainNameSyntax.reason(problem)) {
      case DomainNameSyntax.EMPTY -> DomainNameErrorCode.EMPTY;
      case DomainNameSyntax.NON_ASCII -> DomainNameErrorCode.U_LABEL;
      case DomainNameSyntax.EMPTY_LABEL -> DomainNameErrorCode.EMPTY_LABEL;
      case DomainNameSyntax.TRAILING_DOT -> DomainNameErrorCode.TRAILING_DOT;
      case DomainNameSyntax.HYPHEN_START, DomainNameSyntax.HYPHEN_END -> DomainNameErrorCode.HYPHEN_AT_LABEL_END;
      case DomainNameSyntax.LABEL_TOO_LONG -> DomainNameErrorCode.LABEL_TOO_LONG;
      case DomainNameSyntax.NAME_TOO_LONG -> DomainNameErrorCode.NAME_TOO_LONG;
      case DomainNameSyntax.MISPLACED_WILDCARD -> DomainNameErrorCode.WILDCARD;
      case DomainNameSyntax.IPV4 -> DomainNameErrorCode.IP_ADDRESS;
      default -> DomainNameErrorCode.INVALID_CHARACTER;
    };
  }

  private static int column(String t, int index) {
    return t.codePointCount(0, Math.min(index, t.length())) + 1;
  }

  /** Makes untrusted text safe to print: controls and invisible format characters escaped, shortened. */
  private static String echo(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), ECHO_LIMIT) + 8);
    for (int i = 0; i < text.length(); i++) {
      if (b.length() >= ECHO_LIMIT) {
        b.append("...");
        break;
      }
      char c = text.charAt(i);
      int type = Character.getType(c);
      if (c == '\\' || c == '"') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || type == Character.CONTROL || type == Character.FORMAT
          || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Returns the labels from left to right, such as {@code [mail, example, com]}.
   *
   * @return the labels, at least one
   */
  public List<String> labels() {
    List<String> labels = new ArrayList<>(4);
    int start = 0;
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', start)) {
      labels.add(name.substring(start, dot));
      start = dot + 1;
    }
    labels.add(name.substring(start));
    return List.copyOf(labels);
  }

  /**
   * Returns the number of labels, such as 3 for {@code mail.example.com}.
   *
   * @return at least 1
   */
  public int labelCount() {
    int count = 1;
    for (int i = 0, n = name.length(); i < n; i++) {
      if (name.charAt(i) == '.') {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns whether this name is the other one or lies below it (RFC 1034 §3.1): {@code
   * mail.example.com} is a subdomain of {@code example.com} and of itself, {@code badexample.com} is
   * not.
   *
   * @param other another name
   * @return {@code true} if this name equals {@code other} or ends with {@code "." + other}
   */
  public boolean isSubdomainOf(DomainName other) {
    String o = other.name;
    return name.equals(o)
        || (name.length() > o.length() && name.endsWith(o) && name.charAt(name.length() - o.length() - 1) == '.');
  }

  /**
   * Returns whether the other object is a domain name with the same A-label text.
   *
   * @param o another object
   * @return {@code true} for an equal name
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o == this || (o instanceof DomainName other && other.name.equals(name));
  }

  /**
   * Returns the hash code of the A-label text.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /**
   * Compares the A-label texts.
   *
   * @param other another name
   * @return negative, zero or positive as this name's text sorts before, with or after the other's
   */
  @Override
  public int compareTo(DomainName other) {
    return name.compareTo(other.name);
  }

  /**
   * Returns the name as lower-case A-labels without the root dot.
   *
   * @return for example {@code xn--bcher-kva.example}
   */
  @Override
  public String toString() {
    return name;
  }
}
