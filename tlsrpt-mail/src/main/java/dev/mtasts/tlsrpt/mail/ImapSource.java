package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.mail.ImapMailbox.ImapSecurity;
import dev.mtasts.tlsrpt.mail.internal.MessageBytes;
import dev.mtasts.tlsrpt.mail.internal.Printable;
import dev.mtasts.tlsrpt.mail.internal.ReportStore;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPSSLStore;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

/**
 * Reads report mails from an IMAP mailbox over TLS (IMAPS, or STARTTLS required) with Angus Mail's
 * IMAP client, and stores the reports in a folder, each under its RFC 8460 §5.1 file name,
 * atomically and idempotently: a second run writes nothing new.
 *
 * <pre>{@code
 * ImapSource source = ImapSource.newBuilder(
 *         ImapMailbox.parse("imaps://tlsrpt%40example.com@imap.example.com/INBOX"),
 *         ImapPassword.fromEnvironment(System.getenv(), "MTASTS_IMAP_PASSWORD"))
 *     .moveTo("INBOX/processed")
 *     .build();
 * FetchResult r = source.fetchInto(Path.of("example.com/reports"), (done, total) -> { });
 * }</pre>
 *
 * <p>Each mail is streamed (fetched in pieces, never marked as read) and bounded by the reader's
 * {@link MailLimits#maxMessageBytes()}: a larger mail is refused by its announced size without
 * being downloaded. A mail is stored only once it was read whole, through a temporary file renamed
 * into place, so a connection that drops in the middle of a mail leaves no partial file and a
 * re-run completes the work. A report's file name is the one {@link ReportReceiver#fileName} gives
 * (the unique id derived from organization and report-id), so a report is stored once however
 * many mails or POSTs bring it.
 *
 * <p>Optionally, processed mails (those whose reports are all stored) are moved to another
 * mailbox (created when missing) or flagged with the keyword {@value #PROCESSED_KEYWORD}, so a
 * re-run reads only new mails; mails without a report and broken mails are left where they are.
 * Instances are immutable and thread-safe; each call opens its own connection.
 */
public final class ImapSource {

  /** The IMAP keyword (RFC 3501 §2.3.2) that {@link Builder#flagProcessed()} sets. */
  public static final String PROCESSED_KEYWORD = "$TlsRptFetched";

  /** Receives the progress of a run. */
  @FunctionalInterface
  public interface Progress {
    /**
     * Tells how far the run is.
     *
     * @param done the mails handled so far
     * @param total the mails to handle
     */
    void update(int done, int total);
  }

  /** How processed mails are marked. */
  private enum Marking { NONE, MOVE, FLAG }

  private static final int MARK_BATCH = 100;

  private final ImapMailbox mailbox;
  private final ImapPassword password;
  private final TlsTrust trust;
  private final ReportMailReader reader;
  private final Marking marking;
  private final @Nullable String moveTo;
  private final Duration timeout;

  private ImapSource(Builder b) {
    this.mailbox = b.mailbox;
    this.password = b.password;
    this.trust = b.trust;
    this.reader = b.reader;
    this.marking = b.moveTo != null ? Marking.MOVE : b.flag ? Marking.FLAG : Marking.NONE;
    this.moveTo = b.moveTo;
    this.timeout = b.timeout;
  }

  /**
   * Returns a builder.
   *
   * @param mailbox the mailbox to read
   * @param password the account's password
   * @return the builder
   */
  public static Builder newBuilder(ImapMailbox mailbox, ImapPassword password) {
    return new Builder(mailbox, password);
  }

  /** Configures an {@link ImapSource}. */
  public static final class Builder {
    private final ImapMailbox mailbox;
    private final ImapPassword password;
    private TlsTrust trust = TlsTrust.system();
    private ReportMailReader reader = ReportMailReader.lenient();
    private @Nullable String moveTo;
    private boolean flag;
    private Duration timeout = Duration.ofSeconds(60);

    private Builder(ImapMailbox mailbox, ImapPassword password) {
      this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
      this.password = Objects.requireNonNull(password, "password");
    }

    /**
     * Sets which server certificates are trusted (default: the JDK's roots).
     *
     * @param newTrust the trust
     * @return this builder
     */
    public Builder trust(TlsTrust newTrust) {
      this.trust = Objects.requireNonNull(newTrust, "newTrust");
      return this;
    }

    /**
     * Sets the mail reader, with its limits (default: {@link ReportMailReader#lenient()}).
     *
     * @param newReader the reader
     * @return this builder
     */
    public Builder reader(ReportMailReader newReader) {
      this.reader = Objects.requireNonNull(newReader, "newReader");
      return this;
    }

