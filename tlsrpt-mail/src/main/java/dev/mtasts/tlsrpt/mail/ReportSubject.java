package dev.mtasts.tlsrpt.mail;

import dev.mtasts.policy.DomainName;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of an RFC 8460 §5.3 Subject: {@code Report Domain: example.net Submitter:
 * mail.sender.example.com Report-ID: <735ff.e317+bf22029@example.net>}.
 *
 * @param policyDomain the first domain, the Policy Domain
 * @param submitter the second domain, the sending MTA's domain
 * @param reportId the Report-ID without its angle brackets
 */
public record ReportSubject(String policyDomain, String submitter, String reportId) {

  // RFC 8460 §5.3 tlsrpt-subject, read leniently: any case, any white space (folding already
  // undone), a Report-ID with or without its angle brackets, anything after it ignored.
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*Report\\s+Domain:\\s*(\\S+)\\s+Submitter:\\s*(\\S+)\\s+Report-ID:\\s*<?([^<>\\s]+)>?.*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final int MAX_SUBJECT = 4096;

  /**
   * Checks the components.
   *
   * @param policyDomain the {@code policyDomain} component
   * @param submitter the {@code submitter} component
   * @param reportId the {@code reportId} component
   */
  public ReportSubject {
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(submitter, "submitter");
    Objects.requireNonNull(reportId, "reportId");
  }

  /**
   * Reads the fields of a Subject, unfolded and decoded, leniently: the keywords in any case, any
   * white space between the parts, the Report-ID with or without angle brackets.
   *
   * @param subject the Subject text
   * @return the fields, or empty when the Subject does not have the §5.3 form
   */
  public static Optional<ReportSubject> parseLenient(String subject) {
    Objects.requireNonNull(subject, "subject");
    if (subject.length() > MAX_SUBJECT) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(subject);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReportSubject(
            DomainName.comparisonKey(m.group(1)),
            DomainName.comparisonKey(m.group(2)),
            m.group(3)));
  }

  /**
   * Returns the Subject text in the §5.3 form.
   *
   * @return {@code Report Domain: <policyDomain> Submitter: <submitter> Report-ID: <<reportId>>}
   */
  public String text() {
    return "Report Domain: " + policyDomain + " Submitter: " + submitter + " Report-ID: <"
        + reportId + ">";
  }
}
