package dev.mtasts.tlsrpt.internal;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one policy domain on one UTC day: the reports whose date range covers the day,
 * the domain-level session counts on it, and how many of those reports cover several days (whose
 * sessions were spread over their days, so the day's counts are partly estimated).
 */
public final class DayCell {
  private final int epochDay;
  private long reports;
  private long successful;
  private long failed;
  private long multiDayReports;

  /**
   * Creates a cell with the given figures (as read back from a serialised form).
   *
   * @param epochDay the UTC day, as days since 1970-01-01
   * @param reports the reports covering the day
   * @param successful the successful sessions
   * @param failed the failed sessions
   * @param multiDayReports the reports covering the day that cover several days
   */
  public DayCell(int epochDay, long reports, long successful, long failed, long multiDayReports) {
    this.epochDay = epochDay;
    this.reports = reports;
    this.successful = successful;
    this.failed = failed;
    this.multiDayReports = multiDayReports;
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
   * Returns the number of reports whose date range covers the day.
   *
   * @return the reports
   */
  public long reports() {
    return reports;
  }

  /**
   * Returns the successful sessions (domain level).
   *
   * @return the count
   */
  public long successful() {
    return successful;
  }

  /**
   * Returns the failed sessions (domain level).
   *
   * @return the count
   */
  public long failed() {
    return failed;
  }

  /**
   * Returns the number of reports covering the day that cover several days.
   *
   * @return the count
   */
  public long multiDayReports() {
    return multiDayReports;
  }

  DayCell copy() {
    return new DayCell(epochDay, reports, successful, failed, multiDayReports);
  }

  /** Adds (sign 1) or takes out (sign -1) one report's figures; returns whether a sum saturated. */
  boolean apply(int sign, long ok, long bad, boolean multiDay) {
    if (sign > 0) {
      boolean sat = Counts.saturates(successful, ok) || Counts.saturates(failed, bad);
      reports = Counts.plus(reports, 1);
      successful = Counts.plus(successful, ok);
      failed = Counts.plus(failed, bad);
      multiDayReports = Counts.plus(multiDayReports, multiDay ? 1 : 0);
      return sat;
    }
    reports = Counts.minus(reports, 1);
    successful = Counts.minus(successful, ok);
    failed = Counts.minus(failed, bad);
    multiDayReports = Counts.minus(multiDayReports, multiDay ? 1 : 0);
    return false;
  }

  void addAll(DayCell o) {
    reports = Counts.plus(reports, o.reports);
    successful = Counts.plus(successful, o.successful);
    failed = Counts.plus(failed, o.failed);
    multiDayReports = Counts.plus(multiDayReports, o.multiDayReports);
  }

  boolean isEmpty() {
    return reports == 0;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DayCell c
        && c.epochDay == epochDay
        && c.reports == reports
        && c.successful == successful
        && c.failed == failed
        && c.multiDayReports == multiDayReports;
  }

  @Override
  public int hashCode() {
    return ((epochDay * 31 + Long.hashCode(reports)) * 31 + Long.hashCode(successful)) * 31
        + Long.hashCode(failed);
  }

  @Override
  public String toString() {
    return "DayCell[day=" + epochDay + ", reports=" + reports + ", successful=" + successful
        + ", failed=" + failed + ", multiDayReports=" + multiDayReports + "]";
  }
}
