/**
 * The live audit a domain owner runs before (and after) switching a policy to {@code enforce}:
 * {@link dev.mtasts.audit.DomainAudit} looks at the domain as a sending MTA would and returns an
 * {@link dev.mtasts.audit.AuditReport} of {@link dev.mtasts.audit.Finding}s, each with a stable
 * {@link dev.mtasts.audit.FindingId}, a severity, the evidence and the fix.
 *
 * <pre>{@code
 * AuditReport report = DomainAudit.newBuilder().build().audit("example.com");
 * for (Finding f : report.findings()) {
 *   System.out.println(f.severity() + " " + f.id().id() + ": " + f.message());
 * }
 * }</pre>
 */
@NullMarked
package dev.mtasts.audit;

import org.jspecify.annotations.NullMarked;
