/**
 * TLS-RPT reports as they travel (RFC 8460 §5): reading report mails from {@code .eml} files, mbox
 * files and Maildir folders, and composing the RFC 8460 §5.3 report mail. Built on Eclipse Angus
 * Mail (Jakarta Mail 2.x).
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.tlsrpt.mail {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.tlsrpt;
  requires jakarta.mail;

  exports dev.mtasts.tlsrpt.mail;
}
