package dev.mtasts.tlsrpt.mail;

/**
 * What reading one mail gave: a {@link ReportMail}, a {@link NotReportMail} (a mail without a
 * report, which is not an error), or a {@link BrokenMail} (in a batch, where a broken mail is
 * recorded and the batch goes on).
 */
public sealed interface MailOutcome permits ReportMail, NotReportMail, BrokenMail {}
