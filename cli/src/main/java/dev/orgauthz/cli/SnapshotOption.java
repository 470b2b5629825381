package dev.orgauthz.cli;

import dev.orgauthz.Snapshot;
import dev.orgauthz.testing.ExampleOrganization;
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
        "The organization to ask about. Only the built-in example organization is available for"
            + " now: omit the option or pass `example`."
      })
  String path = EXAMPLE;

  /**
   * The snapshot.
   *
   * @throws IllegalArgumentException for any value but {@code example}
   */
  Snapshot load() {
    if (path.equals(EXAMPLE)) {
      return ExampleOrganization.snapshot();
    }
    throw new IllegalArgumentException(
        "cannot read snapshot `"
            + path
            + "`: reading snapshots from files is not supported yet; omit --snapshot to use the"
            + " built-in example organization");
  }
}