    /**
     * Moves each processed mail to another mailbox, created when missing.
     *
     * @param destination the mailbox name, such as {@code INBOX/processed}
     * @return this builder
     * @throws IllegalArgumentException when it is empty, the mailbox read, or flagging was chosen
     */
    public Builder moveTo(String destination) {
      Objects.requireNonNull(destination, "destination");
      if (destination.isBlank()) {
        throw new IllegalArgumentException("the mailbox to move processed mails to is empty");
      }
      if (destination.equals(mailbox.mailbox())) {
        throw new IllegalArgumentException("processed mails cannot be moved to the mailbox read ("
            + Printable.of(destination) + ")");
      }
      if (flag) {
        throw new IllegalArgumentException("processed mails are either moved or flagged");
      }
      this.moveTo = destination;
      return this;
    }

    /**
     * Flags each processed mail with {@value ImapSource#PROCESSED_KEYWORD} and reads only mails
     * without it.
     *
     * @return this builder
     * @throws IllegalArgumentException when moving was chosen
     */
    public Builder flagProcessed() {
      if (moveTo != null) {
        throw new IllegalArgumentException("processed mails are either moved or flagged");
      }
      this.flag = true;
      return this;
    }

    /**
     * Sets the longest wait for the server: to connect, and for each answer (default 60 s).
     *
     * @param newTimeout the timeout, 1 second to 10 minutes
     * @return this builder
     * @throws IllegalArgumentException when it is out of range
     */
    public Builder timeout(Duration newTimeout) {
      Objects.requireNonNull(newTimeout, "newTimeout");
      if (newTimeout.compareTo(Duration.ofSeconds(1)) < 0
          || newTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
        throw new IllegalArgumentException("timeout must be 1 s to 10 min: " + newTimeout);
      }
      this.timeout = newTimeout;
      return this;
    }

    /**
     * Returns the source.
     *
     * @return the source
     */
    public ImapSource build() {
      return new ImapSource(this);
    }
  }

  /**
   * Returns the mailbox read.
   *
   * @return the mailbox
   */
  public ImapMailbox mailbox() {
    return mailbox;
  }

  /**
   * Reads every mail of the mailbox (the unflagged ones when flagging), without storing or marking
   * anything. A broken mail becomes a {@link BrokenMail}; its location is the mailbox URI and the
   * mail's UID.
   *
   * @param sink receives each mail, in mailbox order
   * @throws TransportException when the mailbox cannot be read (see {@link TransportErrorCode})
   */
  public void read(Consumer<MailEntry> sink) {
    Objects.requireNonNull(sink, "sink");
    run((entry, contents) -> {
      sink.accept(entry);
      return false;
    }, (done, total) -> { });
  }

  /**
   * Stores the reports of every mail in a folder, as the class describes, and marks the processed
   * mails when asked to.
   *
   * @param folder the folder (created when missing), for example a domain folder's {@code
   *     reports/}
   * @param progress receives the progress after each mail
   * @return what the run did
   * @throws TransportException when the mailbox cannot be read to the end (see {@link
   *     TransportErrorCode}); what was stored before stays, complete
   */
  public FetchResult fetchInto(Path folder, Progress progress) {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(progress, "progress");
    ReportStore store = new ReportStore(folder);
    int[] counts = new int[3];
    List<String> saved = new ArrayList<>();
    List<MailEntry> broken = new ArrayList<>();
    int marked = run((entry, contents) -> {
      counts[0]++;
      MailOutcome outcome = entry.outcome();
      if (outcome instanceof NotReportMail) {
        counts[1]++;
        return false;
      }
      if (!(outcome instanceof ReportMail m)) {
        broken.add(entry);
        return false;
      }
      ReportStore.Stored s;
      try {
        s = store.store(m, contents);
      } catch (MailParseException e) {
        broken.add(new MailEntry(entry.location(), new BrokenMail(e)));
        return false;
      }
      saved.addAll(s.saved());
      counts[2] += s.alreadyStored();
      return true;
    }, progress);
    return new FetchResult(counts[0], saved, counts[2], counts[1], broken, marked);
  }

  /** Handles one mail; returns whether it was processed (and is to be marked). */
  @FunctionalInterface
  private interface Handler {
    boolean handle(MailEntry entry, List<byte[]> contents);
  }

