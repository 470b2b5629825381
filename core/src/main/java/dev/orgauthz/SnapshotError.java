package dev.orgauthz;

import static java.util.Objects.requireNonNull;

/**
 * One reason a snapshot cannot be read: a file that is missing, not JSON, or not of the expected
 * shape, or a reference that does not resolve.
 *
 * @param file the file, relative to the export directory (or the snapshot file's name); empty when
 *     the error concerns no one file
 * @param pointer the JSON pointer of the offending element in the file, {@code ""} for the whole
 *     file
 * @param message what is wrong and what would fix it, lowercase, without a trailing period
 */
public record SnapshotError(String file, String pointer, String message) {
  public SnapshotError {
    requireNonNull(file, "file");
    requireNonNull(pointer, "pointer");
    requireNonNull(message, "message");
  }

  /** The error on one line: {@code file at /pointer: message}. */
  @Override
  public String toString() {
    String place = file.isEmpty() ? "" : file;
    if (!pointer.isEmpty()) {
      place = place.isEmpty() ? "at " + pointer : place + " at " + pointer;
    }
    return place.isEmpty() ? message : place + ": " + message;
  }
}
