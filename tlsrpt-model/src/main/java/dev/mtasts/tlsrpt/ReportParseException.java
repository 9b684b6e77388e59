package dev.mtasts.tlsrpt;

import dev.mtasts.policy.MtaStsException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a TLS-RPT report (or its file name) cannot be read: carries the JSON path of the
 * problem ({@code $.policies[0].summary.total-failure-session-count}, {@code $} for the document
 * itself), a stable {@link ReportErrorCode}, and a message a person can act on.
 */
public final class ReportParseException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** The stable error code. */
  private final ReportErrorCode code;

  /** The JSONPath of the problem. */
  private final String jsonPath;

  /** The message without the location. */
  private final String detail;

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
    super(jsonPath + ": " + detail, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.jsonPath = jsonPath;
    this.detail = detail;
  }

  /**
   * Returns the stable error code.
   *
   * @return the code
   */
  public ReportErrorCode code() {
    return code;
  }

  /**
   * Returns the JSONPath of the problem, for example {@code $.policies[0].policy.policy-type}.
   *
   * @return the path, {@code $} for the document as a whole
   */
  public String jsonPath() {
    return jsonPath;
  }

  /**
   * Returns the message without the location.
   *
   * @return what is wrong
   */
  public String detail() {
    return detail;
  }
}
