package dev.mtasts.cli.internal;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error, redrawn in place with carriage returns. It is drawn
 * only when enabled (standard error is a terminal and there is enough work to be worth it), so
 * logs and pipes never see it.
 */
public final class ProgressBar {
  /** The number of files from which a bar is worth drawing. */
  public static final int THRESHOLD = 50;

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final int total;
  private final boolean enabled;
  private final String label;
  private int done;
  private int lastDrawnPercent = -1;

  /**
   * Creates a bar.
   *
   * @param err standard error
   * @param total the number of steps
   * @param enabled whether anything is drawn at all
   */
  public ProgressBar(PrintWriter err, int total, boolean enabled) {
    this(err, total, enabled, "reading reports");
  }

  /**
   * Creates a bar with its own label.
   *
   * @param err standard error
   * @param total the number of steps
   * @param enabled whether anything is drawn at all
   * @param label what is being done, such as {@code fetching mails}
   */
  public ProgressBar(PrintWriter err, int total, boolean enabled, String label) {
    this.err = err;
    this.total = total;
    this.enabled = enabled;
    this.label = label;
  }

  /**
   * Returns a bar enabled when standard error is a terminal and there are at least
   * {@link #THRESHOLD} steps.
   *
   * @param err standard error
   * @param total the number of steps
   * @param stderrIsTerminal whether standard error is a terminal
   * @return the bar
   */
  public static ProgressBar forFiles(PrintWriter err, int total, boolean stderrIsTerminal) {
    return new ProgressBar(err, total, stderrIsTerminal && total >= THRESHOLD);
  }

  /**
   * Returns whether the bar draws anything.
   *
   * @return whether it is enabled
   */
  public boolean enabled() {
    return enabled;
  }

  /** Counts one step done and redraws the bar when the percentage changed. */
  public void step() {
    done++;
    if (!enabled || total <= 0) {
      return;
    }
    int percent = (int) (100L * done / total);
    if (percent == lastDrawnPercent) {
      return;
    }
    lastDrawnPercent = percent;
    int filled = (int) ((long) WIDTH * done / total);
    StringBuilder line = new StringBuilder("\r").append(label).append(" [");
    line.append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
    line.append(done).append('/').append(total);
    err.print(line);
    err.flush();
  }

  /** Erases the bar, so what follows on the terminal starts on a clean line. */
  public void finish() {
    if (enabled && lastDrawnPercent >= 0) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
