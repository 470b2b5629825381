package dev.orgauthz.internal.snapshot;

import dev.orgauthz.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The files of an AWS CLI export directory: each read once, checked against the schema of the call
 * that wrote it, with every problem recorded under the file's path relative to the directory.
 */
final class ExportFiles {
  private final Path root;
  private final Problems problems;

  ExportFiles(Path root, Problems problems) {
    this.root = root;
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  /** True when the file or directory exists. */
  boolean exists(String relative) {
    return Files.exists(root.resolve(relative));
  }

  /** A file that must exist; null, with an error recorded, when it is missing or invalid. */
  @Nullable JsonNode required(String relative) {
    if (!Files.isRegularFile(root.resolve(relative))) {
      problems.add(
          relative,
          "",
          "the file is missing: write the output of `"
              + command(relative)
              + " --output json` there, or run scripts/export-aws-org.sh again");
      return null;
    }
    return read(relative);
  }

  /** A file that may be absent; null when it is absent, or invalid (with an error recorded). */
  @Nullable JsonNode optional(String relative) {
    return Files.isRegularFile(root.resolve(relative)) ? read(relative) : null;
  }

  private @Nullable JsonNode read(String relative) {
    JsonNode node = Json.read(root.resolve(relative), relative, problems);
    if (node == null) {
      return null;
    }
    String fix =
        relative.equals("export.json")
            ? "the file is written by scripts/export-aws-org.sh; fix or remove it"
            : "it should be the unmodified output of `"
                + command(relative)
                + " --output json` (AWS CLI v2)";
    return Json.validate(node, "export/" + schema(relative), relative, fix, problems) ? node : null;
  }

  /**
   * The names of the entries of a directory, sorted; empty when it does not exist.
   *
   * @param directories true for the subdirectories, false for the files
   */
  List<String> entries(String relative, boolean directories) {
    Path dir = root.resolve(relative);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      children
          .filter(p -> Files.isDirectory(p) == directories)
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      problems.add(relative, "", "the directory cannot be listed: " + e.getMessage());
    }
    return out;
  }

  /**
   * Runs a step that builds part of the model; a {@link ModelException} becomes an error at the
   * place given.
   */
  <T> @Nullable T attempt(String file, String pointer, Supplier<T> step) {
    try {
      return step.get();
    } catch (ModelException e) {
      problems.add(file, pointer, String.valueOf(e.getMessage()));
      return null;
    }
  }

  /** The schema of a file: the name of the call that wrote it. */
  private static String schema(String relative) {
    if (relative.equals("export.json")) {
      return "export";
    }
    String[] parts = relative.split("/");
    if (parts[0].equals("iam")) {
      return "get-account-authorization-details";
    }
    String call = parts[1];
    return call.endsWith(".json") ? call.substring(0, call.length() - 5) : call;
  }

  /** The AWS CLI command that writes a file, for messages. */
  static String command(String relative) {
    if (relative.equals("export.json")) {
      return "scripts/export-aws-org.sh";
    }
    String[] parts = relative.split("/");
    if (relative.equals("iam/aws-managed-policies.json")) {
      return "aws iam get-account-authorization-details --filter AWSManagedPolicy";
    }
    if (parts[0].equals("iam")) {
      return "aws iam get-account-authorization-details --filter Role LocalManagedPolicy";
    }
    String command = "aws " + parts[0] + " " + schema(relative);
    return parts[0].equals("identitystore") && parts[1].equals("list-users.json")
        ? command + " --extensions aws:identitystore:enterprise"
        : command;
  }

  /** The name of a file without {@code .json}, or null when it does not end so. */
  static @Nullable String stem(String name) {
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : null;
  }
}
