package dev.mtasts.tlsrpt.mail;

import dev.mtasts.tlsrpt.mail.internal.MboxSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads every mail of a single {@code .eml} file, an mbox file or a Maildir folder, one at a time
 * and in bounded memory: an mbox of any size costs at most one message (bounded by {@link
 * MailLimits#maxMessageBytes()}). A broken mail becomes a {@link BrokenMail} and the source goes
 * on with the next one.
 *
 * <pre>{@code
 * MailSource.read(Path.of("Maildir"), ReportMailReader.lenient(), entry -> {
 *   if (entry.outcome() instanceof ReportMail m) {
 *     m.reports().forEach(summary::add);
 *   }
 * });
 * }</pre>
 */
public final class MailSource {

  /** The kinds of source, as {@link #detect(Path)} tells them apart by content. */
  public enum Kind {
    /** One RFC 5322 message in a file. */
    EML,
    /**
     * An mbox file (RFC 4155): messages each after a {@code From } line, as mboxo and mboxrd (with
     * {@code >From } quoting) are written by Thunderbird, mutt, Dovecot and formail.
     */
    MBOX,
    /** A Maildir folder: one message per file in {@code cur/} and {@code new/}. */
    MAILDIR
  }

  private static final int SNIFF = 4096;

  private MailSource() {}

  /**
   * Tells what kind of mail source a path is, by its content rather than its name: a folder with a
   * {@code cur} or {@code new} sub-folder is a Maildir, a file that starts with {@code From } an
   * mbox, a file that starts with a header field ({@code Name: value}, the name starting with a
   * letter) a message.
   *
   * @param path the path
   * @return the kind, or empty when the path is none of them (a JSON or gzip report, say)
   * @throws MailParseException with {@link MailErrorCode#READ_FAILED} when the file cannot be read
   */
  public static Optional<Kind> detect(Path path) {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      return Files.isDirectory(path.resolve("cur")) || Files.isDirectory(path.resolve("new"))
          ? Optional.of(Kind.MAILDIR) : Optional.empty();
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(path)) {
      head = in.readNBytes(SNIFF);
    } catch (IOException e) {
      throw new MailParseException(
          MailErrorCode.READ_FAILED, "message", "cannot read " + path + ": " + e.getMessage(), e);
    }
    return detect(head);
  }

  /**
   * Tells what kind of mail a file's first bytes start.
   *
   * @param head the first bytes (4 KiB are plenty)
   * @return {@link Kind#EML} or {@link Kind#MBOX}, or empty
   */
  public static Optional<Kind> detect(byte[] head) {
    Objects.requireNonNull(head, "head");
    if (startsWith(head, "From ")) {
      return Optional.of(Kind.MBOX);
    }
    // RFC 5322 §2.2: a field name is printable US-ASCII except ':', then ':'. Every field a
    // message starts with (Received, Return-Path, From, Delivered-To, X-...) starts with a
    // letter, which tells a message from JSON ('{'), gzip (1F 8B) and text.
    if (head.length == 0 || !((head[0] >= 'A' && head[0] <= 'Z') || (head[0] >= 'a' && head[0] <= 'z'))) {
      return Optional.empty();
    }
    int i = 0;
    while (i < head.length && head[i] > 32 && head[i] < 127 && head[i] != ':') {
      i++;
    }
    return i > 0 && i < head.length && head[i] == ':' ? Optional.of(Kind.EML) : Optional.empty();
  }

  /**
   * Reads every mail of a source.
   *
   * @param path an {@code .eml} file, an mbox file or a Maildir folder
   * @param reader the mail reader
   * @param sink receives each mail, in order (Maildir: {@code cur/} then {@code new/}, by name)
   * @throws MailParseException with {@link MailErrorCode#READ_FAILED} when the source cannot be read
   *     or is not a mail source
   */
  public static void read(Path path, ReportMailReader reader, Consumer<MailEntry> sink) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(sink, "sink");
    Kind kind = detect(path).orElseThrow(() -> new MailParseException(MailErrorCode.READ_FAILED,
        "message", path + " is not an .eml file, an mbox file or a Maildir folder", null));
    switch (kind) {
      case EML -> sink.accept(readFile(path, reader));
      case MBOX -> {
        try (InputStream in = Files.newInputStream(path)) {
          readMbox(in, path.toString(), reader, sink);
        } catch (IOException e) {
          throw new MailParseException(
              MailErrorCode.READ_FAILED, "message", "cannot read " + path + ": " + e.getMessage(), e);
        }
      }
      case MAILDIR -> {
        for (String sub : List.of("cur", "new")) {
          for (Path f : list(path.resolve(sub))) {
            sink.accept(readFile(f, reader));
          }
        }
      }
    }
  }

  /**
   * Reads every mail of an mbox stream. The stream is not closed.
   *
   * @param in the mbox content
   * @param name the name to give in each entry's location
   * @param reader the mail reader
   * @param sink receives each mail, in order
   * @throws MailParseException with {@link MailErrorCode#READ_FAILED} when the stream fails
   */
  public static void readMbox(
      InputStream in, String name, ReportMailReader reader, Consumer<MailEntry> sink) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    try {
      new MboxSplitter(in, reader.limits()).forEach((number, line, bytes) ->
          sink.accept(new MailEntry(name + " message " + number + " (line " + line + ")",
              reader.readCollected(bytes))));
    } catch (IOException e) {
      throw new MailParseException(
          MailErrorCode.READ_FAILED, "message", "cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static MailEntry readFile(Path f, ReportMailReader reader) {
    MailOutcome outcome;
    try {
      outcome = reader.read(f);
    } catch (MailParseException e) {
      outcome = new BrokenMail(e);
    }
    return new MailEntry(f.toString(), outcome);
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      throw new MailParseException(
          MailErrorCode.READ_FAILED, "message", "cannot list " + dir + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static boolean startsWith(byte[] head, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (head.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (head[i] != p[i]) {
        return false;
      }
    }
    return true;
  }
}
