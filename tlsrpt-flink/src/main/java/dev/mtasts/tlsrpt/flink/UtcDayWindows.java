package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.DateRange;
import dev.mtasts.tlsrpt.TlsRptReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.triggers.EventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.Trigger;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * Event-time windows of one UTC day, assigned by the report's date range: a report goes to the
 * window of every UTC day its range covers (the day rule of {@code ReportSummary}: a range ending
 * exactly at midnight does not cover the next day). Each window's summary holds the whole report,
 * and {@link DailySummary#figures()} keeps that day's share of a multi-day report, exactly as
 * {@code ReportSummary.domain(d, day, day)} gives it on one machine. A report claiming more days
 * than {@code maxReportDays} goes to its first day's window only, where the accumulator sets it
 * aside, so no report can open thousands of windows.
 */
public final class UtcDayWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;
  private static final long DAY_MILLIS = 86_400_000L;

  private final int maxReportDays;

  /**
   * Creates the assigner.
   *
   * @param maxReportDays the most days one report may cover ({@code SummaryLimits.maxReportDays()})
   */
  public UtcDayWindows(int maxReportDays) {
    if (maxReportDays < 1) {
      throw new IllegalArgumentException("maxReportDays " + maxReportDays + " < 1");
    }
    this.maxReportDays = maxReportDays;
  }

  @Override
  public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
    if (!(element instanceof TlsRptReport report)) {
      throw new IllegalArgumentException("UtcDayWindows assigns TlsRptReports, not " + element.getClass());
    }
    DateRange range = report.dateRange();
    long first = range.firstDay().toEpochDay();
    long last = range.lastDay().toEpochDay();
    if (last - first + 1 > maxReportDays) {
      last = first;
    }
    List<TimeWindow> windows = new ArrayList<>((int) (last - first + 1));
    for (long day = first; day <= last; day++) {
      windows.add(new TimeWindow(day * DAY_MILLIS, (day + 1) * DAY_MILLIS));
    }
    return windows;
  }

  @Override
  public Trigger<Object, TimeWindow> getDefaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public TypeSerializer<TimeWindow> getWindowSerializer(ExecutionConfig executionConfig) {
    return new TimeWindow.Serializer();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public String toString() {
    return "UtcDayWindows(maxReportDays=" + maxReportDays + ")";
  }
}
