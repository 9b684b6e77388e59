package dev.mtasts.tlsrpt.mail.internal;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.internal.files.AtomicFile;
import dev.mtasts.tlsrpt.ReportFileName;
import dev.mtasts.tlsrpt.mail.MailErrorCode;
import dev.mtasts.tlsrpt.mail.MailParseException;
import dev.mtasts.tlsrpt.mail.ReportAttachment;
import dev.mtasts.tlsrpt.mail.ReportMail;
import dev.mtasts.tlsrpt.mail.ReportReceiver;
import dev.mtasts.tlsrpt.mail.TransportErrorCode;
import dev.mtasts.tlsrpt.mail.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores reports in a folder under their RFC 8460 §5.1 file names ({@link
 * ReportReceiver#fileName}), each written to a temporary file and renamed into place ({@link
 * AtomicFile}), so a reader of the folder never sees a partial report and a report already there is
 * not written again.
 */
public final class ReportStore {

  /**
   * What storing one mail's reports did.
   *
   * @param saved the names of the files written
   * @param alreadyStored how many reports were there already
   */
  public record Stored(List<String> saved, int alreadyStored) {
    /**
     * Copies the list.
     *
     * @param saved the {@code saved} component
     * @param alreadyStored the {@code alreadyStored} component
     */
    public Stored {
      saved = List.copyOf(saved);
    }
  }

  private final Path folder;

  /**
   * Creates a store.
   *
   * @param folder the folder, created on the first write
   */
  public ReportStore(Path folder) {
    this.folder = folder;
  }

  /**
   * Stores the reports of a mail as they were sent (the decoded attachment bytes).
   *
   * @param mail the mail
   * @param contents the decoded content of each attachment, in attachment order
   * @return what was written
   * @throws MailParseException with {@link MailErrorCode#INVALID_REPORT} when a report cannot be
   *     given an RFC 8460 §5.1 file name
   * @throws TransportException with {@link TransportErrorCode#STORAGE_FAILED} when a file cannot
   *     be written
   */
  public Stored store(ReportMail mail, List<byte[]> contents) {
    if (contents.size() != mail.attachments().size()) {
      throw new IllegalArgumentException("one content per attachment is needed");
    }
    List<String> saved = new ArrayList<>();
    int already = 0;
    for (int i = 0; i < contents.size(); i++) {
      ReportAttachment a = mail.attachments().get(i);
      byte[] content = contents.get(i);
      boolean gzip = content.length >= 2 && (content[0] & 0xff) == 0x1f
          && (content[1] & 0xff) == 0x8b;
      ReportFileName name;
      try {
        name = ReportReceiver.fileName(a.report(), gzip);
      } catch (IllegalArgumentException e) {
        throw new MailParseException(MailErrorCode.INVALID_REPORT, "part " + a.part(),
            "the report cannot be given an RFC 8460 §5.1 file name: "
                + Printable.of(String.valueOf(e.getMessage())), e);
      }
      Path target = folder.resolve(name.fileName());
      if (Files.exists(target)) {
        already++;
        continue;
      }
      write(target, content);
      saved.add(name.fileName());
    }
    return new Stored(saved, already);
  }

  /**
   * Writes a file atomically, creating its folder when missing.
   *
   * @param target the file
   * @param content its content
   * @throws TransportException with {@link TransportErrorCode#STORAGE_FAILED} when it cannot be
   *     written (no partial file is left)
   */
  public static void write(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      AtomicFile.write(target, out -> out.write(content));
    } catch (IOException | MtaStsException e) {
      throw new TransportException(TransportErrorCode.STORAGE_FAILED, target.toString(),
          "the report cannot be stored: " + Printable.of(String.valueOf(e.getMessage())), e);
    }
  }
}
