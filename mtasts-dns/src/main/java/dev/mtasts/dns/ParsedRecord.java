package dev.mtasts.dns;

import java.util.List;
import java.util.Objects;

/**
 * A record read from text together with the warnings the parser reported.
 *
 * @param <T> the record type, {@link StsRecord} or {@link TlsRptRecord}
 * @param record the record
 * @param warnings what the parser accepted but a publisher should fix, in text order
 */
public record ParsedRecord<T>(T record, List<RecordWarning> warnings) {
  /**
   * Validates and copies the parts.
   *
   * @param record the record
   * @param warnings the warnings
   */
  public ParsedRecord {
    Objects.requireNonNull(record, "record");
    warnings = List.copyOf(warnings);
  }
}
