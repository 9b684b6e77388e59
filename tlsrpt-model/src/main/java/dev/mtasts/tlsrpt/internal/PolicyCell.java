package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one policy type of one policy domain on one UTC day: how many policy results
 * count on it and their session counts (per policy type, so STS and TLSA figures of one report
 * are both kept).
 */
public final class PolicyCell {
  private final int epochDay;
  private final String policyType;
  private long policyResults;
  private long successful;
  private long failed;

  /**
   * Creates a cell with the given figures (as read back from a serialised form).
   *
   * @param epochDay the UTC day, as days since 1970-01-01
   * @param policyType the {@code policy-type} text
   * @param policyResults the policy results counting on the day
   * @param successful the successful sessions
   * @param failed the failed sessions
   */
  public PolicyCell(
      int epochDay, String policyType, long policyResults, long successful, long failed) {
    this.epochDay = epochDay;
    this.policyType = policyType;
    this.policyResults = policyResults;
    this.successful = successful;
    this.failed = failed;
  }

  /**
   * Returns the UTC day as days since 1970-01-01.
   *
   * @return the epoch day
   */
  public int epochDay() {
    return epochDay;
  }

  /**
   * Returns the {@code policy-type} text.
   *
   * @return the type
   */
  public String policyType() {
    return policyType;
  }

  /**
   * Returns the number of policy results counting on the day.
   *
   * @return the count
   */
  public long policyResults() {
    return policyResults;
  }

  /**
   * Returns the successful sessions.
   *
   * @return the count
   */
  public long successful() {
    return successful;
  }

  /**
   * Returns the failed sessions.
   *
   * @return the count
   */
  public long failed() {
    return failed;
  }

  PolicyCell copy() {
    return new PolicyCell(epochDay, policyType, policyResults, successful, failed);
  }

  int compareKey(int day, String type) {
    int c = Integer.compare(epochDay, day);
    return c != 0 ? c : policyType.compareTo(type);
  }

  boolean apply(int sign, long ok, long bad) {
    if (sign > 0) {
      boolean sat = Counts.saturates(successful, ok) || Counts.saturates(failed, bad);
      policyResults = Counts.plus(policyResults, 1);
      successful = Counts.plus(successful, ok);
      failed = Counts.plus(failed, bad);
      return sat;
    }
    policyResults = Counts.minus(policyResults, 1);
    successful = Counts.minus(successful, ok);
    failed = Counts.minus(failed, bad);
    return false;
  }

  void addAll(PolicyCell o) {
    policyResults = Counts.plus(policyResults, o.policyResults);
    successful = Counts.plus(successful, o.successful);
    failed = Counts.plus(failed, o.failed);
  }

  boolean isEmpty() {
    return policyResults == 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PolicyCell c
        && c.epochDay == epochDay
        && c.policyType.equals(policyType)
        && c.policyResults == policyResults
        && c.successful == successful
        && c.failed == failed;
  }

  @Override
  public int hashCode() {
    return ((epochDay * 31 + policyType.hashCode()) * 31 + Long.hashCode(successful)) * 31
        + Long.hashCode(failed);
  }

  @Override
  public String toString() {
    return "PolicyCell[day=" + epochDay + ", type=" + policyType + ", results=" + policyResults
        + ", successful=" + successful + ", failed=" + failed + "]";
  }
}
