package dev.orgauthz;

import java.util.List;

/**
 * A snapshot file or an AWS CLI export that cannot be read. It carries every error found, each
 * naming the file, the JSON pointer and the fix; the message is the first of them, with a count of
 * the others.
 */
public final class SnapshotException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // the list is an immutable copy of serializable records
  private final List<SnapshotError> errors;

  /**
   * Creates the exception.
   *
   * @param errors the errors, at least one
   */
  public SnapshotException(List<SnapshotError> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
  }

  private static String message(List<SnapshotError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a snapshot exception needs at least one error");
    }
    int more = errors.size() - 1;
    return errors.get(0)
        + (more == 0 ? "" : " (and " + more + (more == 1 ? " more error)" : " more errors)"));
  }

  /** Every error found, in the order found. */
  public List<SnapshotError> errors() {
    return errors;
  }
}
