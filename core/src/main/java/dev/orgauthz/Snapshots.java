package dev.orgauthz;

import dev.orgauthz.internal.snapshot.ExportReader;
import dev.orgauthz.internal.snapshot.SnapshotFiles;
import dev.orgauthz.internal.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes snapshots. Two formats are read:
 *
 * <ul>
 *   <li>an <b>AWS CLI export</b>: a directory holding the unmodified JSON output of AWS CLI v2
 *       calls, one file per call, as {@code scripts/export-aws-org.sh} writes it (the layout is in
 *       the README);
 *   <li>a <b>snapshot file</b>: the library's own format, one JSON document with {@code
 *       "schemaVersion": 1} (schema {@code dev/orgauthz/schema/snapshot-v1.schema.json} in the
 *       jar), as {@link #write} writes it.
 * </ul>
 *
 * <p>Every file is checked against its JSON Schema before use, and every reference must resolve (an
 * assignment to an unknown permission set, a policy attached to a target outside the tree, a
 * membership of an unknown user are errors, never dropped). A {@link SnapshotException} carries
 * every error found, each naming the file, the JSON pointer and the fix. Reading what {@link
 * #write} wrote gives an equal model.
 *
 * <p>AWS managed policies come from the export ({@code iam/aws-managed-policies.json}) when it has
 * them, else from the catalog bundled with the library ({@link
 * dev.orgauthz.iam.AwsManagedPolicies#bundled()}); a permission set naming one in neither is an
 * error. Only the AWS managed policies, customer managed policies and roles the model uses are
 * kept: those the permission sets name, and the {@code AWSReservedSSO_} roles.
 */
public final class Snapshots {
  private Snapshots() {}

  /**
   * Reads a snapshot file or an AWS CLI export directory, whichever the path is.
   *
   * @throws SnapshotException when the path is neither, or what it holds cannot be read
   */
  public static Snapshot read(Path path) {
    if (Files.isDirectory(path)) {
      return readExport(path);
    }
    return SnapshotFiles.readFile(path);
  }

  /**
   * Reads an AWS CLI export directory.
   *
   * @throws SnapshotException when a file is missing, malformed or inconsistent
   */
  public static Snapshot readExport(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new SnapshotException(
          List.of(
              new SnapshotError(
                  directory.toString(),
                  "",
                  "not a directory: pass the directory that scripts/export-aws-org.sh wrote")));
    }
    return ExportReader.read(directory);
  }

  /**
   * Checks a snapshot file or an export directory without throwing for what the input gets wrong:
   * the errors that keep it from being read, or the snapshot and its findings.
   */
  public static SnapshotValidation validate(Path path) {
    try {
      return SnapshotValidation.of(read(path));
    } catch (SnapshotException e) {
      return SnapshotValidation.failed(e.errors());
    }
  }

  /**
   * Writes a snapshot to a file in the library's own format, replacing the file.
   *
   * @throws UncheckedIOException when the file cannot be written
   */
  public static void write(Snapshot snapshot, Path file) {
    try {
      Files.writeString(file, toJson(snapshot), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write snapshot `" + file + "`: " + e.getMessage(), e);
    }
  }

  /** A snapshot as JSON text in the library's own format. */
  public static String toJson(Snapshot snapshot) {
    return SnapshotWriter.write(snapshot);
  }
}
