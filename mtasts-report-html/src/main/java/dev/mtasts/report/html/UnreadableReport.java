package dev.mtasts.report.html;

import java.util.Objects;

/**
 * A report file that could not be read, shown in the page with its reason.
 *
 * @param source where the report came from (a file name as found, or {@code <stdin>})
 * @param reason why it could not be read, with the JSON path of the problem where there is one
 */
public record UnreadableReport(String source, String reason) {
  /**
   * Checks the components.
   *
   * @param source where the report came from
   * @param reason why it could not be read
   */
  public UnreadableReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }
}
