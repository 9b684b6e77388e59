package dev.mtasts.dns;

import dev.mtasts.dns.internal.FieldScanner;
import dev.mtasts.dns.internal.RecordGrammar;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code _mta-sts.<domain>} TXT record (RFC 8461 §3.1): {@code v=STSv1; id=...;} plus
 * extension fields. It tells senders that a policy exists and which instance is current.
 *
 * <pre>{@code
 * StsRecord record = StsRecord.parse("v=STSv1; id=20160831085700Z;");
 * record.id();      // 20160831085700Z
 * record.toText();  // "v=STSv1; id=20160831085700Z;"
 * }</pre>
 *
 * @param id the policy id
 * @param extensions the extension fields in record order; senders ignore them (RFC 8461 §3.2)
 */
public record StsRecord(PolicyId id, List<ExtensionField> extensions) {
  /** The version tag every record starts with. */
  public static final String VERSION = "STSv1";

  /** The label prepended to the Policy Domain: {@code _mta-sts}. */
  public static final String LABEL = "_mta-sts";

  /**
   * Validates and copies the parts.
   *
   * @param id the policy id
   * @param extensions the extension fields
   * @throws IllegalArgumentException if an extension is named {@code id}
   */
  public StsRecord {
    Objects.requireNonNull(id, "id");
    extensions = List.copyOf(extensions);
    for (ExtensionField extension : extensions) {
      if (extension.name().equals("id")) {
        throw new IllegalArgumentException("\"id\" is the policy id, not an extension field");
      }
    }
  }

  /**
   * Returns a record with the given id and no extension fields, for publishing.
   *
   * @param id the policy id
   * @return the record
   * @throws IllegalArgumentException if the id is not RFC 8461 compliant ({@link
   *     PolicyId#isRfcCompliant()}): senders would ignore a record with it
   */
  public static StsRecord of(PolicyId id) {
    Objects.requireNonNull(id, "id");
    return new StsRecord(id.requireRfcCompliant(), List.of());
  }

