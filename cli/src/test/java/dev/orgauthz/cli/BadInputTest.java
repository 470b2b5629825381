package dev.orgauthz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command through {@link Main}, given input it cannot use (a missing file, a directory that
 * is not an export, invalid JSON, an unknown user, account, permission set or role, a missing
 * option): one line on standard error that names the command and the problem, nothing on standard
 * output, exit status 2, and no stack trace unless {@code --debug} asks for it.
 */
class BadInputTest {
  @TempDir static Path dir;

  /** The outcome of one run: exit status and the lines of each stream. */
  record Run(int status, List<String> out, List<String> err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString().lines().toList(), err.toString().lines().toList());
  }

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("not-an-export"));
    Files.writeString(dir.resolve("not-an-export/notes.txt"), "hello");
    Files.writeString(dir.resolve("invalid.json"), "{\"organization\": ");
    Files.writeString(dir.resolve("invalid.jsonl"), "{\"user\": \n");
  }

  private static final List<String> CHECK =
      List.of("--user", "alice", "--action", "s3:GetObject", "--account", "Production");

  /** The commands that read a snapshot, each with arguments that are valid on their own. */
  private static final List<List<String>> COMMANDS =
      List.of(
          prepend("check", CHECK),
          prepend("explain", CHECK),
          List.of("portal", "--user", "alice"),
          List.of("who-can", "--action", "s3:GetObject", "--in", "Production"),
          List.of("what-can", "--user", "alice", "--account", "Production"),
          List.of("impact", "--change", "detach ProtectNonProduction from Sandbox"));

  static Stream<Arguments> badInputs() {
    List<Arguments> cases = new ArrayList<>();
    for (List<String> command : COMMANDS) {
      String name = command.get(0);
      cases.add(with(command, "missing snapshot file", "--snapshot", path("missing.json")));
      cases.add(
          with(command, "directory that is not an export", "--snapshot", path("not-an-export")));
      cases.add(with(command, "snapshot of invalid JSON", "--snapshot", path("invalid.json")));
      if (command.contains("alice")) {
        cases.add(with(replace(command, "alice", "nobody"), "unknown user"));
      }
      if (command.contains("Production")) {
        cases.add(with(replace(command, "Production", "Nowhere"), "unknown account or unit"));
      }
      if (name.equals("check") || name.equals("explain")) {
        cases.add(with(replace(command, "Production", "999999999999"), "unknown account id"));
        cases.add(with(command, "unknown permission set", "--permission-set", "Nothing"));
        cases.add(
            with(
                List.of(
                    name,
                    "--role",
                    "arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/Nobody",
                    "--action",
                    "s3:GetObject"),
                "unknown role"));
        cases.add(with(List.of(name, "--user", "alice", "--account", "UAT"), "no action"));
        cases.add(with(command, "malformed context", "--context", "no-equals-sign"));
      }
      cases.add(with(List.of(name), "no option at all"));
    }
    cases.add(
        with(prepend("check", CHECK), "missing batch file", "--batch", path("missing.jsonl")));
    cases.add(with(prepend("check", CHECK), "batch that is a directory", "--batch", path("")));
    cases.add(with(List.of("cases", path("missing-cases")), "missing cases path"));
    String output = path("out.json");
    cases.add(with(List.of("import", path("missing"), "-o", output), "missing export"));
    cases.add(with(List.of("import", path("not-an-export"), "-o", output), "not an export"));
    cases.add(with(List.of("import", path("invalid.json"), "-o", output), "a file, not an export"));
    cases.add(with(List.of("validate", path("missing")), "missing path"));
    cases.add(with(List.of("test", path("missing.json")), "missing intent file"));
    cases.add(with(List.of("test", path("invalid.json")), "intent file of invalid JSON"));
    cases.add(with(List.of("test", path("not-an-export")), "intent file that is a directory"));
    cases.add(
        with(
            List.of("test", "--snapshot", path("invalid.json"), path("invalid.json")),
            "snapshot of invalid JSON"));
    cases.add(with(List.of("impact", "--change", "paint it blue"), "change it cannot read"));
    cases.add(with(List.of("impact", "--after", path("invalid.json")), "after of invalid JSON"));
    cases.add(
        with(
            List.of("impact", "--change", "detach X from Sandbox", "--intents", path("x.json")),
            "missing intents file"));
    cases.add(with(List.of("nonsense"), "unknown command"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badInputs")
  void oneLineOnStandardErrorAndExitStatusTwo(String command, String what, List<String> args) {
    Run run = run(args.toArray(String[]::new));

    assertThat(run.status()).as("exit status").isEqualTo(2);
    assertThat(run.out()).as("standard output").isEmpty();
    assertThat(run.err()).as("standard error").hasSize(1);
    String line = run.err().get(0);
    assertThat(line).startsWith("orgauthz").doesNotContain("Exception").doesNotContain("\tat ");
    if (!command.equals("nonsense")) {
      assertThat(line).startsWith("orgauthz " + command + ": ");
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badInputs")
  void debugAddsTheStackTrace(String command, String what, List<String> args) {
    List<String> debug = prepend("--debug", args);

    Run run = run(debug.toArray(String[]::new));

    assertThat(run.status()).isEqualTo(2);
    if (command.equals("import") || command.equals("validate")) {
      // They check the path before reading it: no exception, so no trace to add.
      assertThat(run.err()).isEqualTo(run(args.toArray(String[]::new)).err());
      return;
    }
    assertThat(run.err()).hasSizeGreaterThan(1);
    if (!command.equals("nonsense")) { // the index of the unmatched argument moves
      assertThat(run.err().get(0)).isEqualTo(run(args.toArray(String[]::new)).err().get(0));
    }
    assertThat(run.err()).anyMatch(line -> line.startsWith("\tat "));
  }

  @Test
  void aBatchOfInvalidJsonAnswersEachLineWithAnError() {
    Run run = run("check", "--batch", path("invalid.jsonl"));

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).hasSize(1);
    assertThat(run.out().get(0)).startsWith("{\"decision\":\"Error\",\"error\":\"line 1: ");
  }

  /** Validate lists what is wrong on standard output, and exits with 1, as its help says. */
  @Test
  void validateListsTheErrorsOfADirectoryThatIsNotAnExport() {
    Run run = run("validate", path("not-an-export"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).first().asString().startsWith("error: organizations/");
    assertThat(run.out()).last().isEqualTo("2 errors, 0 findings");
  }

  @Test
  void aCaseOfInvalidJsonIsAFailedCaseAsTheRunnerContractSays() {
    Run run = run("cases", path("invalid.json"));

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).last().isEqualTo("0 passed, 1 failed");
  }

  private static String path(String name) {
    return dir.resolve(name).toString();
  }

  private static Arguments with(List<String> command, String what, String... extra) {
    List<String> args = new ArrayList<>(command);
    args.addAll(List.of(extra));
    return Arguments.of(command.get(0), what, args);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  private static List<String> replace(List<String> args, String from, String to) {
    return args.stream().map(a -> a.equals(from) ? to : a).toList();
  }
}
