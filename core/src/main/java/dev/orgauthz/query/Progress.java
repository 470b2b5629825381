package dev.orgauthz.query;

/**
 * Told how far a long query has come, for example to draw a progress bar. May be called from
 * several threads at once, and often: an implementation decides how often to show it.
 */
@FunctionalInterface
public interface Progress {
  /**
   * The query has done {@code done} of {@code total} units of work.
   *
   * @param done the units done so far, from 0 to {@code total}
   * @param total the units in all; may grow as the query learns more
   */
  void advanced(long done, long total);

  /** A listener that ignores every report. */
  static Progress none() {
    return (done, total) -> {};
  }
}