  /** Runs a handler over the mails; returns how many were marked. */
  private int run(Handler handler, Progress progress) {
    String where = mailbox.uri();
    IMAPStore store = connect(where);
    try {
      IMAPFolder folder = open(store, where);
      try {
        return readAll(store, folder, handler, progress, where);
      } finally {
        closeQuietly(folder);
      }
    } finally {
      try {
        store.close();
      } catch (MessagingException e) {
        // The work is done or already failed; a failing LOGOUT changes neither.
      }
    }
  }

  private IMAPStore connect(String where) {
    boolean imaps = mailbox.security() == ImapSecurity.IMAPS;
    String p = imaps ? "mail.imaps." : "mail.imap.";
    Properties props = new Properties();
    // The TLS context decides which certificates are trusted; the endpoint identification
    // (Angus Mail 2.0.3+ sets it on the socket) checks the host name against the certificate.
    props.put(p + "ssl.socketFactory", trust.sslContext().getSocketFactory());
    props.setProperty(p + "ssl.checkserveridentity", "true");
    if (!imaps) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    String ms = Long.toString(timeout.toMillis());
    props.setProperty(p + "connectiontimeout", ms);
    props.setProperty(p + "timeout", ms);
    // BODY.PEEK: reading a mail does not mark it \Seen (RFC 3501 §6.4.5).
    props.setProperty(p + "peek", "true");
    props.setProperty(p + "partialfetch", "true");
    props.setProperty(p + "fetchsize", Integer.toString(64 * 1024));
    Session session = Session.getInstance(props);
    IMAPStore store = imaps ? new IMAPSSLStore(session, null) : new IMAPStore(session, null);
    char[] chars = password.chars();
    try {
      store.connect(mailbox.host(), mailbox.port(), mailbox.user(), new String(chars));
      return store;
    } catch (AuthenticationFailedException e) {
      throw new TransportException(TransportErrorCode.AUTHENTICATION_FAILED, where,
          "the server refused the user name or password (" + serverText(e) + ")", e);
    } catch (MessagingException e) {
      throw connectFailure(where, e);
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
  }

  private static TransportException connectFailure(String where, MessagingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return new TransportException(TransportErrorCode.CERTIFICATE_NOT_TRUSTED, where,
            "the server's TLS certificate is not trusted (" + Printable.of(String.valueOf(
                t.getMessage())) + "); give its CA certificate as an extra trust file (PEM)", e);
      }
    }
    String text = String.valueOf(e.getMessage());
    if (text.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
      return new TransportException(TransportErrorCode.STARTTLS_NOT_OFFERED, where,
          "the server does not offer STARTTLS, and the password is never sent in clear; use"
              + " imaps: if the server has it (" + Printable.of(text) + ")", e);
    }
    if (e instanceof MailConnectException || e.getCause() instanceof IOException) {
      return new TransportException(TransportErrorCode.CONNECTION_FAILED, where,
          "cannot connect: " + Printable.of(String.valueOf(
              e.getCause() == null ? text : e.getCause().toString())), e);
    }
    return new TransportException(TransportErrorCode.SERVER_ERROR, where,
        "the server refused the connection: " + serverText(e), e);
  }

  private IMAPFolder open(IMAPStore store, String where) {
    try {
      IMAPFolder folder = (IMAPFolder) store.getFolder(mailbox.mailbox());
      folder.open(marking == Marking.NONE ? Folder.READ_ONLY : Folder.READ_WRITE);
      if (marking == Marking.FLAG && !folder.getPermanentFlags().contains(Flags.Flag.USER)) {
        closeQuietly(folder);
        throw new TransportException(TransportErrorCode.FLAG_NOT_SUPPORTED, where,
            "the mailbox does not keep keywords (no \\* in PERMANENTFLAGS), so processed mails"
                + " cannot be flagged; move them to another mailbox instead", null);
      }
      return folder;
    } catch (FolderNotFoundException e) {
      throw new TransportException(TransportErrorCode.NO_SUCH_MAILBOX, where,
          "there is no mailbox " + Printable.of(mailbox.mailbox()) + " on the server", e);
    } catch (MessagingException e) {
      throw failure(store, where, "the mailbox cannot be opened", e);
    }
  }

  private int readAll(IMAPStore store, IMAPFolder folder, Handler handler, Progress progress,
      String where) {
    @Nullable IMAPFolder destination = null;
    List<Message> pending = new ArrayList<>();
    int marked = 0;
    try {
      if (marking == Marking.MOVE) {
        destination = destination(store, where);
      }
      Message[] messages = marking == Marking.FLAG
          ? folder.search(new FlagTerm(new Flags(PROCESSED_KEYWORD), false))
          : folder.getMessages();
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add(FetchProfile.Item.SIZE);
      folder.fetch(messages, profile);
      int done = 0;
      progress.update(0, messages.length);
      for (Message m : messages) {
        if (m.isExpunged()) {
          done++;
          continue;
        }
        long uid = folder.getUID(m);
        String location = where + " UID " + uid;
        ReportMailReader.WithContents read = readOne(store, folder, (IMAPMessage) m, location);
        if (handler.handle(new MailEntry(location, read.outcome()), read.contents())
            && marking != Marking.NONE) {
          pending.add(m);
          if (pending.size() >= MARK_BATCH) {
            marked += mark(folder, destination, pending);
          }
        }
        progress.update(++done, messages.length);
      }
      marked += mark(folder, destination, pending);
      return marked;
    } catch (MessagingException e) {
      throw failure(store, where, "the server failed while the mails were read", e);
    }
  }

  private ReportMailReader.WithContents readOne(IMAPStore store, IMAPFolder folder, IMAPMessage m,
      String location) throws MessagingException {
    long size = m.getSizeLong();
    long max = reader.limits().maxMessageBytes();
    if (size > max) {
      // Refused by the size the server announces (RFC822.SIZE), without downloading it.
      return new ReportMailReader.WithContents(new BrokenMail(new MailParseException(
          MailErrorCode.INPUT_TOO_LARGE, "message", "the message is larger than the limit of "
              + max + " bytes (the server gives its size as " + size + ")")), List.of());
    }
    MessageBytes bytes = new MessageBytes(reader.limits());
    long received = 0;
    try (InputStream in = m.getMimeStream()) {
      byte[] chunk = new byte[16 * 1024];
      int n;
      while ((n = in.read(chunk)) > 0) {
        received += n;
        if (!bytes.write(chunk, 0, n)) {
          break;
        }
      }
    } catch (IOException e) {
      throw lost(location, "the connection ended while the mail was read (" + received
          + " of " + size + " bytes received)", e);
    }
    if (received < size && bytes.error() == null && (!folder.isOpen() || !store.isConnected())) {
      throw lost(location, "the connection ended while the mail was read (" + received + " of "
          + size + " bytes received)", null);
    }
    return reader.readKeepingContents(bytes);
  }

  private @Nullable IMAPFolder destination(IMAPStore store, String where)
      throws MessagingException {
    String name = Objects.requireNonNull(moveTo);
    IMAPFolder dest = (IMAPFolder) store.getFolder(name);
    if (!dest.exists() && !dest.create(Folder.HOLDS_MESSAGES)) {
      throw new TransportException(TransportErrorCode.NO_SUCH_MAILBOX, where,
          "the mailbox " + Printable.of(name) + " to move processed mails to cannot be created",
          null);
    }
    return dest;
  }

  private int mark(IMAPFolder folder, @Nullable IMAPFolder destination, List<Message> pending)
      throws MessagingException {
    if (pending.isEmpty()) {
      return 0;
    }
    Message[] batch = pending.toArray(new Message[0]);
    pending.clear();
    if (marking == Marking.FLAG) {
      folder.setFlags(batch, new Flags(PROCESSED_KEYWORD), true);
    } else if (destination != null) {
      if (((IMAPStore) folder.getStore()).hasCapability("MOVE")) {
        // RFC 6851: one atomic command.
        folder.moveMessages(batch, destination);
      } else {
        folder.copyMessages(batch, destination);
        folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
        if (((IMAPStore) folder.getStore()).hasCapability("UIDPLUS")) {
          // RFC 4315 UID EXPUNGE: only these mails.
          folder.expunge(batch);
        } else {
          folder.expunge();
        }
      }
    }
    return batch.length;
  }

  private static TransportException failure(IMAPStore store, String where, String what,
      MessagingException e) {
    if (e instanceof FolderClosedException || e instanceof StoreClosedException
        || !store.isConnected() || hasCause(e, SocketTimeoutException.class)) {
      return lost(where, "the connection ended: " + serverText(e), e);
    }
    return new TransportException(TransportErrorCode.SERVER_ERROR, where,
        what + ": " + serverText(e), e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static TransportException lost(String where, String detail, @Nullable Throwable cause) {
    return new TransportException(TransportErrorCode.CONNECTION_LOST, where,
        detail + "; nothing partial was stored, a re-run completes the work", cause);
  }

  private static String serverText(Exception e) {
    return Printable.of(String.valueOf(e.getMessage()));
  }

  private static void closeQuietly(IMAPFolder folder) {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException e) {
      // Closing only ends the selection; the work is done or already failed.
    }
  }
}
