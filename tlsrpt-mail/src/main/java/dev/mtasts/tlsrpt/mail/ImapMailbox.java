package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.mail.internal.Printable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An IMAP mailbox to read report mails from, as {@code imaps://USER@HOST[:PORT]/MAILBOX} (TLS from
 * the first byte, RFC 8314 §3.2; port 993) or {@code imap://USER@HOST[:PORT]/MAILBOX} (STARTTLS,
 * RFC 3501 §6.2.1, required: the password is never sent in clear; port 143). A user name with
 * {@code @} writes it as {@code %40}; the mailbox defaults to {@code INBOX}. The URI never holds
 * the password.
 *
 * <pre>{@code
 * ImapMailbox box = ImapMailbox.parse("imaps://tlsrpt%40example.com@imap.example.com/INBOX");
 * }</pre>
 *
 * @param security how the connection is secured
 * @param user the user name
 * @param host the server's host name or address
 * @param port the server's port
 * @param mailbox the mailbox name, such as {@code INBOX} or {@code INBOX/tlsrpt}
 */
public record ImapMailbox(ImapSecurity security, String user, String host, int port,
    String mailbox) {

  /** How the connection to the IMAP server is secured; both check the certificate and host name. */
  public enum ImapSecurity {
    /** TLS from the first byte ({@code imaps:}, port 993, RFC 8314 §3.2). */
    IMAPS,
    /** A plain connection upgraded with STARTTLS before the login ({@code imap:}, port 143). */
    STARTTLS
  }

  /**
   * Checks the components.
   *
   * @param security the {@code security} component
   * @param user the {@code user} component
   * @param host the {@code host} component
   * @param port the {@code port} component
   * @param mailbox the {@code mailbox} component
   * @throws IllegalArgumentException when a name is empty or holds a control character, or the
   *     port is not 1 to 65535
   */
  public ImapMailbox {
    Objects.requireNonNull(security, "security");
    requireText("user", user);
    requireText("host", host);
    requireText("mailbox", mailbox);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1 to 65535, found " + port);
    }
  }

  /**
   * Reads a mailbox URI.
   *
   * @param uri {@code imaps://USER@HOST[:PORT]/MAILBOX} or {@code imap://USER@HOST[:PORT]/MAILBOX}
   * @return the mailbox
   * @throws TransportException with {@link TransportErrorCode#INVALID_URI} when the URI is not of
   *     that form, or holds a password
   */
  public static ImapMailbox parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    String shown = Printable.of(uri.replaceFirst("(//[^/@:]*):[^/@]*@", "$1:***@"));
    URI u;
    try {
      u = new URI(uri);
    } catch (URISyntaxException e) {
      throw invalid(shown, "not a URI (" + Printable.of(e.getReason()) + "); expected "
          + "imaps://USER@HOST[:PORT]/MAILBOX, a user name with @ written as %40");
    }
    String scheme = String.valueOf(u.getScheme()).toLowerCase(Locale.ROOT);
    ImapSecurity security;
    if (scheme.equals("imaps")) {
      security = ImapSecurity.IMAPS;
    } else if (scheme.equals("imap")) {
      security = ImapSecurity.STARTTLS;
    } else {
      throw invalid(shown, "the scheme must be imaps: (TLS) or imap: (STARTTLS)");
    }
    String userInfo = u.getUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw invalid(shown, "the URI holds a password; give it in the environment variable"
          + " MTASTS_IMAP_PASSWORD or in a password file instead, never on the command line");
    }
    if (userInfo == null || userInfo.isEmpty()) {
      throw invalid(shown, "no user name: write imaps://USER@HOST/MAILBOX");
    }
    String host = u.getHost();
    if (host == null || host.isEmpty()) {
      throw invalid(shown, "no host name: write imaps://USER@HOST/MAILBOX");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw invalid(shown, "a mailbox URI has no ?query or #fragment");
    }
    String path = u.getPath() == null ? "" : u.getPath();
    String mailbox = path.startsWith("/") ? path.substring(1) : path;
    if (mailbox.endsWith("/")) {
      mailbox = mailbox.substring(0, mailbox.length() - 1);
    }
    int port = u.getPort() < 0 ? (security == ImapSecurity.IMAPS ? 993 : 143) : u.getPort();
    try {
      return new ImapMailbox(security, userInfo, host, port, mailbox.isEmpty() ? "INBOX" : mailbox);
    } catch (IllegalArgumentException e) {
      throw invalid(shown, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Returns the mailbox as a URI, without password, as {@link #parse(String)} reads it.
   *
   * @return for example {@code imaps://tlsrpt%40example.com@imap.example.com:993/INBOX}
   */
  public String uri() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return (security == ImapSecurity.IMAPS ? "imaps" : "imap") + "://"
        + user.replace("%", "%25").replace("@", "%40").replace("/", "%2F") + "@" + h + ":"
        + port + "/" + mailbox;
  }

  private static TransportException invalid(String uri, String detail) {
    return new TransportException(TransportErrorCode.INVALID_URI, uri, detail, null);
  }

  private static void requireText(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(what + " holds a control character");
      }
    }
  }
}
