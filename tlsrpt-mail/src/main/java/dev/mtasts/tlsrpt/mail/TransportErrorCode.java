package dev.mtasts.tlsrpt.mail;

/** Stable codes of {@link TransportException}; the names never change between versions. */
public enum TransportErrorCode {
  /** An {@code imaps:}/{@code imap:} mailbox URI that cannot be read. */
  INVALID_URI,
  /** A password file or environment variable that is missing, empty or unreadable. */
  NO_PASSWORD,
  /** A PEM trust file that cannot be read or holds no certificate. */
  INVALID_TRUST_FILE,
  /** The server cannot be reached (refused, unknown host, timed out while connecting). */
  CONNECTION_FAILED,
  /** The server's TLS certificate is not trusted, or it is not for the host name. */
  CERTIFICATE_NOT_TRUSTED,
  /** The server offers no STARTTLS, which {@code imap:} requires (the password never goes out in clear). */
  STARTTLS_NOT_OFFERED,
  /** The server refused the user name or the password. */
  AUTHENTICATION_FAILED,
  /** The mailbox to read, or to move processed mails to, does not exist or cannot be opened. */
  NO_SUCH_MAILBOX,
  /** The server does not keep the flag that marks processed mails (no user keywords). */
  FLAG_NOT_SUPPORTED,
  /** The connection ended or timed out in the middle of the work; a re-run completes it. */
  CONNECTION_LOST,
  /** The server answered a command with an error. */
  SERVER_ERROR,
  /** A report could not be stored in the output folder. */
  STORAGE_FAILED
}
