package dev.mtasts.policy.internal.files;

import dev.mtasts.policy.MtaStsException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jspecify.annotations.Nullable;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content: the
 * new bytes go to a temporary file in the same folder, are forced to disk, and the temporary
 * file is renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the new content; may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes the content.
     *
     * @param out the stream of the temporary file
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Forces the rename itself to disk, so that after a power loss the folder names the new file.
   * A process crash does not need this (the rename is atomic in the kernel); platforms that cannot
   * open a folder for reading skip it.
   */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Best effort: the new content is already in place and complete.
    }
  }

  /**
   * Replaces {@code target} with what {@code body} writes.
   *
   * @param target the file to replace (or create)
   * @param body writes the new content
   * @throws MtaStsException if anything fails; {@code target} is then unchanged and the
   *     temporary file is removed
   */
  public static void write(Path target, Body body) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null) {
      throw new MtaStsException("cannot write " + absolute + ": it is not a file in a folder");
    }
    @Nullable Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING);
          OutputStream out = Channels.newOutputStream(channel)) {
        body.writeTo(out);
        out.flush();
        channel.force(true);
      }
      // Same folder, so the rename stays on one file system and can be atomic. No fallback to a
      // non-atomic move: that would give up the very guarantee this class exists for.
      Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      temp = null;
      forceDirectory(dir);
    } catch (IOException e) {
      throw new MtaStsException("cannot write " + absolute + " (the previous version, if any, is"
          + " unchanged): " + IoMessages.describe(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The write already failed; a leftover temporary file is harmless and named as such.
        }
      }
    }
  }
}
