package dev.mtasts.lifecycle;

/** The moves between {@link LifecycleState}s that a {@link Plan} can carry out. */
public enum Transition {
  /** {@code ABSENT} (or {@code DELETED}) to {@code TESTING}: first publication. */
  DEPLOY,
  /** {@code TESTING} to {@code ENFORCE}, guarded by the {@link Readiness} check. */
  ENFORCE,
  /** {@code ENFORCE} to {@code TESTING}, for example after an outage caused by the policy. */
  ROLL_BACK,
  /** A new {@code mx} list or {@code max_age} within {@code TESTING} or {@code ENFORCE}. */
  CHANGE,
  /** {@code TESTING} or {@code ENFORCE} to {@code NONE}: the documented opt-out (RFC 8461 §8.3). */
  TURN_OFF,
  /** {@code NONE} to {@code TESTING}. */
  RE_ENABLE,
  /** Any published state to {@code DELETED}: remove the TXT record and the policy file. */
  DELETE
}
