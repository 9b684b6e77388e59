package dev.mtasts.policy.internal.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.jspecify.annotations.Nullable;

/** Says in words what an I/O failure was, without Java class names. */
public final class IoMessages {
  private IoMessages() {}

  /**
   * Describes an I/O failure for a person.
   *
   * @param e the failure
   * @return for example {@code permission denied: /srv/history.json}
   */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException nsf) {
      return "no such file or folder: " + nsf.getFile();
    }
    if (e instanceof AccessDeniedException ade) {
      return "permission denied: " + ade.getFile();
    }
    if (e instanceof FileSystemException fse) {
      @Nullable String reason = fse.getReason();
      @Nullable String other = fse.getOtherFile();
      return (reason == null ? "file system error" : reason.toLowerCase(java.util.Locale.ROOT))
          + ": " + fse.getFile() + (other == null ? "" : " (and " + other + ")");
    }
    @Nullable String message = e.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }
}
