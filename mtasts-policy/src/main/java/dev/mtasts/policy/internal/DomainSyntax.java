package dev.mtasts.policy.internal;

import dev.mtasts.policy.PolicyErrorCode;

/**
 * Syntax of an {@code mx} value: {@code ["*."] Domain} with RFC 5321 §4.1.2 {@code Domain}
 * (LDH labels, no empty label, no hyphen at either end of a label, no trailing dot) plus the DNS
 * length limits (63 octets a label, 253 a name) and no IPv4 literal.
 *
 * <p>Allocation-free; reports the first problem as a packed {@code long} so the parser can build a
 * positioned error only when there is one.
 */
public final class DomainSyntax {
  /** No problem. */
  public static final long VALID = -1L;

  /**
   * No problem, but the text has upper-case letters; returned only by {@link #checkCase}, so a
   * caller learns in the same pass whether lower-casing is needed.
   */
  public static final long VALID_MIXED_CASE = -2L;

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
  /** An asterisk anywhere but as a leading {@code *.}. */
  public static final int MISPLACED_WILDCARD = 10;
  /** Four all-digit labels: an IPv4 address, not a host name. */
  public static final int IPV4 = 11;

  /** Longest host name in presentation form without the root dot (RFC 1035 §2.3.4). */
  public static final int MAX_NAME = 253;
  /** Longest label (RFC 1035 §2.3.4). */
  public static final int MAX_LABEL = 63;

  private DomainSyntax() {}

  /**
   * Checks {@code s[from, to)} as an {@code mx} pattern.
   *
   * @param s the text
   * @param from first index
   * @param to index after the last character
   * @return {@link #VALID}, or {@code (reason << 32) | index} of the first problem
   */
  public static long check(CharSequence s, int from, int to) {
    long result = checkCase(s, from, to);
    return result == VALID_MIXED_CASE ? VALID : result;
  }

  /**
   * Checks {@code s[from, to)} like {@link #check} and, for valid text, also tells whether it holds
   * an upper-case letter, in the same single pass.
   *
   * @param s the text
   * @param from first index
   * @param to index after the last character
   * @return {@link #VALID} for valid lower-case text, {@link #VALID_MIXED_CASE} for valid text
   *     with an upper-case letter, or {@code (reason << 32) | index} of the first problem
   */
  public static long checkCase(CharSequence s, int from, int to) {
    if (from >= to) {
      return problem(EMPTY, from);
    }
    if (to - from > MAX_NAME) {
      // Report the first non-ASCII or bad character first when there is one: it is the likelier
      // mistake, and a U-label's A-label length differs anyway.
      long early = scanLabels(s, from, to);
      return early >= 0 && reason(early) != LABEL_TOO_LONG ? early : problem(NAME_TOO_LONG, from + MAX_NAME);
    }
    return scanLabels(s, from, to);
  }

  private static long scanLabels(CharSequence s, int from, int to) {
    int i = from;
    if (s.charAt(i) == '*') {
      // RFC 8461 §3.2: the wildcard is only ever a whole leftmost label, written "*.".
      if (i + 1 >= to || s.charAt(i + 1) != '.') {
        return problem(MISPLACED_WILDCARD, i);
      }
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
          return problem(NON_ASCII, i);
        }
        if (c == '*') {
          return problem(MISPLACED_WILDCARD, i);
        }
        if (c == '-') {
          if (i == labelStart) {
            return problem(HYPHEN_START, i);
          }
          allDigits = false;
        } else if (c >= '0' && c <= '9') {
          // digits are fine anywhere in an LDH label
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          allDigits = false;
          upper |= c <= 'Z';
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
      if (s.charAt(i - 1) == '-') {
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
    if (labels == 4 && digitLabels == 4 && s.charAt(from) != '*') {
      return problem(IPV4, from);
    }
    return upper ? VALID_MIXED_CASE : VALID;
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
   * Returns the parser error code of a packed problem.
   *
   * @param problem a value returned by {@link #check}, not {@link #VALID}
   * @return the code
   */
  public static PolicyErrorCode code(long problem) {
    switch (reason(problem)) {
      case MISPLACED_WILDCARD:
        return PolicyErrorCode.MX_WILDCARD;
      case TRAILING_DOT:
        return PolicyErrorCode.MX_TRAILING_DOT;
      case NON_ASCII:
        return PolicyErrorCode.MX_U_LABEL;
      case IPV4:
        return PolicyErrorCode.MX_IP_ADDRESS;
      default:
        return PolicyErrorCode.INVALID_MX;
    }
  }

  /**
   * Describes a packed problem for a person.
   *
   * @param value the whole checked value
   * @param problem a value returned by {@link #check}, not {@link #VALID}
   * @return a message naming the value and the rule it breaks
   */
  public static String describe(String value, long problem) {
    String q = "mx \"" + value + "\"";
    switch (reason(problem)) {
      case EMPTY:
        return "mx is empty; expected a host name such as mail.example.com or *.example.com";
      case BAD_CHAR:
        return q + " contains '" + value.charAt(Math.min(index(problem), value.length() - 1))
            + "'; host names use only letters, digits, hyphens and dots (RFC 5321 Domain)";
      case NON_ASCII:
        return q + " contains non-ASCII characters; write internationalized names as A-labels"
            + " (xn--...), RFC 8461 §3.2";
      case EMPTY_LABEL:
        return q + " has an empty label (a leading dot or two dots in a row)";
      case TRAILING_DOT:
        return q + " ends with a dot; remove it (patterns never carry the root dot)";
      case HYPHEN_START:
        return q + " has a label that starts with a hyphen";
      case HYPHEN_END:
        return q + " has a label that ends with a hyphen";
      case LABEL_TOO_LONG:
        return q + " has a label longer than 63 characters";
      case NAME_TOO_LONG:
        return q + " is longer than 253 characters";
      case MISPLACED_WILDCARD:
        return q + " has a misplaced '*'; a wildcard is allowed only as a leading \"*.\" covering"
            + " one whole label, as in *.example.com";
      case IPV4:
        return q + " is an IP address; mx patterns name hosts (use the MX host name)";
      default:
        return q + " is not a valid host name";
    }
  }
}
