package dev.orgauthz.internal.snapshot;

import dev.orgauthz.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Reads a snapshot file, telling it apart from other JSON a user may pass by mistake. */
public final class SnapshotFiles {
  private SnapshotFiles() {}

  /**
   * Reads a file in the library's own format.
   *
   * @throws dev.orgauthz.SnapshotException when it is missing, not JSON, or not a snapshot
   */
  public static Snapshot readFile(Path path) {
    Problems problems = new Problems();
    String name = path.toString();
    if (!Files.exists(path)) {
      problems.add(
          name,
          "",
          "no such file or directory: pass a snapshot file written by `orgauthz import`, or an"
              + " AWS CLI export directory");
      problems.throwIfAny();
    }
    JsonNode root = Json.read(path, name, problems);
    problems.throwIfAny();
    if (root == null) {
      throw new IllegalStateException("a file without errors was not read");
    }
    if (!SnapshotReader.looksLikeSnapshot(root)) {
      problems.add(
          name,
          "",
          root.isObject() && root.has("Organization")
              ? "this is one file of an AWS CLI export: pass the export's directory instead"
              : "the file is not an orgauthz snapshot (it has no schemaVersion): pass a snapshot"
                  + " file written by `orgauthz import`, or an AWS CLI export directory");
      problems.throwIfAny();
    }
    return SnapshotReader.read(root, name);
  }
}
