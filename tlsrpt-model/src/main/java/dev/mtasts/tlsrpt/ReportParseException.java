package dev.mtasts.tlsrpt;

import dev.mtasts.policy.Location;
import dev.mtasts.policy.MtaStsParseException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a TLS-RPT report (or its file name) cannot be read: carries a stable {@link
 * ReportErrorCode}, the JSON path of the problem ({@code
 * $.policies[0].summary.total-failure-session-count}, {@code $} for the document itself), and a
 * message a person can act on.
 *
 * <p>The message reads {@code "$.policies[0].policy: policy-type is missing"}; {@link #code()},
 * {@link #location()} and {@link #detail()} give the parts separately.
 */
public final class ReportParseException extends MtaStsParseException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable error code
   * @param jsonPath where the problem is, as a JSONPath ({@code $} for the whole document)
   * @param detail what is wrong, without the location
   * @param cause the underlying failure, or {@code null}
   */
  public ReportParseException(
      ReportErrorCode code, String jsonPath, String detail, @Nullable Throwable cause) {
    super(code, new Location.JsonPath(jsonPath), detail, jsonPath + ": " + detail, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param code the stable error code
   * @param jsonPath where the problem is, as a JSONPath ({@code $} for the whole document)
   * @param detail what is wrong, without the location
   */
  public ReportParseException(ReportErrorCode code, String jsonPath, String detail) {
    this(code, jsonPath, detail, null);
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  @Override
  public ReportErrorCode code() {
    return (ReportErrorCode) super.code();
  }

  /**
   * Returns the JSONPath of the problem, for example {@code $.policies[0].policy.policy-type}.
   *
   * @return the location, {@code $} for the document as a whole
   */
  @Override
  public Location.JsonPath location() {
    return (Location.JsonPath) super.location();
  }
}
