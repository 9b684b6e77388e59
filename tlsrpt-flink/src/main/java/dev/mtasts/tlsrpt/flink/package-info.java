/**
 * TLS-RPT aggregation (RFC 8460) on Apache Flink 2.x: pieces to compose into a job, and a ready
 * one.
 *
 * <ul>
 *   <li>Input: {@link dev.mtasts.tlsrpt.flink.RawReport} (a file's bytes: plain JSON, gzip or a
 *       report mail), read from a folder by {@link dev.mtasts.tlsrpt.flink.WholeFileFormat};
 *   <li>{@link dev.mtasts.tlsrpt.flink.ReportDecoder}: reports, and {@link
 *       dev.mtasts.tlsrpt.flink.RejectedInput}s for what cannot be read;
 *   <li>{@link dev.mtasts.tlsrpt.flink.ReportDeduplicator}: one count per organization and
 *       report-id, in keyed state with a time to live; late reports to a side output;
 *   <li>{@link dev.mtasts.tlsrpt.flink.UtcDayWindows}, {@link
 *       dev.mtasts.tlsrpt.flink.SummaryAggregate}: per policy domain and UTC day, the {@code
 *       ReportSummary} accumulator with its own serializer ({@link
 *       dev.mtasts.tlsrpt.flink.TlsRptTypes});
 *   <li>{@link dev.mtasts.tlsrpt.flink.TlsRptPipeline} wires them; {@link
 *       dev.mtasts.tlsrpt.flink.TlsRptAggregationJob} runs them from a folder to JSON lines.
 * </ul>
 */
@NullMarked
package dev.mtasts.tlsrpt.flink;

import org.jspecify.annotations.NullMarked;