  /**
   * Reads a record strictly by the RFC 8461 §3.1 ABNF.
   *
   * @param text the record, its character-strings already joined without separators
   * @return the record
   * @throws RecordParseException if the text is not a valid record
   */
  public static StsRecord parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    @Nullable StsRecord plain = readPlain(text);
    return plain != null ? plain : read(text, ParseMode.STRICT).value();
  }

  /**
   * Reads the shape nearly every domain publishes, {@code v=STSv1;} then optional WSP, {@code
   * id=} and 1 to 32 letters and digits (RFC 8461 §3.1), then nothing or {@code ;} and optional
   * WSP, in one pass and without the field list. Such a text parses strictly without warnings,
   * so the result is the same; anything else returns {@code null} and goes through {@link #read}.
   */
  private static @Nullable StsRecord readPlain(CharSequence text) {
    int n = text.length();
    if (n > FieldScanner.MAX_LENGTH || n < 12) {
      return null;
    }
    String s = text.toString();
    if (!s.startsWith("v=STSv1;")) {
      return null;
    }
    int i = 8;
    while (i < n && RecordGrammar.isWsp(s.charAt(i))) {
      i++;
    }
    if (!s.startsWith("id=", i)) {
      return null;
    }
    i += 3;
    int idStart = i;
    while (i < n && RecordGrammar.isAlphaDigit(s.charAt(i))) {
      i++;
    }
    int idEnd = i;
    if (idEnd == idStart || idEnd - idStart > RecordGrammar.MAX_ID_LENGTH) {
      return null;
    }
    if (i < n) {
      if (s.charAt(i) != ';') {
        return null;
      }
      i++;
      while (i < n && RecordGrammar.isWsp(s.charAt(i))) {
        i++;
      }
      if (i < n) {
        return null;
      }
    }
    return new StsRecord(new PolicyId(s.substring(idStart, idEnd)), List.of());
  }

  /**
   * Reads a record leniently (see {@link ParseMode#LENIENT}) and reports every deviation.
   *
   * @param text the record, its character-strings already joined without separators
   * @return the record and the warnings
   * @throws RecordParseException if the text is not a record even leniently
   */
  public static ParseResult<StsRecord> parseLenient(CharSequence text) {
    return read(text, ParseMode.LENIENT);
  }

  /**
   * Reads a record in the given mode. Strict mode also returns warnings for what the ABNF allows but
   * senders read differently: a repeated {@code id} (the first wins, as RFC 8461 §3.2 says for
   * repeated policy fields) and whitespace before the first {@code ;} (erratum 6285).
   *
   * @param text the record, its character-strings already joined without separators
   * @param mode strict or lenient
   * @return the record and the warnings
   * @throws RecordParseException if the text is not a valid record in that mode
   */
  public static ParseResult<StsRecord> read(CharSequence text, ParseMode mode) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    List<Warning> warnings = new ArrayList<>();
    List<FieldScanner.Field> fields = FieldScanner.scan(text, VERSION, "", mode, warnings);
    @Nullable PolicyId id = null;
    @Nullable List<ExtensionField> extensions = null;
    for (FieldScanner.Field field : fields) {
      if (field.name().equals("id")) {
        if (id != null) {
          warnings.add(new Warning(RecordErrorCode.DUPLICATE_FIELD, new Location.Column(field.nameColumn()),
              "id is given again; the first id (\"" + id.value() + "\") wins and \"" + field.value()
                  + "\" is ignored; publish one id"));
          continue;
        }
        id = readId(field, mode, warnings);
      } else if (!RecordGrammar.isExtensionValue(field.value())) {
        if (field.value().isEmpty() && mode == ParseMode.LENIENT) {
          warnings.add(new Warning(RecordErrorCode.INVALID_FIELD_VALUE, new Location.Column(field.nameColumn()),
              "extension field \"" + field.name() + "\" has no value and is ignored"));
          continue;
        }
        throw badValue(field);
      } else {
        if (extensions == null) {
          extensions = new ArrayList<>();
        }
        extensions.add(new ExtensionField(field.name(), field.value()));
      }
    }
    if (id == null) {
      throw new RecordParseException(RecordErrorCode.MISSING_ID, text.length() + 1,
          "the record has no id field; add \"id=\" followed by 1 to 32 letters and digits (RFC 8461 §3.1)");
    }
    // The scanner's warnings come first; ParseResult promises text order (a stable sort).
    if (warnings.size() > 1) {
      warnings.sort(Comparator.comparingInt((Warning w) -> ((Location.Column) w.location()).column()));
    }
    return new ParseResult<>(new StsRecord(id, extensions == null ? List.of() : extensions), warnings);
  }

  private static PolicyId readId(FieldScanner.Field field, ParseMode mode, List<Warning> warnings) {
    String value = field.value();
    if (RecordGrammar.isStrictId(value)) {
      return new PolicyId(value);
    }
    if (mode == ParseMode.LENIENT && RecordGrammar.isLenientId(value)) {
      warnings.add(new Warning(RecordErrorCode.INVALID_ID, new Location.Column(field.valueColumn()),
          "id \"" + value + "\" is not 1 to 32 letters and digits as RFC 8461 §3.1 requires; strict senders ignore the record"));
      return new PolicyId(value);
    }
    RecordGrammar.checkStrictId(value, field.valueColumn());
    return new PolicyId(value);
  }

  static RecordParseException badValue(FieldScanner.Field field) {
    String value = field.value();
    if (value.isEmpty()) {
      return new RecordParseException(RecordErrorCode.INVALID_FIELD_VALUE, field.valueColumn(),
          "extension field \"" + field.name() + "\" has no value; give it one or remove it");
    }
    int i = 0;
    while (RecordGrammar.isExtensionValueChar(value.charAt(i))) {
      i++;
    }
    return new RecordParseException(RecordErrorCode.INVALID_FIELD_VALUE, field.valueColumn() + i,
        "value of extension field \"" + field.name() + "\" contains "
            + RecordGrammar.describe(value.charAt(i)) + ", which extension values may not hold");
  }

  /**
   * Returns a record with another id and the same extensions, for publishing a new policy
   * instance.
   *
   * @param newId the new policy id
   * @return the record
   * @throws IllegalArgumentException if the new id is not RFC 8461 compliant ({@link
   *     PolicyId#isRfcCompliant()}): senders would ignore a record with it
   */
  public StsRecord withId(PolicyId newId) {
    Objects.requireNonNull(newId, "newId");
    return new StsRecord(newId.requireRfcCompliant(), extensions);
  }

  /**
   * Tells whether senders can read this record: its id follows RFC 8461 §3.1. Only a record read
   * with {@link ParseMode#LENIENT} or built with the canonical constructor can fail this.
   *
   * @return whether {@link ZoneFile#render(String, StsRecord, java.time.Duration)} accepts it
   */
  public boolean isPublishable() {
    return id.isRfcCompliant();
  }

  /**
   * Returns the canonical text: {@code v=STSv1; id=<id>;} with each extension as {@code
   * name=value;}, separated by single spaces, as in the RFC 8461 §3.1 example.
   *
   * <p>For a record read leniently whose id is not RFC 8461 compliant this shows the record as
   * read, which {@link #parse(CharSequence)} refuses; check {@link #isPublishable()} before
   * publishing the text, or use {@link ZoneFile#render(String, StsRecord, java.time.Duration)},
   * which refuses such a record.
   *
   * @return the record text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder("v=").append(VERSION).append("; id=").append(id.value()).append(';');
    for (ExtensionField extension : extensions) {
      sb.append(' ').append(extension.toText()).append(';');
    }
    return sb.toString();
  }
}
