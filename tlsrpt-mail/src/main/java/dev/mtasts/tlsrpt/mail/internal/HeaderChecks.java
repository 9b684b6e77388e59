package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.MailErrorCode;
import dev.mtasts.tlsrpt.mail.MailHeaders;
import dev.mtasts.tlsrpt.mail.ReportAttachment;
import dev.mtasts.tlsrpt.mail.ReportSubject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Compares the header fields and the Subject of a report mail with its reports. RFC 8460 §5.6: the
 * body wins; each disagreement is a warning.
 */
final class HeaderChecks {

  private HeaderChecks() {}

  static void check(MailHeaders h, List<ReportAttachment> attachments, List<Warning> out) {
    Set<String> domains = new LinkedHashSet<>();
    Set<String> contacts = new LinkedHashSet<>();
    for (ReportAttachment a : attachments) {
      TlsRptReport r = a.report();
      domains.addAll(FileNames.policyDomains(r));
      String c = ContactDomains.ofContactInfo(r.contactInfo());
      if (c != null) {
        contacts.add(c);
      }
    }
    String domain = h.reportDomain();
    if (domain == null) {
      out.add(missing("TLS-Report-Domain"));
    } else if (!domains.contains(DomainName.comparisonKey(domain))) {
      out.add(new Warning(MailErrorCode.HEADER_MISMATCH, new Location.Part("header TLS-Report-Domain"),
          "TLS-Report-Domain " + Printable.of(domain) + " is not a policy-domain of the report "
              + domains + "; the report body wins (RFC 8460 §5.6)"));
    }
    String submitter = h.reportSubmitter();
    if (submitter == null) {
      out.add(missing("TLS-Report-Submitter"));
    } else if (!contacts.isEmpty() && !contacts.contains(DomainName.comparisonKey(submitter))) {
      out.add(new Warning(MailErrorCode.HEADER_MISMATCH, new Location.Part("header TLS-Report-Submitter"),
          "TLS-Report-Submitter " + Printable.of(submitter)
              + " is not the domain of the report's contact-info " + contacts
              + " (RFC 8460 §5.3 requires them equal); the report body wins (RFC 8460 §5.6)"));
    }
    String subject = h.subject();
    Optional<ReportSubject> fields =
        subject == null ? Optional.empty() : ReportSubject.parseLenient(subject);
    if (fields.isEmpty()) {
      out.add(new Warning(MailErrorCode.SUBJECT_NOT_RFC, new Location.Part("header Subject"),
          subject == null ? "the mail has no Subject"
              : "the Subject \"" + Printable.of(subject) + "\" does not have the RFC 8460 §5.3"
                  + " form \"Report Domain: ... Submitter: ... Report-ID: <...>\""));
    } else {
      ReportSubject s = fields.get();
      if (!domains.contains(s.policyDomain())) {
        out.add(new Warning(MailErrorCode.SUBJECT_MISMATCH, new Location.Part("header Subject"),
            "the Subject's domain " + Printable.of(s.policyDomain())
                + " is not a policy-domain of the report " + domains
                + "; the report body wins (RFC 8460 §5.6)"));
      }
      @Nullable String expected = contacts.isEmpty()
          ? (submitter == null ? null : DomainName.comparisonKey(submitter)) : null;
      boolean submitterOk = contacts.isEmpty()
          ? expected == null || expected.equals(s.submitter())
          : contacts.contains(s.submitter());
      if (!submitterOk) {
        out.add(new Warning(MailErrorCode.SUBJECT_MISMATCH, new Location.Part("header Subject"),
            "the Subject's submitter " + Printable.of(s.submitter()) + " is not "
                + (contacts.isEmpty() ? "TLS-Report-Submitter " + expected
                    : "the domain of the report's contact-info " + contacts)
                + "; the report body wins (RFC 8460 §5.6)"));
      }
    }
    String dateText = h.dateText();
    if (dateText != null && h.date() == null) {
      out.add(new Warning(MailErrorCode.INVALID_DATE, new Location.Part("header Date"),
          "the Date \"" + Printable.of(dateText) + "\" is not an RFC 5322 §3.3 date"));
    }
  }

  private static Warning missing(String name) {
    return new Warning(MailErrorCode.MISSING_HEADER, new Location.Part("header " + name),
        "the mail has no " + name + " header field, which RFC 8460 §5.3 requires");
  }
}
