package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.policy.DomainName;
import dev.mtasts.policy.Location;
import dev.mtasts.policy.Warning;
import dev.mtasts.tlsrpt.PolicyResult;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.ReportParseException;
import dev.mtasts.tlsrpt.TlsRptReport;
import dev.mtasts.tlsrpt.mail.MailErrorCode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Compares a report part's file name (RFC 8460 §5.1) with the report body (§5.6: the body wins). */
final class FileNames {

  private FileNames() {}

  static boolean isRfcName(String fileName) {
    try {
      ReportFileName.parse(fileName);
      return true;
    } catch (ReportParseException e) {
      return false;
    }
  }

  static void check(String where, @Nullable String fileName, TlsRptReport report,
      List<Warning> out) {
    if (fileName == null) {
      out.add(new Warning(MailErrorCode.MISSING_FILE_NAME, new Location.Part(where),
          "the report part has no file name (RFC 8460 §5.3 names it as §5.1 says)"));
      return;
    }
    ReportFileName name;
    try {
      name = ReportFileName.parse(fileName);
    } catch (ReportParseException e) {
      out.add(new Warning(MailErrorCode.FILE_NAME_NOT_RFC, new Location.Part(where), Printable.of(e.detail())));
      return;
    }
    String domain = DomainName.comparisonKey(name.policyDomain());
    if (!policyDomains(report).contains(domain)) {
      out.add(new Warning(MailErrorCode.FILE_NAME_MISMATCH, new Location.Part(where),
          "the file name's policy domain " + Printable.of(domain)
              + " is not a policy-domain of the report; the report body wins (RFC 8460 §5.6)"));
    }
    long begin = report.dateRange().start().getEpochSecond();
    long end = report.dateRange().end().getEpochSecond();
    if (name.begin().getEpochSecond() != begin || name.end().getEpochSecond() != end) {
      out.add(new Warning(MailErrorCode.FILE_NAME_MISMATCH, new Location.Part(where),
          "the file name's period " + name.begin().getEpochSecond() + "-"
              + name.end().getEpochSecond() + " is not the report's date-range " + begin + "-"
              + end + "; the report body wins (RFC 8460 §5.6)"));
    }
    String contact = ContactDomains.ofContactInfo(report.contactInfo());
    if (contact != null && !contact.equals(DomainName.comparisonKey(name.sender()))) {
      out.add(new Warning(MailErrorCode.FILE_NAME_MISMATCH, new Location.Part(where),
          "the file name's sender " + Printable.of(DomainName.comparisonKey(name.sender()))
              + " is not the contact-info domain " + Printable.of(contact)
              + " (RFC 8460 §5.1); the report body wins (RFC 8460 §5.6)"));
    }
  }

  static java.util.Set<String> policyDomains(TlsRptReport report) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (PolicyResult p : report.policies()) {
      String d = p.policyDomain();
      if (d != null) {
        out.add(DomainName.comparisonKey(d));
      }
    }
    return out;
  }
}
