package dev.orgauthz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code import}, {@code validate}, and {@code --snapshot} with an export or a snapshot file. */
class SnapshotCommandsTest {
  /** The checked-in export of the example organization, from the test-fixtures module. */
  private static final Path EXPORT = Path.of("../test-fixtures/src/test/resources/example-export");

  private static final String SUMMARY =
      "organization o-exampleorg1 with 7 accounts, 4 organizational units, 6 SCPs and RCPs;"
          + " Identity Center with 5 users, 4 groups, 6 permission sets, 27 assignments";

  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    picocli.CommandLine cli = new picocli.CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private Path brokenExport() throws IOException {
    Path copy = dir.resolve("export");
    try (Stream<Path> paths = Files.walk(EXPORT)) {
      for (Path path : paths.toList()) {
        Path target = copy.resolve(EXPORT.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    Files.delete(copy.resolve("organizations/list-roots.json"));
    Files.writeString(
        copy.resolve("sso-admin/list-account-assignments/444444444444/ps-ffffffffffffffff.json"),
        "{}");
    return copy;
  }

  @Test
  void importWritesASnapshotThatTheOtherCommandsRead() {
    Path file = dir.resolve("snapshot.json");

    Run imported = run(new ImportCommand(), EXPORT.toString(), "-o", file.toString());

    assertThat(imported.status()).isZero();
    assertThat(imported.out()).isEqualTo("wrote " + file + ": " + SUMMARY + "\n");
    assertThat(imported.err()).isEmpty();
    for (String snapshot : new String[] {file.toString(), EXPORT.toString()}) {
      Run check =
          run(
              new CheckCommand(),
              "--snapshot",
              snapshot,
              "--user",
              "bob",
              "--action",
              "ec2:TerminateInstances",
              "--account",
              "UAT",
              "--region",
              "eu-west-1");
      assertThat(check.status()).isEqualTo(1);
      assertThat(check.out()).isEqualTo("ExplicitlyDenied\n  Developer: ExplicitlyDenied\n");
    }
  }

  @Test
  void importOfABrokenExportListsEveryErrorAndWritesNothing() throws IOException {
    Path file = dir.resolve("snapshot.json");
    Path export = brokenExport();

    Run run = run(new ImportCommand(), export.toString(), "-o", file.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "import: organizations/list-roots.json: the file is missing: write the output of `aws"
                + " organizations list-roots --output json` there, or run scripts/export-aws-org.sh"
                + " again",
            "import: sso-admin/list-account-assignments/444444444444/ps-ffffffffffffffff.json: the"
                + " file holds assignments of permission set `ps-ffffffffffffffff`, which"
                + " sso-admin/list-permission-sets.json does not list: export the permission sets"
                + " again, or remove the file",
            "import: 2 errors in `" + export + "`; nothing written");
    assertThat(file).doesNotExist();
  }

  @Test
  void importNeedsADirectory() {
    Run run = run(new ImportCommand(), dir.resolve("none").toString(), "-o", "x.json");

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("is not a directory");
  }

  @Test
  void validateReportsNothingForTheExample() {
    Run run = run(new ValidateCommand(), EXPORT.toString());

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("0 errors, 0 findings in " + SUMMARY + "\n");
  }

  @Test
  void validateListsErrorsAndExitsWithOne() throws IOException {
    Run run = run(new ValidateCommand(), brokenExport().toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out().lines())
        .hasSize(3)
        .first()
        .isEqualTo(
            "error: organizations/list-roots.json: the file is missing: write the output of `aws"
                + " organizations list-roots --output json` there, or run scripts/export-aws-org.sh"
                + " again");
    assertThat(run.out().lines()).last().isEqualTo("2 errors, 0 findings");
  }

  @Test
  void validateListsFindingsButSucceeds() throws IOException {
    Path export = brokenExport();
    Files.writeString(
        export.resolve("organizations/list-roots.json"),
        Files.readString(EXPORT.resolve("organizations/list-roots.json")));
    Files.delete(
        export.resolve("sso-admin/list-account-assignments/444444444444/ps-ffffffffffffffff.json"));
    try (Stream<Path> iam = Files.walk(export.resolve("iam/555555555555"))) {
      for (Path path : iam.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }

    Run run = run(new ValidateCommand(), export.toString(), "--json");

    assertThat(run.status()).isZero();
    JsonNode result = DecisionJson.JSON.readTree(run.out());
    assertThat(result.get("valid").asBoolean()).isTrue();
    assertThat(result.get("errors").size()).isZero();
    assertThat(result.get("findings").get(0).get("code").asString())
        .isEqualTo("customer-managed-policy-unresolved");
  }

  @Test
  void validateOfAPathThatDoesNotExistIsBadUsage() {
    Run run = run(new ValidateCommand(), dir.resolve("none").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist");
  }
}
