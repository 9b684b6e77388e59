package dev.mtasts.policy.internal;

import dev.mtasts.policy.PolicyErrorCode;
import java.net.IDN;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one set of domain-name rules of the SDK, behind {@link dev.mtasts.policy.DomainName} and
 * {@link dev.mtasts.policy.MxPattern}: RFC 5321 §4.1.2 {@code Domain} (LDH labels, no empty
 * label, no hyphen at either end of a label, no trailing dot) plus the DNS length limits (63
 * octets a label, 253 a name, RFC 1035 §2.3.4) and no IPv4 literal; optionally a leading {@code
 * *.} (an {@code mx} pattern, RFC 8461 §3.2) or the lenient rules of names seen in TLS-RPT
 * reports ({@code _} and hyphens at label ends allowed, IPv4-looking names kept). Also the one
 * conversion of U-labels to A-labels, with the IDNA2003 deviation characters refused.
 *
 * <p>The scan is allocation-free and reports the first problem as a packed {@code long}, so that
 * callers build a positioned error only when there is one.
 *
 * <p>{@link IDN} implements IDNA2003 (RFC 3490), which maps the four IDNA2008 "deviation"
 * characters to other text: ß (U+00DF) and ẞ (U+1E9E) to {@code ss}, ς (U+03C2) to σ, and drops
 * ZERO WIDTH (NON-)JOINER (U+200C, U+200D). Under IDNA2008 (RFC 5891, the A-labels the DNS holds
 * today) those are distinct names: {@code straße.de} is {@code xn--strae-oqa.de}, not {@code
 * strasse.de}. The JDK has no IDNA2008 and the project takes no ICU dependency, so a name holding
 * one of them is refused rather than converted to the wrong name ({@link #idnaDeviation}).
 */
public final class DomainNameSyntax {
  /** No problem. */
  public static final long VALID = -1L;

  /**
   * No problem, but the text has upper-case letters; returned only by {@link #checkCase}, so a
   * caller learns in the same pass whether lower-casing is needed.
   */
  public static final long VALID_MIXED_CASE = -2L;

  /** Allows a leading {@code *.} (an {@code mx} pattern, RFC 8461 §3.2). */
  public static final int WILDCARD = 1;
  /**
   * The lenient rules for names from TLS-RPT reports of sloppy senders: {@code _} in a label,
   * hyphens at label ends, and four all-digit labels are accepted.
   */
  public static final int LENIENT = 2;
  /**
   * Reads non-ASCII characters as letters: the structure of a name with U-labels is checked before
   * it is converted (the A-label form is as long or longer, so the length limits still hold).
   */
  public static final int NON_ASCII_LETTERS = 4;

  /** The value is empty. */
  public static final int EMPTY = 1;
  /** A character outside letters, digits, hyphen and dot. */
  public static final int BAD_CHAR = 2;
  /** A non-ASCII character (a U-label). */
  public static final int NON_ASCII = 3;
  /** An empty label (leading dot or two dots in a row). */
  public static final int EMPTY_LABEL = 4;
  /** A dot at the end. */
  public static final int TRAILING_DOT = 5;
  /** A label that starts with a hyphen. */
  public static final int HYPHEN_START = 6;
  /** A label that ends with a hyphen. */
  public static final int HYPHEN_END = 7;
  /** A label longer than 63 characters. */
  public static final int LABEL_TOO_LONG = 8;
  /** A name longer than 253 characters. */
  public static final int NAME_TOO_LONG = 9;
  /** An asterisk anywhere but as a leading {@code *.} of a pattern. */
  public static final int MISPLACED_WILDCARD = 10;
  /** Four all-digit labels: an IPv4 address, not a host name. */
  public static final int IPV4 = 11;

  /** Longest host name in presentation form without the root dot (RFC 1035 §2.3.4). */
  public static final int MAX_NAME = 253;
  /** Longest label (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL = 63;

  private DomainNameSyntax() {}

  /**
   * Checks {@code s[from, to)} as an {@code mx} pattern.
   *
   * @param s the text
   * @param from first index
   * @param to index after the last character
   * @return {@link #VALID}, or {@code (reason << 32) | index} of the first problem
   */
  public static long check(CharSequence s, int from, int to) {
    long result = checkCase(s, from, to, WILDCARD);
    return result == VALID_MIXED_CASE ? VALID : result;
  }

  /**
   * Checks {@code s[from, to)} as an {@code mx} pattern like {@link #check} and, for valid text,
   * also tells whether it holds an upper-case letter, in the same single pass.
   *
   * @param s the text
   * @param from first index
   * @param to index after the last character
   * @return {@link #VALID} for valid lower-case text, {@link #VALID_MIXED_CASE} for valid text
   *     with an upper-case letter, or {@code (reason << 32) | index} of the first problem
   */
  public static long checkCase(CharSequence s, int from, int to) {
    return checkCase(s, from, to, WILDCARD);
  }

  /**
   * Checks {@code s[from, to)} as a domain name under the given rules and tells whether it holds
   * an upper-case letter, in a single pass.
   *
   * @param s the text
   * @param from first index
   * @param to index after the last character
   * @param flags {@link #WILDCARD}, {@link #LENIENT} and {@link #NON_ASCII_LETTERS}, or 0 for RFC
   *     5321 {@code Domain}
   * @return {@link #VALID} for valid lower-case text, {@link #VALID_MIXED_CASE} for valid text
   *     with an upper-case letter, or {@code (reason << 32) | index} of the first problem
   */
  public static long checkCase(CharSequence s, int from, int to, int flags) {
    if (from >= to) {
      return problem(EMPTY, from);
    }
    if (to - from > MAX_NAME) {
      // Report the first non-ASCII or bad character first when there is one: it is the likelier
      // mistake, and a U-label's A-label length differs anyway.
      long early = scanLabels(s, from, to, flags);
      return early >= 0 && reason(early) != LABEL_TOO_LONG ? early : problem(NAME_TOO_LONG, from + MAX_NAME);
    }
    return scanLabels(s, from, to, flags);
  }

  private static long scanLabels(CharSequence s, int from, int to, int flags) {
    boolean lenient = (flags & LENIENT) != 0;
    int i = from;
    boolean wildcard = false;
    if (s.charAt(i) == '*') {
      // RFC 8461 §3.2: the wildcard is only ever a whole leftmost label, written "*.".
      if ((flags & WILDCARD) == 0 || i + 1 >= to || s.charAt(i + 1) != '.') {
        return problem(MISPLACED_WILDCARD, i);
      }
      wildcard = true;
      i += 2;
      if (i >= to) {
        return problem(EMPTY, i);
      }
    }
    int labels = 0;
    int digitLabels = 0;
    boolean upper = false;
    while (true) {
      int labelStart = i;
      boolean allDigits = true;
      while (i < to) {
        char c = s.charAt(i);
        if (c == '.') {
          break;
        }
        if (c >= 0x80) {
          if ((flags & NON_ASCII_LETTERS) == 0) {
            return problem(NON_ASCII, i);
          }
          allDigits = false;
          i++;
          continue;
        }
        if (c == '*') {
          return problem(MISPLACED_WILDCARD, i);
        }
        if (c == '-') {
          if (i == labelStart && !lenient) {
            return problem(HYPHEN_START, i);
          }
          allDigits = false;
        } else if (c >= '0' && c <= '9') {
          // digits are fine anywhere in an LDH label
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          allDigits = false;
          upper |= c <= 'Z';
        } else if (c == '_' && lenient) {
          allDigits = false;
        } else {
          return problem(BAD_CHAR, i);
        }
        i++;
      }
      int len = i - labelStart;
      if (len == 0) {
        // a label never starts at the end (a final dot is caught below), so this is ".." or a leading "."
        return problem(EMPTY_LABEL, i);
      }
      if (s.charAt(i - 1) == '-' && !lenient) {
        return problem(HYPHEN_END, i - 1);
      }
      if (len > MAX_LABEL) {
        return problem(LABEL_TOO_LONG, labelStart + MAX_LABEL);
      }
      labels++;
      if (allDigits) {
        digitLabels++;
      }
      if (i == to) {
        break;
      }
      i++; // the dot
      if (i == to) {
        return problem(TRAILING_DOT, i - 1);
      }
    }
    if (labels == 4 && digitLabels == 4 && !wildcard && !lenient) {
      return problem(IPV4, from);
    }
    return upper ? VALID_MIXED_CASE : VALID;
  }

  /**
   * Returns whether {@code s[from, to)} is one LDH label: {@code Let-dig [Ldh-str]} of RFC 5321
   * §4.1.2, so letters, digits and inner hyphens only. The caller checks the length.
   *
   * @param s the text
   * @param from first index of the label
   * @param to index after the label, above {@code from}
   * @return {@code true} for an LDH label
   */
  public static boolean isLdhLabel(CharSequence s, int from, int to) {
    if (s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      char lower = (char) (c | 0x20);
      if (!(c >= '0' && c <= '9') && !(lower >= 'a' && lower <= 'z') && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static long problem(int reason, int index) {
    return ((long) reason << 32) | (index & 0xffffffffL);
  }

  /**
   * Returns the reason of a packed problem.
   *
   * @param problem a value returned by {@link #check}, not {@link #VALID}
   * @return one of the reason constants
   */
  public static int reason(long problem) {
    return (int) (problem >>> 32);
  }

  /**
   * Returns the index of a packed problem.
   *
   * @param problem a value returned by {@link #check}, not {@link #VALID}
   * @return the index in the checked text
   */
  public static int index(long problem) {
    return (int) problem;
  }

  /**
   * Returns the policy parser's error code of a packed problem in an {@code mx} value.
   *
   * @param problem a value returned by {@link #check}, not {@link #VALID}
   * @return the code
   */
  public static PolicyErrorCode code(long problem) {
    return switch (reason(problem)) {
      case MISPLACED_WILDCARD -> PolicyErrorCode.MX_WILDCARD;
      case TRAILING_DOT -> PolicyErrorCode.MX_TRAILING_DOT;
      case NON_ASCII -> PolicyErrorCode.MX_U_LABEL;
      case IPV4 -> PolicyErrorCode.MX_IP_ADDRESS;
      default -> PolicyErrorCode.INVALID_MX;
    };
  }

  /**
   * Describes a packed problem of an {@code mx} value for a person.
   *
   * @param value the whole checked value
   * @param problem a value returned by {@link #check}, not {@link #VALID}
   * @return a message naming the value and the rule it breaks
   */
  public static String describe(String value, long problem) {
    return describe("mx", "a host name such as mail.example.com or *.example.com", value, value, problem);
  }

  /**
   * Describes a packed problem for a person.
   *
   * @param what what the value is, such as {@code mx} or {@code domain}
   * @param expected what an empty value should have been, such as {@code "a domain name such as
   *     example.com"}
   * @param shown the whole checked value as the message shows it (made safe to print)
   * @param value the whole checked value
   * @param problem a value returned by {@link #checkCase}, not {@link #VALID}
   * @return a message naming the value and the rule it breaks
   */
  public static String describe(String what, String expected, String shown, String value, long problem) {
    String q = what + " \"" + shown + "\"";
    return switch (reason(problem)) {
      case EMPTY -> what + " is empty; expected " + expected;
      case BAD_CHAR -> q + " contains '" + shownChar(value.charAt(Math.max(0, Math.min(index(problem), value.length() - 1))))
          + "'; host names use only letters, digits, hyphens and dots (RFC 5321 Domain)";
      case NON_ASCII -> q + " contains non-ASCII characters; write internationalized names as A-labels"
          + " (xn--...), RFC 8461 §3.2";
      case EMPTY_LABEL -> q + " has an empty label (a leading dot or two dots in a row)";
      case TRAILING_DOT -> what.equals("mx")
          ? q + " ends with a dot; remove it (patterns never carry the root dot)"
          : q + " ends with a dot; remove it (RFC 5321 Domain has no root dot)";
      case HYPHEN_START -> q + " has a label that starts with a hyphen";
      case HYPHEN_END -> q + " has a label that ends with a hyphen";
      case LABEL_TOO_LONG -> q + " has a label longer than " + MAX_LABEL + " characters";
      case NAME_TOO_LONG -> q + " is longer than " + MAX_NAME + " characters";
      case MISPLACED_WILDCARD -> what.equals("mx")
          ? q + " has a misplaced '*'; a wildcard is allowed only as a leading \"*.\" covering"
              + " one whole label, as in *.example.com"
          : q + " contains '*'; a domain name has no wildcard (only mx patterns start with \"*.\")";
      case IPV4 -> what.equals("mx")
          ? q + " is an IP address; mx patterns name hosts (use the MX host name)"
          : q + " is an IP address, not a domain name";
      default -> q + " is not a valid host name";
    };
  }

  private static String shownChar(char c) {
    return c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
  }

  /**
   * Returns whether the text contains only ASCII characters.
   *
   * @param text the text
   * @return {@code true} when every character is below U+0080
   */
  public static boolean isAscii(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the index of the first character that IDNA2003 and IDNA2008 convert differently (ß,
   * ẞ, ς, ZWNJ, ZWJ), so that {@link IDN} would give another name than the one the DNS holds.
   *
   * @param host a host name
   * @return the index of the first such character, or {@code -1} if there is none
   */
  public static int idnaDeviation(CharSequence host) {
    for (int i = 0, n = host.length(); i < n; i++) {
      if (isIdnaDeviation(host.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns whether a character is one that IDNA2003 maps and IDNA2008 keeps (UTS #46
   * "deviation" characters, plus the capital sharp s whose UTS #46 mapping is ß).
   *
   * @param c a character
   * @return {@code true} for U+00DF, U+1E9E, U+03C2, U+200C and U+200D
   */
  public static boolean isIdnaDeviation(char c) {
    return c == '\u00DF' || c == '\u1E9E' || c == '\u03C2' || c == '\u200C' || c == '\u200D';
  }

  /**
   * Names a deviation character for a message.
   *
   * @param c a character for which {@link #isIdnaDeviation(char)} holds
   * @return for example {@code "ß (U+00DF)"}
   */
  public static String describeDeviation(char c) {
    return switch (c) {
      case '\u200C' -> "ZERO WIDTH NON-JOINER (U+200C)";
      case '\u200D' -> "ZERO WIDTH JOINER (U+200D)";
      default -> c + " (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
    };
  }

  /**
   * Converts a host with non-ASCII characters to lower-case A-label form, as a query would
   * (unassigned code points allowed, RFC 3490 §5): used to match MX hosts.
   *
   * @param host the host as given, possibly with a trailing dot
   * @return the A-label form, or {@code null} when IDNA refuses the name or when it holds a
   *     character IDNA2003 would map to a different name ({@link #idnaDeviation})
   */
  public static @Nullable String toAsciiHost(String host) {
    if (idnaDeviation(host) >= 0) {
      return null;
    }
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      // IDNA rejects the name with IllegalArgumentException (bad label, too long...); a few
      // malformed inputs (unpaired surrogates) have made JDK versions throw other unchecked
      // exceptions. Either way the name is unusable and matches no pattern.
      return null;
    }
  }

  /**
   * Converts a name with U-labels to A-labels as a stored name (RFC 3490 §5: no unassigned code
   * points, the STD3 ASCII rules). The caller has refused the deviation characters ({@link #idnaDeviation}) and checks
   * the result with {@link #checkCase}.
   *
   * @param name the name, without a root dot
   * @return the ASCII form (not yet lower-cased or checked)
   * @throws IllegalArgumentException with IDNA's reason when it refuses the name
   */
  public static String toAsciiName(String name) {
    try {
      return IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // Unpaired surrogates have made some JDK versions throw other unchecked exceptions.
      throw new IllegalArgumentException(e.toString(), e);
    }
  }
}
