package dev.mtasts.tlsrpt;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TlsRptReader} returns: the report and the tolerances applied to read it.
 *
 * @param report the report
 * @param warnings the deviations from RFC 8460 that were accepted, in document order
 */
public record ReadResult(TlsRptReport report, List<ReadWarning> warnings) {

  /**
   * Copies the warnings.
   *
   * @param report the {@code report} component
   * @param warnings the {@code warnings} component
   */
  public ReadResult {
    Objects.requireNonNull(report, "report");
    warnings = List.copyOf(warnings);
  }
}
