package dev.orgauthz.internal.snapshot;

import dev.orgauthz.SnapshotError;
import dev.orgauthz.SnapshotException;
import java.util.ArrayList;
import java.util.List;

/** Collects the errors of one read, so that a reader reports all it finds, not only the first. */
public final class Problems {
  private final List<SnapshotError> errors = new ArrayList<>();

  /** Records an error. */
  public void add(String file, String pointer, String message) {
    errors.add(new SnapshotError(file, pointer, message));
  }

  /** True when an error was recorded. */
  public boolean any() {
    return !errors.isEmpty();
  }

  /** The errors so far. */
  public List<SnapshotError> errors() {
    return List.copyOf(errors);
  }

  /** Throws a {@link SnapshotException} with every error, if there is one. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new SnapshotException(errors);
    }
  }
}
