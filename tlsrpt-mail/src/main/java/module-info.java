/**
 * TLS-RPT reports as they travel (RFC 8460 §5): reading report mails from {@code .eml} files, mbox
 * files, Maildir folders and IMAP mailboxes (IMAPS or STARTTLS), and composing the RFC 8460 §5.3 report mail (built on Eclipse Angus
 * Mail, Jakarta Mail 2.x), and the RFC 8460 §5.4 HTTPS POST both ways (the JDK's HTTP client and
 * an embeddable {@code com.sun.net.httpserver} handler).
 */
@org.jspecify.annotations.NullMarked
module dev.mtasts.tlsrpt.mail {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.tlsrpt;
  requires jakarta.mail;
  requires transitive java.net.http;
  requires transitive jdk.httpserver;

  exports dev.mtasts.tlsrpt.mail;
}
