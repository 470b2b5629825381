package dev.orgauthz.cli;

import dev.orgauthz.query.Progress;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/**
 * A progress bar on standard error, for work that takes longer than a moment: drawn only when the
 * command runs in a terminal ({@code System.console()} is not null), only once half a second has
 * passed, at most ten times a second, and cleared when the work ends.
 */
final class ProgressBar implements Progress, AutoCloseable {
  private static final long DELAY = TimeUnit.MILLISECONDS.toNanos(500);
  private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private long drawn = -1;
  private int length;

  private ProgressBar(PrintWriter err, String label, boolean enabled) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
  }

  /** A bar that draws on {@code err} when the command runs in a terminal. */
  static ProgressBar on(PrintWriter err, String label) {
    return new ProgressBar(err, label, System.console() != null);
  }

  /** A bar that draws whenever the work is slow enough, terminal or not: for tests. */
  static ProgressBar always(PrintWriter err, String label) {
    return new ProgressBar(err, label, true);
  }

  @Override
  public synchronized void advanced(long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < DELAY || (drawn >= 0 && now - drawn < INTERVAL && done < total)) {
      return;
    }
    drawn = now;
    int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, done * WIDTH / total);
    String line =
        label
            + " ["
            + "#".repeat(filled)
            + ".".repeat(WIDTH - filled)
            + "] "
            + (total <= 0 ? 0 : done * 100 / total)
            + "% "
            + done
            + "/"
            + total;
    err.print("\r" + line + " ".repeat(Math.max(0, length - line.length())));
    err.flush();
    length = line.length();
  }

  /** Clears the bar, if it was drawn. */
  @Override
  public synchronized void close() {
    if (drawn >= 0) {
      err.print("\r" + " ".repeat(length) + "\r");
      err.flush();
      drawn = -1;
    }
  }
}
