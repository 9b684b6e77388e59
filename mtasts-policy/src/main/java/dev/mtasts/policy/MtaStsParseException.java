package dev.mtasts.policy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Root of the exceptions for input that cannot be read: a policy file, a TXT record, a TLS-RPT
 * report, a report mail, a publication history. Each carries the same three things as a {@link
 * Warning}: a stable {@link #code()} (an enum implementing {@link ProblemCode}), the {@link
 * #location()} of the problem, and the message without the location ({@link #detail()}).
 *
 * <p>{@link #getMessage()} is the location followed by the detail, for example {@code "line 4:
 * max_age 31557601 is above the RFC 8461 maximum of 31557600"}; each subclass documents its form.
 *
 * <pre>{@code
 * try {
 *   MtaStsPolicy.parse(text);
 * } catch (MtaStsParseException e) {
 *   System.err.println(e.location() + ": " + e.code().id() + ": " + e.detail());
 * }
 * }</pre>
 */
public abstract class MtaStsParseException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** @serial the stable code */
  private final ProblemCode code;
  /** @serial where the problem is */
  private final Location location;
  /** @serial the message without the location */
  private final String detail;

  /**
   * Creates the exception; subclasses pass their own code type.
   *
   * @param code the stable code
   * @param location where the problem is
   * @param detail what is wrong and how to fix it, without the location
   * @param message the full message, the location followed by the detail
   * @param cause the underlying failure, or {@code null}
   */
  protected MtaStsParseException(
      ProblemCode code,
      Location location,
      String detail,
      String message,
      @Nullable Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.location = Objects.requireNonNull(location, "location");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /**
   * Returns the stable code of the problem; subclasses narrow the type to their module's enum.
   *
   * @return the code
   */
  public ProblemCode code() {
    return code;
  }

  /**
   * Returns where the problem is; subclasses narrow the type to the kind of location they use.
   *
   * @return the location
   */
  public Location location() {
    return location;
  }

  /**
   * Returns the message without the location.
   *
   * @return what is wrong and, where known, how to fix it
   */
  public String detail() {
    return detail;
  }
}
