package dev.mtasts.audit;

import dev.mtasts.policy.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link DomainAudit#audit(String)}: every finding, sorted by area (in {@link Area}
 * order) and then worst first, the MX hosts with their STARTTLS sessions, and one verdict line per
 * mode.
 *
 * @param domain the audited domain, lower-case A-labels
 * @param auditedAt when the audit started
 * @param policyId the id of the {@code _mta-sts} record, or {@code null} without a valid one
 * @param policySha256 the SHA-256 of the served policy body (lower-case hex), or {@code null}
 *     without a valid policy
 * @param mode the served policy's mode, or {@code null} without a valid policy
 * @param findings the findings, sorted
 * @param mx the MX hosts in preference order
 * @param verdicts what a compliant sender does with mail to the domain now, and would do under
 *     {@code enforce}, one line each
 */
public record AuditReport(
    String domain, Instant auditedAt, @Nullable String policyId, @Nullable String policySha256,
    @Nullable Mode mode, List<Finding> findings, List<MxProbe> mx, List<String> verdicts) {

  /** The order of {@link #findings()}: area, then severity, then subject. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::area)
      .thenComparing(Finding::severity).thenComparing(Finding::subject);

  /**
   * Validates the parts, copies the lists and sorts the findings.
   *
   * @param domain the domain
   * @param auditedAt the start of the audit
   * @param policyId the policy id, or null
   * @param policySha256 the policy digest, or null
   * @param mode the mode, or null
   * @param findings the findings
   * @param mx the MX hosts
   * @param verdicts the verdict lines
   */
  public AuditReport {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(auditedAt, "auditedAt");
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(ORDER);
    findings = List.copyOf(sorted);
    mx = List.copyOf(mx);
    verdicts = List.copyOf(verdicts);
  }

  /**
   * Tells whether nothing is wrong: no finding is an error or a warning.
   *
   * @return true when every finding is information
   */
  public boolean ok() {
    return worst().map(s -> !s.isProblem()).orElse(true);
  }

  /**
   * Returns the worst severity among the findings.
   *
   * @return the worst severity, or empty without findings
   */
  public Optional<Severity> worst() {
    Severity worst = null;
    for (Finding f : findings) {
      if (worst == null || f.severity().compareTo(worst) < 0) {
        worst = f.severity();
      }
    }
    return Optional.ofNullable(worst);
  }

  /**
   * Returns the findings with an id.
   *
   * @param id the id
   * @return the findings, in report order
   */
  public List<Finding> findings(FindingId id) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.id() == id) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the errors and warnings, without the information.
   *
   * @return the problems, in report order
   */
  public List<Finding> problems() {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.severity().isProblem()) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }
}
