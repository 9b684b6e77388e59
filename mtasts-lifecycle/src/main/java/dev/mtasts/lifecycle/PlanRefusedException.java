package dev.mtasts.lifecycle;

import dev.mtasts.policy.MtaStsException;

/** Thrown by {@link PlanResult#orThrow()} when the move was refused; lists every reason. */
public final class PlanRefusedException extends MtaStsException {
  private static final long serialVersionUID = 1L;

  /** The refusal; records are serializable only if their components are, so keep it transient. */
  private final transient Refusal refusal;

  /**
   * Creates the exception.
   *
   * @param refusal the refusal
   */
  public PlanRefusedException(Refusal refusal) {
    super(message(refusal));
    this.refusal = refusal;
  }

  private static String message(Refusal refusal) {
    StringBuilder b = new StringBuilder("cannot move ").append(refusal.domain()).append(" from ")
        .append(refusal.from()).append(" to ").append(refusal.to()).append(':');
    for (Reason reason : refusal.reasons()) {
      b.append("\n- ").append(reason.code().id()).append(": ").append(reason.message());
    }
    return b.toString();
  }

  /**
   * Returns the refusal.
   *
   * @return the refusal with its reasons
   */
  public Refusal refusal() {
    return refusal;
  }
}
