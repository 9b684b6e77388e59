/**
 * TLS-RPT reports (RFC 8460): the model, JSON reading and writing, aggregation and report
 * generation.
 *
 * <ul>
 *   <li>Model: {@link dev.mtasts.tlsrpt.TlsRptReport}, {@link dev.mtasts.tlsrpt.DateRange},
 *       {@link dev.mtasts.tlsrpt.PolicyResult}, {@link dev.mtasts.tlsrpt.FailureDetail}, {@link
 *       dev.mtasts.tlsrpt.ResultType}, {@link dev.mtasts.tlsrpt.PolicyType}.
 *   <li>Reading and writing: {@link dev.mtasts.tlsrpt.TlsRptReader} (lenient or strict, plain or
 *       gzip, with {@link dev.mtasts.tlsrpt.ReadLimits}), {@link dev.mtasts.tlsrpt.TlsRptWriter},
 *       {@link dev.mtasts.tlsrpt.ReportFileName}; every failure is a {@link
 *       dev.mtasts.tlsrpt.ReportParseException} with a JSON path and a {@link
 *       dev.mtasts.tlsrpt.ReportErrorCode}.
 *   <li>Aggregation: {@link dev.mtasts.tlsrpt.ReportSummary} and its accumulator, {@link
 *       dev.mtasts.tlsrpt.DomainSummary}, {@link dev.mtasts.tlsrpt.DaySummary}, {@link
 *       dev.mtasts.tlsrpt.FailureGroup}, triaged by a {@link dev.mtasts.tlsrpt.Triage}.
 *   <li>Sending side: {@link dev.mtasts.tlsrpt.TlsRptReportBuilder}.
 * </ul>
 *
 * <p>Summarising a folder of reports:
 *
 * <pre>{@code
 * ReportSummary.Accumulator acc = ReportSummary.newAccumulator();
 * try (Stream<Path> files = Files.list(folder)) {
 *   for (Path file : (Iterable<Path>) files::iterator) {
 *     acc.add(TlsRptReader.lenient().read(file).value());
 *   }
 * }
 * DomainSummary d = acc.snapshot().domain("example.com");
 * System.out.println(d.sessions() + " covered " + d.coveredDays());
 * d.failureGroups().forEach(g -> System.out.println(g.triage() + " " + g.resultType()));
 * }</pre>
 */
@NullMarked
package dev.mtasts.tlsrpt;

import org.jspecify.annotations.NullMarked;
