package dev.mtasts.lifecycle.internal;

import dev.mtasts.policy.MtaStsException;
import dev.mtasts.policy.internal.files.IoMessages;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on a file shared by threads and processes: a lock file {@code <name>.lock}
 * beside it, locked with {@link FileChannel#tryLock()} (an OS lock, released by the OS when the
 * process dies, even by SIGKILL, so it never goes stale), and inside this JVM a {@link
 * ReentrantLock} per file (the OS lock is per process). The lock file is never deleted: deleting
 * it would let two processes lock two different files of the same name.
 */
public final class FileLock {
  /** How long a writer waits for another one before giving up. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private FileLock() {}

  /** The work done while the lock is held. */
  @FunctionalInterface
  public interface Action<T> {
    /**
     * Does the work.
     *
     * @return the result
     */
    T run();
  }

  /**
   * Runs {@code action} while holding the lock of {@code target}.
   *
   * @param <T> the result type
   * @param target the file the lock protects (need not exist)
   * @param action the work
   * @return what {@code action} returns
   * @throws MtaStsException if the lock cannot be taken within {@link #WAIT} or the lock file
   *     cannot be created
   */
  public static <T> T locked(Path target, Action<T> action) {
    Path absolute = target.toAbsolutePath().normalize();
    ReentrantLock local = IN_JVM.computeIfAbsent(absolute, p -> new ReentrantLock());
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      if (!local.tryLock(WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
        throw busy(absolute);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MtaStsException("interrupted while waiting for the lock of " + absolute, e);
    }
    try {
      if (local.getHoldCount() > 1) {
        // This thread already holds the OS lock too.
        return action.run();
      }
      Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE)) {
        java.nio.channels.@Nullable FileLock held = channel.tryLock();
        while (held == null) {
          if (System.nanoTime() > deadline) {
            throw busy(absolute);
          }
          sleep(absolute);
          held = channel.tryLock();
        }
        try {
          return action.run();
        } finally {
          held.release();
        }
      } catch (IOException e) {
        throw new MtaStsException("cannot lock " + absolute + " with " + lockFile + ": "
            + IoMessages.describe(e), e);
      }
    } finally {
      local.unlock();
    }
  }

  private static void sleep(Path absolute) {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MtaStsException("interrupted while waiting for the lock of " + absolute, e);
    }
  }

  private static MtaStsException busy(Path absolute) {
    return new MtaStsException("another writer has held the lock of " + absolute + " for more than "
        + WAIT.toSeconds() + " s; nothing was written");
  }
}
