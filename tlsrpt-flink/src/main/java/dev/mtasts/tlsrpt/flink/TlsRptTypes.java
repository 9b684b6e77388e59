package dev.mtasts.tlsrpt.flink;

import dev.mtasts.tlsrpt.ReportSummary;
import dev.mtasts.tlsrpt.TlsRptReport;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * The type information of every SDK type that flows through a job or sits in its state, each
 * with its own serializer (never Kryo): use it in {@code .returns(...)} and in state descriptors.
 *
 * <pre>{@code
 * DataStream<TlsRptReport> reports = raw.process(new ReportDecoder()).returns(TlsRptTypes.REPORT);
 * }</pre>
 */
public final class TlsRptTypes {
  /** A report, in {@link ReportSerializer}'s compact, versioned binary form. */
  public static final TypeInformation<TlsRptReport> REPORT =
      new SerializerTypeInfo<>(TlsRptReport.class, new ReportSerializer());

  /** The summary accumulator, serialized in the summary's versioned binary form. */
  public static final TypeInformation<ReportSummary.Accumulator> ACCUMULATOR =
      new SerializerTypeInfo<>(ReportSummary.Accumulator.class, new AccumulatorSerializer());

  /** A summary, in its versioned binary form. */
  public static final TypeInformation<ReportSummary> SUMMARY =
      new SerializerTypeInfo<>(ReportSummary.class, new SummarySerializer());

  /** An input's bytes and where it came from. */
  public static final TypeInformation<RawReport> RAW_REPORT =
      new SerializerTypeInfo<>(RawReport.class, new RawReportSerializer());

  /** An input or report that was not counted, and why. */
  public static final TypeInformation<RejectedInput> REJECTED =
      new SerializerTypeInfo<>(RejectedInput.class, new RejectedInputSerializer());

  /** A policy domain's figures on one UTC day. */
  public static final TypeInformation<DailySummary> DAILY_SUMMARY =
      new SerializerTypeInfo<>(DailySummary.class, new DailySummarySerializer());

  private TlsRptTypes() {}
}
