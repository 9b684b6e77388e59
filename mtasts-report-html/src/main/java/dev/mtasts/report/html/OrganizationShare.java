package dev.mtasts.report.html;

import java.util.Objects;

/**
 * What one reporting organization ({@code organization-name}, RFC 8460 §4.4) reported about one
 * policy domain.
 *
 * @param organization the organization name as reported (untrusted text)
 * @param reports the distinct reports it sent about the domain
 * @param sessions the sessions in them, by the domain-level rule of {@link
 *     dev.mtasts.tlsrpt.ReportSummary} (the larger of the STS and TLSA figures of one report)
 */
public record OrganizationShare(String organization, long reports, long sessions) {
  /**
   * Checks the components.
   *
   * @param organization the organization name
   * @param reports the report count, at least 1
   * @param sessions the session count, at least 0
   * @throws IllegalArgumentException when a count is out of range
   */
  public OrganizationShare {
    Objects.requireNonNull(organization, "organization");
    if (reports < 1 || sessions < 0) {
      throw new IllegalArgumentException(
          "organization share needs reports >= 1 and sessions >= 0, not " + reports + ", " + sessions);
    }
  }
}
