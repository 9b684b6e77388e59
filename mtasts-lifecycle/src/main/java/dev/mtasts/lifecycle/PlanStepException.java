package dev.mtasts.lifecycle;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.ProblemCode;
import java.util.Objects;

/**
 * Thrown by {@link PlanProgress} when a step cannot be marked done: out of order, a policy URL
 * that does not serve the new policy yet, or a wait that is not over.
 */
public final class PlanStepException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** Why the step was refused. */
  public enum Code implements ProblemCode {
    /** Another step comes first; in particular the id never changes before the file is served. */
    OUT_OF_ORDER,
    /** The policy URL does not serve the new policy (the old one, another one, or garbage). */
    NOT_SERVED,
    /** The wait has not ended yet. */
    WAIT_NOT_OVER,
    /** Every step is done already. */
    FINISHED;
  }

  /** Why the step was refused. */
  private final Code code;

  /**
   * Creates the exception.
   *
   * @param code why
   * @param message what happened and what to do
   */
  public PlanStepException(Code code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns why the step was refused.
   *
   * @return the code
   */
  public Code code() {
    return code;
  }
}
