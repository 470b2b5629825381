package dev.orgauthz.testing;

import dev.orgauthz.Snapshot;
import dev.orgauthz.Snapshots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example organization read from its checked-in AWS CLI export ({@code example-export} in the
 * test resources, written by {@link ExportWriter#main}), and from a snapshot file written from it.
 */
final class ExampleSnapshots {
  private ExampleSnapshots() {}

  /** The directory of the checked-in export. */
  static Path exportDirectory() {
    URL url = ExampleSnapshots.class.getResource("/example-export");
    if (url == null) {
      throw new IllegalStateException("the test resources lack example-export");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The example as read from the export. Read once. */
  static Snapshot fromExport() {
    return FromExport.SNAPSHOT;
  }

  /** The example as read back from the snapshot file written from the export. Read once. */
  static Snapshot fromSnapshotFile() {
    return FromFile.SNAPSHOT;
  }

  private static final class FromExport {
    static final Snapshot SNAPSHOT = Snapshots.readExport(exportDirectory());
  }

  private static final class FromFile {
    static final Snapshot SNAPSHOT = writeAndRead(fromExport());
  }

  /** Writes a snapshot to a temporary file and reads it back. */
  static Snapshot writeAndRead(Snapshot snapshot) {
    try {
      Path file = Files.createTempFile("orgauthz-snapshot", ".json");
      try {
        Snapshots.write(snapshot, file);
        return Snapshots.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
