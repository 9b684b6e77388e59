package dev.mtasts.tlsrpt.mail;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link ImapSource#fetchInto(java.nio.file.Path, ImapSource.Progress)} run did.
 *
 * @param mails how many mails were read (the unmarked ones when processed mails are flagged)
 * @param saved the file names of the reports stored by this run, in mail order
 * @param alreadyStored how many reports found were already in the folder under their file name
 * @param notReports how many mails held no report (left where they are)
 * @param broken the mails that could not be read, with their location and reason (left where they
 *     are)
 * @param marked how many mails were moved or flagged as processed
 */
public record FetchResult(int mails, List<String> saved, int alreadyStored, int notReports,
    List<MailEntry> broken, int marked) {

  /**
   * Checks the components and copies the lists.
   *
   * @param mails the {@code mails} component
   * @param saved the {@code saved} component
   * @param alreadyStored the {@code alreadyStored} component
   * @param notReports the {@code notReports} component
   * @param broken the {@code broken} component
   * @param marked the {@code marked} component
   * @throws IllegalArgumentException when a count is negative
   */
  public FetchResult {
    saved = List.copyOf(Objects.requireNonNull(saved, "saved"));
    broken = List.copyOf(Objects.requireNonNull(broken, "broken"));
    if (mails < 0 || alreadyStored < 0 || notReports < 0 || marked < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
