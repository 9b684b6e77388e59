package dev.mtasts.dns.internal;

import dev.mtasts.dns.ParseMode;
import dev.mtasts.dns.RecordErrorCode;
import dev.mtasts.dns.RecordParseException;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.Warning;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a TXT record into its version and {@code name=value} fields following the common shape of
 * RFC 8461 §3.1 and RFC 8460 §3: {@code version 1*(delim field) [delim]}, {@code delim = *WSP ";"
 * *WSP}. Field-specific rules are checked by the records.
 */
public final class FieldScanner {
  /** The longest text accepted: a DNS message cannot carry more. */
  public static final int MAX_LENGTH = 65_535;

  /**
   * One {@code name=value} field.
   *
   * @param name the field name
   * @param value the raw value (for list-valued fields, with inner whitespace)
   * @param nameColumn the 1-based column of the name
   * @param valueColumn the 1-based column of the value
   */
  public record Field(String name, String value, int nameColumn, int valueColumn) {}

  private final String text;
  private final ParseMode mode;
  private final List<Warning> warnings;
  private final List<Field> fields = new ArrayList<>(4);

  private FieldScanner(String text, ParseMode mode, List<Warning> warnings) {
    this.text = text;
    this.mode = mode;
    this.warnings = warnings;
  }

  /**
   * Scans a record.
   *
   * @param text the record text
   * @param versionTag the version value, {@code STSv1} or {@code TLSRPTv1}
   * @param listField the name of the field whose value is a WSP-separated list ({@code rua}), or
   *     the empty string
   * @param mode strict or lenient
   * @param warnings receives the warnings
   * @return the fields in text order
   * @throws RecordParseException if the text does not have the common shape
   */
  public static List<Field> scan(CharSequence text, String versionTag, String listField,
      ParseMode mode, List<Warning> warnings) {
    // Warnings go straight to the caller's list: on failure the caller throws it away.
    FieldScanner scanner = new FieldScanner(text.toString(), mode, warnings);
    scanner.run(versionTag, listField);
    return scanner.fields;
  }

  private void run(String versionTag, String listField) {
    int n = text.length();
    if (n == 0) {
      throw new RecordParseException(RecordErrorCode.EMPTY, 1,
          "the record is empty; it must start with \"v=" + versionTag + "\"");
    }
    if (n > MAX_LENGTH) {
      throw new RecordParseException(RecordErrorCode.INPUT_TOO_LARGE, MAX_LENGTH + 1,
          "the record is " + n + " characters long; a DNS TXT record holds at most " + MAX_LENGTH);
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        throw new RecordParseException(RecordErrorCode.INVALID_CHARACTER, i + 1,
            "character " + RecordGrammar.describe(c)
                + " is not allowed; the record must be printable US-ASCII");
      }
    }
    if (!text.startsWith("v=")) {
      throw new RecordParseException(RecordErrorCode.MISSING_VERSION, 1,
          "the record must start with \"v=" + versionTag + "\", found \"" + abbreviate(text) + "\"");
    }
    int pos = 2;
    while (pos < n && text.charAt(pos) != ';' && !RecordGrammar.isWsp(text.charAt(pos))) {
      pos++;
    }
    // Compare in place; the version text is only copied for the message.
    if (pos - 2 != versionTag.length() || !text.startsWith(versionTag, 2)) {
      String version = text.substring(2, pos);
      throw new RecordParseException(RecordErrorCode.WRONG_VERSION, 3,
          "version \"" + version + "\" is not \"" + versionTag + "\" (exact case)");
    }
    boolean first = true;
    while (true) {
      int delimStart = pos;
      pos = skipWsp(pos);
      if (pos == n) {
        if (pos > delimStart) {
          problem(RecordErrorCode.TRAILING_WHITESPACE, delimStart + 1,
              "whitespace after the last field must be followed by ';'; remove it");
        }
        return;
      }
      if (text.charAt(pos) != ';') {
        throw new RecordParseException(RecordErrorCode.MISSING_DELIMITER, pos + 1,
            "expected ';' before \"" + abbreviate(text.substring(pos)) + "\"; fields are separated by ';'");
      }
      if (first && pos > delimStart) {
        // RFC 8461 erratum 6285 / RFC 8460 §3: the ABNF allows it, but the selection rule looks
        // for the exact prefix "v=STSv1;" and discards this record when there are several.
        warnings.add(new Warning(RecordErrorCode.WHITESPACE_BEFORE_DELIMITER, new Location.Column(delimStart + 1),
            "whitespace between \"v=" + versionTag + "\" and ';': senders that look for the prefix \"v="
                + versionTag + ";\" ignore this record (RFC 8461 erratum 6285); remove it"));
      }
      first = false;
      pos = skipWsp(pos + 1);
      if (pos == n) {
        return;
      }
      if (text.charAt(pos) == ';') {
        problem(RecordErrorCode.EMPTY_FIELD, pos + 1, "empty field: ';' follows ';'; remove one");
        continue;
      }
      pos = field(pos, listField);
    }
  }

  private int field(int start, String listField) {
    int n = text.length();
    int pos = start;
    while (pos < n && text.charAt(pos) != '=' && text.charAt(pos) != ';'
        && !RecordGrammar.isWsp(text.charAt(pos))) {
      pos++;
    }
    if (pos == n || text.charAt(pos) != '=') {
      throw new RecordParseException(RecordErrorCode.MALFORMED_FIELD, start + 1,
          "field \"" + abbreviate(text.substring(start, pos))
              + "\" has no '=value'; fields are name=value without spaces around '='");
    }
    if (!RecordGrammar.isExtensionName(text, start, pos)) {
      throw new RecordParseException(RecordErrorCode.INVALID_FIELD_NAME, start + 1,
          pos == start
              ? "a field has no name before '='"
              : "field name \"" + abbreviate(text.substring(start, pos))
                  + "\" must be 1 to 32 letters, digits, '_', '-' or '.', starting with a letter or digit");
    }
    String name = name(start, pos, listField);
    pos++;
    int valueStart = pos;
    if (name.equals(listField)) {
      while (pos < n && text.charAt(pos) != ';') {
        pos++;
      }
      while (pos > valueStart && RecordGrammar.isWsp(text.charAt(pos - 1))) {
        pos--;
      }
    } else {
      while (pos < n && text.charAt(pos) != ';' && !RecordGrammar.isWsp(text.charAt(pos))) {
        pos++;
      }
    }
    fields.add(new Field(name, text.substring(valueStart, pos), start + 1, valueStart + 1));
    return pos;
  }

  /**
   * The field name, without a copy for the names the records look up: the list field and {@code
   * id}. The names are validated already.
   */
  private String name(int start, int end, String listField) {
    int length = end - start;
    if (length == listField.length() && text.startsWith(listField, start)) {
      return listField;
    }
    if (length == 2 && text.charAt(start) == 'i' && text.charAt(start + 1) == 'd') {
      return "id";
    }
    return text.substring(start, end);
  }

  private int skipWsp(int pos) {
    while (pos < text.length() && RecordGrammar.isWsp(text.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private void problem(RecordErrorCode code, int column, String message) {
    if (mode == ParseMode.STRICT) {
      throw new RecordParseException(code, column, message);
    }
    warnings.add(new Warning(code, new Location.Column(column), message));
  }

  /**
   * Shortens a text for a message.
   *
   * @param s the text
   * @return at most 40 characters of it
   */
  public static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
