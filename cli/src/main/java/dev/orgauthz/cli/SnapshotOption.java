package dev.orgauthz.cli;

import dev.orgauthz.Snapshot;
import dev.orgauthz.SnapshotException;
import dev.orgauthz.Snapshots;
import dev.orgauthz.testing.ExampleOrganization;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --snapshot} option shared by the commands that read an organization. */
final class SnapshotOption {
  /** The value that names the built-in example organization. */
  static final String EXAMPLE = "example";

  @Option(
      names = "--snapshot",
      paramLabel = "PATH",
      defaultValue = EXAMPLE,
      description = {
        "The organization to ask about: an AWS CLI export directory (as"
            + " scripts/export-aws-org.sh writes it), a snapshot file (as `orgauthz import`"
            + " writes it), or `example` for the built-in example organization (the default)."
      })
  String path = EXAMPLE;

  /**
   * The snapshot.
   *
   * @throws IllegalArgumentException when the path cannot be read; the message names the first
   *     error and how many more there are (`orgauthz validate PATH` lists them all)
   */
  Snapshot load() {
    if (path.equals(EXAMPLE)) {
      return ExampleOrganization.snapshot();
    }
    try {
      return Snapshots.read(Path.of(path));
    } catch (SnapshotException e) {
      throw new IllegalArgumentException(
          "cannot read snapshot `"
              + path
              + "`: "
              + e.getMessage()
              + (e.errors().size() > 1 ? "; `orgauthz validate " + path + "` lists them all" : ""),
          e);
    }
  }
}
