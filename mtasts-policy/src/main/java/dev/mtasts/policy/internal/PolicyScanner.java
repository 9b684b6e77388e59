package dev.mtasts.policy.internal;

import dev.mtasts.policy.Extension;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.Mode;
import dev.mtasts.policy.MtaStsPolicy;
import dev.mtasts.policy.MxPattern;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.PolicyErrorCode;
import dev.mtasts.policy.PolicyParseException;
import dev.mtasts.policy.Warning;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Single-pass scanner for the policy file grammar of RFC 8461 §3.2 (a later {@code version},
 * {@code mode} or {@code max_age} is ignored, as §3.2 says: "all entries except for the first SHALL
 * be ignored"). One instance parses one text; not thread-safe, never shared.
 *
 * <p>No regular expressions and no splitting: each line is read once, left to right, and values
 * are checked in place; only {@code mx} and extension values become substrings.
 */
public final class PolicyScanner {
  private static final int VERSION = 0;
  private static final int MODE = 1;
  private static final int MAX_AGE = 2;
  private static final int MX = 3;
  private static final int EXTENSION = 4;
  private static final String[] KEYS = {"version", "mode", "max_age", "mx"};
  private static final MxPattern[] NO_MX = new MxPattern[0];
  private static final Mode[] MODES = Mode.values(); // values() clones on every call

  private final String s;
  private final int n;
  private final boolean lenient;
  private final Function<String, MxPattern> trustedMx;

  private int line = 1;
  private int lineStart;
  private @Nullable List<Warning> warnings;

  // version, mode, max_age: line of the first occurrence (fields, not an array: one object less)
  private int versionLine;
  private int modeLine;
  private int maxAgeLine;
  private int @Nullable [] caseVariantLine; // strict: a key like "Mode" seen on this line; rare
  private @Nullable Mode mode;
  private long maxAge = -1;
  private MxPattern[] mx = NO_MX;
  private int mxCount;
  private @Nullable List<Extension> extensions;
  private @Nullable Set<String> extensionNames;

  private PolicyScanner(String s, boolean lenient, Function<String, MxPattern> trustedMx) {
    this.s = s;
    this.n = s.length();
    this.lenient = lenient;
    this.trustedMx = trustedMx;
  }

  /**
   * Parses a policy file.
   *
   * @param text the text
   * @param lenient whether to tolerate the common deviations, with warnings
   * @param trustedMx makes a pattern from a value this scanner has validated and lower-cased,
   *     without checking it again
   * @return the policy and the warnings
   * @throws PolicyParseException if the text is not a valid policy
   */
  public static ParseResult<MtaStsPolicy> scan(CharSequence text, boolean lenient, Function<String, MxPattern> trustedMx) {
    PolicyScanner scanner = new PolicyScanner(text.toString(), lenient, trustedMx);
    MtaStsPolicy policy = scanner.run();
    List<Warning> w = scanner.warnings;
    return new ParseResult<>(policy, w == null ? List.of() : w);
  }

  /**
   * Parses a policy file and returns the policy only, for callers that drop the warnings.
   *
   * @param text the text
   * @param lenient whether to tolerate the common deviations
   * @param trustedMx as for {@link #scan}
   * @return the policy
   * @throws PolicyParseException if the text is not a valid policy
   */
  public static MtaStsPolicy scanPolicy(CharSequence text, boolean lenient, Function<String, MxPattern> trustedMx) {
    return new PolicyScanner(text.toString(), lenient, trustedMx).run();
  }

  private MtaStsPolicy run() {
    if (n == 0) {
      throw new PolicyParseException(PolicyErrorCode.EMPTY_POLICY, 1, 1,
          "the policy is empty; expected version, mode, mx and max_age lines");
    }
    int pos = 0;
    if (s.charAt(0) == '\uFEFF') {
      problem(PolicyErrorCode.BYTE_ORDER_MARK, 0,
          "the policy starts with a byte order mark (U+FEFF); save it as UTF-8 without a BOM");
      pos = 1;
      lineStart = 1;
    }
    int lastLine = 1;
    while (pos < n) {
      lastLine = line;
      pos = scanLine(pos);
    }
    return finish(lastLine);
  }

  // ---------------------------------------------------------------- lines

  /** Reads the line starting at {@code pos} and returns the index after its terminator. */
  private int scanLine(int pos) {
    lineStart = pos;
    int k = pos;
    while (k < n && isWsp(s.charAt(k))) {
      k++;
    }
    if (k == n || s.charAt(k) == '\n' || s.charAt(k) == '\r') {
      // RFC 8461 §3.2 ABNF: every line is a field; two terminators in a row never parse.
      problem(PolicyErrorCode.BLANK_LINE, pos,
          "empty line; remove blank lines (a policy has one field per line and no blank line, even at the end)");
      return skipTerminator(k);
    }
    if (k > pos) {
      problem(PolicyErrorCode.LEADING_WHITESPACE, pos,
          "the line starts with whitespace; remove it (no folded or indented lines)");
    }
    int keyStart = k;
    while (k < n && isKeyChar(s.charAt(k))) {
      k++;
    }
    int keyEnd = k;
    char c = k < n ? s.charAt(k) : '\n';
    if (c != ':') {
      if (isWsp(c)) {
        int j = k;
        while (j < n && isWsp(s.charAt(j))) {
          j++;
        }
        if (j < n && s.charAt(j) == ':' && keyEnd > keyStart) {
          problem(PolicyErrorCode.WHITESPACE_BEFORE_COLON, k,
              "whitespace between \"" + s.substring(keyStart, keyEnd) + "\" and ':'; write \""
                  + s.substring(keyStart, keyEnd) + ": value\"");
          k = j;
        } else {
          throw error(PolicyErrorCode.MISSING_COLON, k, missingColon(keyStart, keyEnd));
        }
      } else if (c == '\n' || c == '\r') {
        throw error(PolicyErrorCode.MISSING_COLON, k, missingColon(keyStart, keyEnd));
      } else if (c < 0x20 || c == 0x7f) {
        throw error(PolicyErrorCode.INVALID_CHARACTER, k, "control character " + hex(c) + " in the key");
      } else {
        throw error(PolicyErrorCode.INVALID_KEY, k, "unexpected character '" + printable(k)
            + "' in the key; keys are letters, digits, '_', '-' and '.', followed by ':'");
      }
    }
    int keyLen = keyEnd - keyStart;
    if (keyLen == 0) {
      throw error(PolicyErrorCode.INVALID_KEY, keyStart, "the line has no key before ':'");
    }
    if (!isAlnum(s.charAt(keyStart))) {
      throw error(PolicyErrorCode.INVALID_KEY, keyStart, "key \"" + s.substring(keyStart, keyEnd)
          + "\" must start with a letter or digit (RFC 8461 §3.2)");
    }
    if (keyLen > Extension.MAX_NAME_LENGTH) {
      throw error(PolicyErrorCode.KEY_TOO_LONG, keyStart, "key \"" + s.substring(keyStart, keyEnd)
          + "\" has " + keyLen + " characters; keys have at most " + Extension.MAX_NAME_LENGTH);
    }
    // after the colon: *WSP, then the value up to the terminator, trailing WSP dropped
    int v = k + 1;
    while (v < n && isWsp(s.charAt(v))) {
      v++;
    }
    if (keyLen == 2 && s.charAt(keyStart) == 'm' && s.charAt(keyStart + 1) == 'x') {
      int after = wellFormedMx(v);
      if (after >= 0) {
        line++;
        return after;
      }
    }
    int valueStart = v;
    int valueEnd = v;
    int pendingTab = -1;
    int interiorTab = -1;
    int next;
    int i = v;
    while (true) {
      if (i >= n) {
        next = n;
        break;
      }
      char ch = s.charAt(i);
      if (ch == '\n') {
        next = i + 1;
        break;
      }
      if (ch == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          next = i + 2;
          break;
        }
        problem(PolicyErrorCode.BARE_CR, i,
            "carriage return without line feed; end lines with CRLF or LF (RFC 8461 §3.2)");
        next = i + 1;
        break;
      }
      if (ch == ' ') {
        i++;
        continue;
      }
      if (ch == '\t') {
        if (pendingTab < 0) {
          pendingTab = i;
        }
        i++;
        continue;
      }
      if (ch < 0x20 || ch == 0x7f) {
        throw error(PolicyErrorCode.INVALID_CHARACTER, i, "control character " + hex(ch) + " in the value");
      }
      if (Character.isSurrogate(ch)) {
        if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw error(PolicyErrorCode.INVALID_CHARACTER, i, "unpaired UTF-16 surrogate in the value");
        }
      }
      if (pendingTab >= 0) {
        if (interiorTab < 0) {
          interiorTab = pendingTab;
        }
        pendingTab = -1;
      }
      i++;
      valueEnd = i;
    }
    field(keyStart, keyEnd, valueStart, valueEnd, interiorTab);
    line++;
    return next;
  }

  private int skipTerminator(int k) {
    if (k < n && s.charAt(k) == '\r') {
      if (k + 1 < n && s.charAt(k + 1) == '\n') {
        k++;
      } else {
        problem(PolicyErrorCode.BARE_CR, k,
            "carriage return without line feed; end lines with CRLF or LF (RFC 8461 §3.2)");
      }
    }
    line++;
    return Math.min(k + 1, n);
  }

  // ---------------------------------------------------------------- fields

  private void field(int keyStart, int keyEnd, int valueStart, int valueEnd, int interiorTab) {
    int f = identify(keyStart, keyEnd);
    if (f == EXTENSION) {
      extension(keyStart, keyEnd, valueStart, valueEnd, interiorTab);
      return;
    }
    if (f != MX && firstLine(f) != 0) {
      // RFC 8461 §3.2: "all entries except for the first SHALL be ignored"; the later line must
      // still be well-formed (as an extension, which is what the ABNF makes of it).
      checkExtensionValue(keyStart, keyEnd, valueStart, valueEnd, interiorTab);
      problem(PolicyErrorCode.DUPLICATE_FIELD, keyStart, KEYS[f] + " appears again; the first "
          + KEYS[f] + " on line " + firstLine(f) + " wins and this line is ignored (RFC 8461 §3.2)");
      return;
    }
    if (valueEnd == valueStart) {
      throw error(PolicyErrorCode.EMPTY_VALUE, valueStart, KEYS[f] + " has no value; " + expected(f));
    }
    switch (f) {
      case VERSION:
        version(valueStart, valueEnd);
        break;
      case MODE:
        mode(valueStart, valueEnd);
        break;
      case MAX_AGE:
        maxAge(valueStart, valueEnd);
        break;
      default:
        mx(valueStart, valueEnd);
        return;
    }
    if (f == VERSION) {
      versionLine = line;
    } else if (f == MODE) {
      modeLine = line;
    } else {
      maxAgeLine = line;
    }
  }

  private int firstLine(int f) {
    return f == VERSION ? versionLine : f == MODE ? modeLine : maxAgeLine;
  }

  private int identify(int keyStart, int keyEnd) {
    int len = keyEnd - keyStart;
    // The four keys differ in length, except version and max_age, which differ in the first
    // character: one switch picks the only candidate, compared once.
    int candidate;
    switch (len) {
      case 2:
        candidate = MX;
        break;
      case 4:
        candidate = MODE;
        break;
      case 7:
        candidate = s.charAt(keyStart) == 'm' ? MAX_AGE : VERSION;
        break;
      default:
        return EXTENSION;
    }
    if (s.regionMatches(false, keyStart, KEYS[candidate], 0, len)) {
      return candidate;
    }
    for (int f = 0; f < KEYS.length; f++) {
      if (KEYS[f].length() == len && asciiEqualsIgnoreCase(keyStart, KEYS[f])) {
        if (lenient) {
          problem(PolicyErrorCode.KEY_CASE, keyStart, "key \"" + s.substring(keyStart, keyEnd)
              + "\" read as \"" + KEYS[f] + "\"; keys are case-sensitive (RFC 8461 §3.2)");
          return f;
        }
        int[] variants = caseVariantLine;
        if (variants == null) {
          variants = new int[KEYS.length];
          caseVariantLine = variants;
        }
        if (variants[f] == 0) {
          variants[f] = line;
        }
        break;
      }
    }
    return EXTENSION;
  }

  private void version(int from, int to) {
    if (to - from != 5 || !s.regionMatches(false, from, MtaStsPolicy.VERSION, 0, 5)) {
      throw error(PolicyErrorCode.INVALID_VERSION, from, "version \"" + s.substring(from, to)
          + "\" is not supported; the only version is STSv1 (case-sensitive)");
    }
  }

  private void mode(int from, int to) {
    Mode exact = null;
    Mode folded = null;
    int len = to - from;
    for (Mode m : MODES) {
      String t = m.wireName();
      if (t.length() == len) {
        if (s.regionMatches(false, from, t, 0, len)) {
          exact = m;
          break;
        }
        if (asciiEqualsIgnoreCase(from, t)) {
          folded = m;
        }
      }
    }
    if (exact != null) {
      mode = exact;
      return;
    }
    if (folded != null && lenient) {
      problem(PolicyErrorCode.INVALID_MODE, from, "mode \"" + s.substring(from, to) + "\" read as \""
          + folded.wireName() + "\"; mode values are case-sensitive (RFC 8461 §3.2)");
      mode = folded;
      return;
    }
    String value = s.substring(from, to);
    String hint = folded != null ? folded.wireName() : nearestMode(value);
    throw error(PolicyErrorCode.INVALID_MODE, from, "mode \"" + value
        + "\" is not one of testing, enforce, none" + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
  }

  private static @Nullable String nearestMode(String value) {
    for (Mode m : MODES) {
      String t = m.wireName();
      if ((value.length() > t.length() && value.startsWith(t))
          || (value.length() < t.length() && value.length() >= 3 && t.startsWith(value))) {
        return t;
      }
    }
    return null;
  }

  private void maxAge(int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw error(PolicyErrorCode.INVALID_MAX_AGE, i, "max_age \"" + s.substring(from, to)
            + "\" is not a whole number of seconds; use digits only, such as max_age: 604800");
      }
      if (i - from < 18) {
        value = value * 10 + (c - '0');
      }
    }
    // RFC 8461 §3.2: sts-policy-max-age-value = 1*10(DIGIT), at most 31557600 by the prose.
    if (to - from > 10) {
      throw error(PolicyErrorCode.MAX_AGE_TOO_LONG, from, "max_age \"" + s.substring(from, to)
          + "\" has " + (to - from) + " digits; the RFC 8461 grammar allows at most 10");
    }
    if (value > MtaStsPolicy.MAX_MAX_AGE) {
      String msg = "max_age " + value + " is above the RFC 8461 maximum of " + MtaStsPolicy.MAX_MAX_AGE;
      if (!lenient) {
        throw error(PolicyErrorCode.MAX_AGE_OUT_OF_RANGE, from, msg);
      }
      problem(PolicyErrorCode.MAX_AGE_OUT_OF_RANGE, from, msg + "; clamped to the maximum");
      value = MtaStsPolicy.MAX_MAX_AGE;
    }
    maxAge = value;
  }

  /**
   * Reads a well-formed {@code mx} value in the same pass that finds the end of its line: an
   * optional {@code *.}, then LDH labels of 1 to 63 characters (RFC 5321 §4.1.2) up to 253 in
   * all, not an IPv4 address, directly followed by the line end. Such a value means the same to
   * the strict and the lenient parser, so it is lower-cased and handed to the trusted pattern
   * constructor without a second check. Anything else (trailing whitespace included) returns -1
   * having changed nothing, and the line is read again by the general path, which reports
   * exactly what is wrong.
   *
   * @return the index after the line terminator, or -1
   */
  private int wellFormedMx(int from) {
    int i = from;
    boolean wildcard = i + 1 < n && s.charAt(i) == '*' && s.charAt(i + 1) == '.';
    if (wildcard) {
      i += 2;
    }
    int labelStart = i;
    int labels = 0;
    int digitLabels = 0;
    boolean allDigits = true;
    boolean upper = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        allDigits = false;
      } else if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > DomainNameSyntax.MAX_LABEL || s.charAt(i - 1) == '-') {
          return -1;
        }
        labels++;
        if (allDigits) {
          digitLabels++;
        }
        allDigits = true;
        labelStart = i + 1;
      } else if (c >= '0' && c <= '9') {
        // digits are fine anywhere in a label
      } else if (c == '-') {
        if (i == labelStart) {
          return -1;
        }
        allDigits = false;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
        allDigits = false;
      } else {
        break;
      }
    }
    int end = i;
    int len = end - labelStart;
    // an empty last label is an empty value, a bare "*." or a trailing dot: the general path says which
    if (len == 0 || len > DomainNameSyntax.MAX_LABEL || s.charAt(end - 1) == '-' || end - from > DomainNameSyntax.MAX_NAME) {
      return -1;
    }
    if (allDigits) {
      digitLabels++;
    }
    if (labels + 1 == 4 && digitLabels == 4 && !wildcard) {
      return -1; // an IPv4 address
    }
    int next;
    if (end == n) {
      next = n;
    } else if (s.charAt(end) == '\n') {
      next = end + 1;
    } else if (s.charAt(end) == '\r' && end + 1 < n && s.charAt(end + 1) == '\n') {
      next = end + 2;
    } else {
      return -1;
    }
    String value = s.substring(from, end);
    addMx(trustedMx.apply(upper ? value.toLowerCase(Locale.ROOT) : value));
    return next;
  }

  private void addMx(MxPattern pattern) {
    if (mxCount == mx.length) {
      mx = Arrays.copyOf(mx, Math.max(4, mxCount * 2));
    }
    mx[mxCount++] = pattern;
  }

  private void mx(int from, int to) {
    String value = s.substring(from, to);
    if (lenient) {
      value = lenientMx(value, from);
    }
    MxPattern pattern;
    try {
      // The record validates; the positioned error is worked out only when it refuses.
      pattern = new MxPattern(value);
    } catch (IllegalArgumentException e) {
      long problem = DomainNameSyntax.check(value, 0, value.length());
      int at = lenient ? from : from + DomainNameSyntax.index(problem);
      throw error(DomainNameSyntax.code(problem), Math.min(at, to), DomainNameSyntax.describe(value, problem));
    }
    addMx(pattern);
  }

  private String lenientMx(String value, int from) {
    String v = value;
    if (v.length() > 1 && v.charAt(v.length() - 1) == '.') {
      problem(PolicyErrorCode.MX_TRAILING_DOT, from + v.length() - 1,
          "mx \"" + value + "\" ends with a dot; read without it");
      v = v.substring(0, v.length() - 1);
    }
    if (!DomainNameSyntax.isAscii(v)) {
      int deviation = DomainNameSyntax.idnaDeviation(v);
      if (deviation >= 0) {
        // java.net.IDN is IDNA2003: it would silently read another name ("straße" as "strasse"),
        // and a policy naming the wrong MX host is worse than a refused one (RFC 8461 §3.2).
        throw error(PolicyErrorCode.MX_U_LABEL, from + deviation, "mx \"" + value + "\" contains "
            + DomainNameSyntax.describeDeviation(v.charAt(deviation)) + ", which IDNA2003 (the only conversion"
            + " available here) maps to a different name than IDNA2008 does; write the mx as its"
            + " IDNA2008 A-label (xn--...)");
      }
      String ascii = DomainNameSyntax.toAsciiHost(v);
      if (ascii == null || !DomainNameSyntax.isAscii(ascii)) {
        throw error(PolicyErrorCode.MX_U_LABEL, from, "mx \"" + value
            + "\" is not a valid internationalized host name; write it as A-labels (xn--...)");
      }
      problem(PolicyErrorCode.MX_U_LABEL, from, "mx \"" + value + "\" read as its A-label form \""
          + ascii + "\"; RFC 8461 §3.2 requires A-labels");
      v = ascii;
    }
    return v;
  }

  private void extension(int keyStart, int keyEnd, int valueStart, int valueEnd, int interiorTab) {
    checkExtensionValue(keyStart, keyEnd, valueStart, valueEnd, interiorTab);
    String name = s.substring(keyStart, keyEnd);
    if (extensions == null) {
      extensions = new ArrayList<>(2);
    }
    if (isRepeatedExtension(name)) {
      problem(PolicyErrorCode.DUPLICATE_FIELD, keyStart, "extension " + name
          + " appears again; the first occurrence wins and this line is ignored (RFC 8461 §3.2)");
      return;
    }
    extensions.add(new Extension(name, s.substring(valueStart, valueEnd)));
  }

  private boolean isRepeatedExtension(String name) {
    List<Extension> ext = extensions;
    if (extensionNames != null) {
      return !extensionNames.add(name);
    }
    if (ext == null || ext.size() < 8) {
      for (Extension e : ext == null ? List.<Extension>of() : ext) {
        if (e.name().equals(name)) {
          return true;
        }
      }
      return false;
    }
    // many extensions (a hostile file): switch to a set so the scan stays linear
    Set<String> names = new HashSet<>();
    for (Extension e : ext) {
      names.add(e.name());
    }
    extensionNames = names;
    return !names.add(name);
  }

  private void checkExtensionValue(int keyStart, int keyEnd, int valueStart, int valueEnd, int interiorTab) {
    if (valueEnd == valueStart) {
      throw error(PolicyErrorCode.EMPTY_VALUE, valueStart, s.substring(keyStart, keyEnd)
          + " has no value; every field needs one, remove the line or give it a value");
    }
    if (interiorTab >= 0) {
      throw error(PolicyErrorCode.INVALID_VALUE, interiorTab, "tab inside the value of "
          + s.substring(keyStart, keyEnd) + "; only spaces may separate words in a value (RFC 8461 §3.2)");
    }
  }

  // ---------------------------------------------------------------- end

  private MtaStsPolicy finish(int lastLine) {
    if (versionLine == 0) {
      throw missing(PolicyErrorCode.MISSING_VERSION, VERSION, lastLine, "version: STSv1");
    }
    Mode m = mode; // set exactly when the first mode line was read
    if (m == null) {
      throw missing(PolicyErrorCode.MISSING_MODE, MODE, lastLine, "mode: testing");
    }
    if (maxAgeLine == 0) {
      throw missing(PolicyErrorCode.MISSING_MAX_AGE, MAX_AGE, lastLine, "max_age: 604800");
    }
    if (m.requiresMx() && mxCount == 0) {
      throw missing(PolicyErrorCode.MISSING_MX, MX, lastLine, "mx: mail.example.com");
    }
    List<MxPattern> patterns = MxPatternList.adopt(mx, mxCount); // no copy: the array is not used again
    List<Extension> ext = extensions == null ? List.of() : extensions;
    return new MtaStsPolicy(MtaStsPolicy.VERSION, m, maxAge, patterns, ext);
  }

  private PolicyParseException missing(PolicyErrorCode code, int f, int lastLine, String example) {
    String what = f == MX
        ? "mode " + (mode == null ? "" : mode.wireName()) + " needs at least one mx line"
        : "the policy has no " + KEYS[f] + " field";
    int variant = caseVariantLine == null ? 0 : caseVariantLine[f];
    String hint = variant != 0
        ? " (line " + variant + " has a key that differs only in letter case; keys are case-sensitive)"
        : "";
    return new PolicyParseException(code, lastLine, 1, what + "; add a line such as \"" + example + "\"" + hint);
  }

  // ---------------------------------------------------------------- helpers

  private void problem(PolicyErrorCode code, int index, String message) {
    if (!lenient && code != PolicyErrorCode.DUPLICATE_FIELD) {
      throw error(code, index, message);
    }
    if (warnings == null) {
      warnings = new ArrayList<>(2);
    }
    warnings.add(new Warning(code, new Location.LineColumn(line, column(index)), message));
  }

  private PolicyParseException error(PolicyErrorCode code, int index, String message) {
    return new PolicyParseException(code, line, column(index), message);
  }

  private int column(int index) {
    int to = Math.max(lineStart, Math.min(index, n));
    return s.codePointCount(lineStart, to) + 1;
  }

  private String missingColon(int keyStart, int keyEnd) {
    return keyEnd > keyStart
        ? "\"" + s.substring(keyStart, keyEnd) + "\" is not followed by ':'; write fields as \"key: value\""
        : "the line is not a \"key: value\" field";
  }

  private String expected(int f) {
    switch (f) {
      case VERSION:
        return "write \"version: STSv1\"";
      case MODE:
        return "write one of testing, enforce, none";
      case MAX_AGE:
        return "write the cache lifetime in seconds, such as \"max_age: 604800\"";
      default:
        return "write a host name such as \"mx: mail.example.com\"";
    }
  }

  private String printable(int index) {
    return new String(Character.toChars(s.codePointAt(index)));
  }

  private static String hex(char c) {
    String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
    return "U+" + "0000".substring(h.length()) + h;
  }

  private boolean asciiEqualsIgnoreCase(int from, String lower) {
    for (int i = 0; i < lower.length(); i++) {
      char c = s.charAt(from + i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c | 0x20);
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isKeyChar(char c) {
    return isAlnum(c) || c == '_' || c == '-' || c == '.';
  }
}
