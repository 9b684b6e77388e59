package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportSummary;
import java.time.LocalDate;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a domain's window summary into its {@link DailySummary}. */
public final class DailySummaryFunction
    extends ProcessWindowFunction<ReportSummary, DailySummary, String, TimeWindow> {
  private static final long serialVersionUID = 1L;

  /** Creates the function. */
  public DailySummaryFunction() {}

  @Override
  public void process(String policyDomain, Context context, Iterable<ReportSummary> elements,
      Collector<DailySummary> out) {
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(context.window().getStart(), 86_400_000L));
    for (ReportSummary s : elements) {
      out.collect(new DailySummary(policyDomain, day, s));
    }
  }
}
