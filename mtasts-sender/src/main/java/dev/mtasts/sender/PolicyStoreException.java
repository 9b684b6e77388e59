package dev.mtasts.sender;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.ProblemCode;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link PolicyStore} that cannot read, write or make sense of a domain's entry:
 * carries a stable {@link Code}, the domain and the location (a file path for the directory
 * store).
 */
public final class PolicyStoreException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Code implements ProblemCode {
    /** The entry could not be read or written. */
    IO_ERROR,
    /** The entry exists but is not a valid stored policy. */
    CORRUPT_ENTRY;
  }

  /** What went wrong. */
  private final Code code;
  /** The domain of the entry. */
  private final String domain;
  /** Where the entry is. */
  private final String location;

  /**
   * Creates the exception.
   *
   * @param code what went wrong
   * @param domain the domain of the entry
   * @param location where the entry is, for example a file path
   * @param message what went wrong and what to do
   * @param cause the underlying failure, or {@code null}
   */
  public PolicyStoreException(Code code, String domain, String location, String message, @Nullable Throwable cause) {
    super(location + ": " + message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.domain = Objects.requireNonNull(domain, "domain");
    this.location = Objects.requireNonNull(location, "location");
  }

  /**
   * Returns the stable code.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }

  /**
   * Returns the domain of the entry.
   *
   * @return the domain
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns where the entry is.
   *
   * @return the location
   */
  public String location() {
    return location;
  }
}
