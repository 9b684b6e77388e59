package dev.mtasts.tlsrpt;

import dev.mtasts.policy.ProblemCode;

/**
 * Stable codes of {@link SummaryFormatException}: why saved summary bytes ({@link
 * ReportSummary#toBytes()}) were refused. The names never change between versions.
 */
public enum SummaryFormatErrorCode implements ProblemCode {
  /** The input does not start with the summary format's magic bytes: it is something else. */
  NOT_A_SUMMARY,
  /** The format version byte names a version this library cannot read (a newer one, say). */
  UNSUPPORTED_VERSION,
  /** The input ends before the length its header declares, or inside a value. */
  TRUNCATED,
  /** Bytes follow the end the header declares. */
  TRAILING_BYTES,
  /** The checksum does not match the content: the bytes were changed after they were written. */
  CHECKSUM_MISMATCH,
  /** A count or length exceeds what the remaining input or a bound allows. */
  TOO_LARGE,
  /**
   * A value is out of its range or breaks an invariant of the state (a negative count, cells out
   * of order, a key twice, text that is not UTF-8).
   */
  INVALID_VALUE
}
