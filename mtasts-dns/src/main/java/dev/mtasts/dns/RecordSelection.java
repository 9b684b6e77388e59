package dev.mtasts.dns;

import dev.mtasts.dns.internal.TxtTexts;
import dev.mtasts.policy.ParseResult;
import dev.mtasts.policy.Warning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The outcome of choosing the one {@code _mta-sts} or {@code _smtp._tls} record among all TXT
 * records at a name, exactly as RFC 8461 §3.1 and RFC 8460 §3 prescribe.
 *
 * <p>Each TXT record is given as its character-strings ({@code TXTRecord.getStringsAsByteArrays()}
 * in dnsjava), which are joined without separators. Records that do not begin with {@code
 * v=STSv1;} ({@code v=TLSRPTv1;}) are discarded; if exactly one remains it is parsed, if none or
 * several remain the domain has no policy (no reporting). A record beginning with the version, then
 * whitespace, then {@code ;} is valid by the ABNF but misses the literal prefix (RFC 8461 erratum
 * 6285); it is selected only when no record has the exact prefix and it is the only one of its
 * kind, with a warning.
 *
 * <pre>{@code
 * RecordSelection<StsRecord> selection = RecordSelection.selectSts(txtRecords);
 * if (selection instanceof RecordSelection.Selected<StsRecord> selected) {
 *   PolicyId id = selected.record().id();
 * }
 * }</pre>
 *
 * @param <T> {@link StsRecord} or {@link TlsRptRecord}
 */
public sealed interface RecordSelection<T>
    permits RecordSelection.Selected, RecordSelection.NoRecord, RecordSelection.SeveralRecords,
        RecordSelection.InvalidRecord {

  /**
   * Exactly one record of the kind, and it is valid.
   *
   * @param <T> the record type
   * @param record the record
   * @param text the record's text (its strings joined)
   * @param warnings what the parser accepted but a publisher should fix
   */
  record Selected<T>(T record, String text, List<Warning> warnings) implements RecordSelection<T> {
    /**
     * Validates and copies the parts.
     *
     * @param record the record
     * @param text the text
     * @param warnings the warnings
     */
    public Selected {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(text, "text");
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * No TXT record begins with the version tag: the domain has no policy (no reporting).
   *
   * @param <T> the record type
   * @param discarded how many TXT records of other kinds were discarded
   */
  record NoRecord<T>(int discarded) implements RecordSelection<T> {}

  /**
   * Several TXT records begin with the version tag: the domain has no policy (RFC 8461 §3.1) or does
   * not implement TLS-RPT (RFC 8460 §3).
   *
   * @param <T> the record type
   * @param texts the competing records' texts
   */
  record SeveralRecords<T>(List<String> texts) implements RecordSelection<T> {
    /**
     * Copies the texts.
     *
     * @param texts the texts
     */
    public SeveralRecords {
      texts = List.copyOf(texts);
    }
  }

  /**
   * Exactly one record begins with the version tag but it is malformed: the domain has no policy.
   *
   * @param <T> the record type
   * @param text the record's text
   * @param error why it is invalid
   */
  record InvalidRecord<T>(String text, RecordParseException error) implements RecordSelection<T> {
    /**
     * Validates the parts.
     *
     * @param text the text
     * @param error the parse error
     */
    public InvalidRecord {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * Selects the {@code _mta-sts} record strictly.
   *
   * @param txtRecords every TXT record at the name, each as its character-strings
   * @return the outcome
   */
  static RecordSelection<StsRecord> selectSts(List<List<byte[]>> txtRecords) {
    return selectSts(txtRecords, ParseMode.STRICT);
  }

  /**
   * Selects the {@code _mta-sts} record, parsing it in the given mode.
   *
   * @param txtRecords every TXT record at the name, each as its character-strings
   * @param mode how the selected record is parsed
   * @return the outcome
   */
  static RecordSelection<StsRecord> selectSts(List<List<byte[]>> txtRecords, ParseMode mode) {
    return select(txtRecords, StsRecord.VERSION, mode, StsRecord::read);
  }

  /**
   * Selects the {@code _smtp._tls} record strictly.
   *
   * @param txtRecords every TXT record at the name, each as its character-strings
   * @return the outcome
   */
  static RecordSelection<TlsRptRecord> selectTlsRpt(List<List<byte[]>> txtRecords) {
    return selectTlsRpt(txtRecords, ParseMode.STRICT);
  }

  /**
   * Selects the {@code _smtp._tls} record, parsing it in the given mode.
   *
   * @param txtRecords every TXT record at the name, each as its character-strings
   * @param mode how the selected record is parsed
   * @return the outcome
   */
  static RecordSelection<TlsRptRecord> selectTlsRpt(List<List<byte[]>> txtRecords, ParseMode mode) {
    return select(txtRecords, TlsRptRecord.VERSION, mode, TlsRptRecord::read);
  }

  private static <T> RecordSelection<T> select(List<List<byte[]>> txtRecords, String version,
      ParseMode mode, BiFunction<CharSequence, ParseMode, ParseResult<T>> parser) {
    Objects.requireNonNull(mode, "mode");
    String exactPrefix = "v=" + version + ";";
    List<String> exact = new ArrayList<>();
    List<String> spaced = new ArrayList<>();
    for (List<byte[]> strings : txtRecords) {
      String text = TxtTexts.join(strings);
      if (text.startsWith(exactPrefix)) {
        exact.add(text);
      } else if (TxtTexts.startsWithSpacedVersion(text, version)) {
        spaced.add(text);
      }
    }
    List<String> candidates = exact.isEmpty() ? spaced : exact;
    if (candidates.isEmpty()) {
      return new NoRecord<>(txtRecords.size());
    }
    if (candidates.size() > 1) {
      return new SeveralRecords<>(candidates);
    }
    String text = candidates.get(0);
    try {
      ParseResult<T> parsed = parser.apply(text, mode);
      return new Selected<>(parsed.value(), text, parsed.warnings());
    } catch (RecordParseException e) {
      return new InvalidRecord<>(text, e);
    }
  }
}
