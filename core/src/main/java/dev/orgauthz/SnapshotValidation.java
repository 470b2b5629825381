package dev.orgauthz;

import dev.orgauthz.policy.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of {@link Snapshots#validate}: the errors that keep a snapshot from being read, or the
 * snapshot with its findings.
 *
 * @param errors why the snapshot cannot be read; empty when it was read
 * @param findings what is suspicious but legal in it; empty when it could not be read
 * @param snapshot the snapshot, or null when there are errors
 */
public record SnapshotValidation(
    List<SnapshotError> errors, List<Finding> findings, @Nullable Snapshot snapshot) {
  public SnapshotValidation {
    errors = List.copyOf(errors);
    findings = List.copyOf(findings);
    if (errors.isEmpty() == (snapshot == null)) {
      throw new IllegalArgumentException("a validation has either errors or a snapshot");
    }
  }

  /** A snapshot that was read, with its findings. */
  static SnapshotValidation of(Snapshot snapshot) {
    return new SnapshotValidation(List.of(), snapshot.findings(), snapshot);
  }

  /** Input that could not be read. */
  static SnapshotValidation failed(List<SnapshotError> errors) {
    return new SnapshotValidation(errors, List.of(), null);
  }

  /** True when the snapshot was read. */
  public boolean valid() {
    return errors.isEmpty();
  }
}
