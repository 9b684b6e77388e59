/**
 * An HTML page of TLS-RPT figures (RFC 8460) that a domain owner would rather look at: one
 * self-contained file, safe to attach to an e-mail, with the readiness verdict, sessions and
 * failures per UTC day as SVG charts, the sending MTAs and MX hosts to look at, who reported, and
 * the reports that could not be read.
 *
 * <pre>{@code
 * ReportSummary.Accumulator summary = ReportSummary.newAccumulator();
 * ReportingOrganizations.Accumulator orgs = ReportingOrganizations.newAccumulator();
 * for (Path file : files) {
 *   TlsRptReport r = TlsRptReader.lenient().read(file).value();
 *   summary.add(r);
 *   orgs.add(r);
 * }
 * String html = HtmlReport.newBuilder(summary.snapshot())
 *     .organizations(orgs.snapshot())
 *     .build()
 *     .render();
 * }</pre>
 *
 * <p>Entry point: {@link dev.mtasts.report.html.HtmlReport}.
 */
@NullMarked
package dev.mtasts.report.html;

import org.jspecify.annotations.NullMarked;
