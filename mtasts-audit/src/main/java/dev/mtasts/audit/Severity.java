package dev.mtasts.audit;

import java.util.Locale;

/** How much a {@link Finding} matters, worst first: the declaration order is the sort order. */
public enum Severity {
  /** Something is broken: senders refuse, ignore or misread part of the deployment. */
  ERROR,
  /** Works today but is fragile or incomplete; fix it before relying on it. */
  WARNING,
  /** A fact worth seeing (the policy id, a certificate's expiry); nothing is wrong. */
  INFO;

  /**
   * Returns the stable lower-case form: {@code error}, {@code warning} or {@code info}.
   *
   * @return the identifier
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Tells whether a finding of this severity makes the audit fail (error or warning).
   *
   * @return true for {@link #ERROR} and {@link #WARNING}
   */
  public boolean isProblem() {
    return this != INFO;
  }
}
