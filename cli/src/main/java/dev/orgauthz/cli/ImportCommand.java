package dev.orgauthz.cli;

import dev.orgauthz.Snapshot;
import dev.orgauthz.SnapshotError;
import dev.orgauthz.SnapshotException;
import dev.orgauthz.Snapshots;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orgauthz import}: reads an AWS CLI export and writes a snapshot file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Reads an AWS CLI export of an organization (the directory scripts/export-aws-org.sh"
          + " writes) and writes it as one snapshot file, which every command reads with"
          + " --snapshot. Every file of the export is checked first; when one is wrong, every error"
          + " is listed with its file, JSON pointer and fix, and nothing is written."
    },
    footer = {
      "",
      "Example:",
      "  $ scripts/export-aws-org.sh org-export",
      "  $ orgauthz import org-export -o snapshot.json",
      "  $ orgauthz check --snapshot snapshot.json --user alice@example.com"
          + " --action ec2:TerminateInstances --account Production",
      "",
      "Exit status: 0 written, 2 the export cannot be read or the file cannot be written."
    })
final class ImportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "EXPORT_DIR", description = "The export directory.")
  Path export = Path.of(".");

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "The snapshot file to write; replaced when it exists.")
  Path output = Path.of("snapshot.json");

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(export)) {
      err.println(
          spec.qualifiedName()
              + ": `"
              + export
              + "` is not a directory: pass the directory scripts/export-aws-org.sh wrote");
      err.flush();
      return 2;
    }
    if (!Files.isDirectory(export.resolve("organizations"))) {
      // Not an export at all: one line, rather than every file it lacks.
      err.println(
          spec.qualifiedName()
              + ": `"
              + export
              + "` is not an AWS CLI export (it has no organizations/ directory): pass the"
              + " directory scripts/export-aws-org.sh wrote");
      err.flush();
      return 2;
    }
    Snapshot snapshot;
    try {
      snapshot = Snapshots.readExport(export);
    } catch (SnapshotException e) {
      for (SnapshotError error : e.errors()) {
        err.println(spec.qualifiedName() + ": " + error);
      }
      err.println(
          spec.qualifiedName()
              + ": "
              + e.errors().size()
              + (e.errors().size() == 1 ? " error" : " errors")
              + " in `"
              + export
              + "`; nothing written");
      err.flush();
      return 2;
    }
    try {
      Snapshots.write(snapshot, output);
    } catch (UncheckedIOException e) {
      err.println(spec.qualifiedName() + ": " + e.getMessage());
      err.flush();
      return 2;
    }
    out.println("wrote " + output + ": " + ValidateCommand.summary(snapshot));
    int findings = snapshot.findings().size();
    if (findings > 0) {
      out.println(
          (findings == 1 ? "1 finding" : findings + " findings")
              + ": list them with `orgauthz validate "
              + output
              + "`");
    }
    out.flush();
    return 0;
  }
}
