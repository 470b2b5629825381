package dev.orgauthz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code orgauthz test}: intents over the example organization. */
class TestCommandTest {
  @TempDir Path dir;

  private record Run(int status, List<String> out, String err) {}

  /** Runs the command as the entry point does: a {@link CommandFailure} exits with status 2. */
  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new TestCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setExecutionExceptionHandler(
        (e, at, parsed) -> {
          if (!(e instanceof CommandFailure)) {
            throw e;
          }
          at.getErr().println("test: " + e.getMessage());
          at.getErr().flush();
          return CommandFailure.EXIT_STATUS;
        });
    int status = cli.execute(args);
    return new Run(status, out.toString().lines().toList(), err.toString());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static final String HOLDS =
      """
      {"intents": [
        {"name": "no one in Sandbox can leave the organization", "everyUser": true,
         "action": "organizations:LeaveOrganization", "ou": "Sandbox", "expect": "Denied",
         "blockedBy": "DenyLeaveOrganization"},
        {"group": "Developers", "action": "ec2:TerminateInstances", "account": "Production",
         "region": "eu-west-1", "expect": "ExplicitlyDenied",
         "blockedBy": {"scp": "RequireMfaForDestructiveActions", "level": "Production"}}
      ]}
      """;

  @Test
  void intentsThatHoldPassWithExitStatusZero() throws IOException {
    Run run = run("--snapshot", "example", write("guardrails.json", HOLDS).toString());

    assertThat(run.status()).isZero();
    assertThat(run.out())
        .containsExactly(
            "PASS  no one in Sandbox can leave the organization",
            "PASS  every member of group `Developers` cannot perform ec2:TerminateInstances in"
                + " account `Production`, region eu-west-1 (ExplicitlyDenied, blocked by SCP"
                + " `RequireMfaForDestructiveActions` at `Production`)",
            "2 passed, 0 failed");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void theSnapshotIsAnExportDirectory() throws IOException {
    Path export = Path.of("../test-fixtures/src/test/resources/example-export");

    Run run = run("--snapshot", export.toString(), write("guardrails.json", HOLDS).toString());

    assertThat(run.status()).isZero();
    assertThat(run.out()).last().isEqualTo("2 passed, 0 failed");
  }

  @Test
  void aFailureIsExplainedAndTheExitStatusIsOne() throws IOException {
    Path guardrails = write("guardrails.json", HOLDS);
    Path wrong =
        write(
            "wrong.json",
            """
            {"intents": [
              {"name": "bob terminates in UAT", "user": "bob",
               "action": "ec2:TerminateInstances", "account": "UAT", "region": "eu-west-1",
               "expect": "Allowed"},
              {"name": "a misspelt group", "group": "Devs", "action": "s3:GetObject",
               "account": "UAT", "expect": "Denied"}
            ]}
            """);

    Run run = run(guardrails.toString(), wrong.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out().subList(0, 5))
        .containsExactly(
            "PASS  no one in Sandbox can leave the organization",
            "PASS  every member of group `Developers` cannot perform ec2:TerminateInstances in"
                + " account `Production`, region eu-west-1 (ExplicitlyDenied, blocked by SCP"
                + " `RequireMfaForDestructiveActions` at `Production`)",
            "FAIL  bob terminates in UAT: 1 of 1 answer differs: user `bob` in account UAT"
                + " (666666666666): expected Allowed, was ExplicitlyDenied: permission set"
                + " `Developer`: explicit deny in service control policy `ProtectNonProduction`"
                + " statement `DenyTerminateAndDeleteBucket` attached to Testing"
                + " (ou-ex12-testingou)",
            "FAIL  a misspelt group: error: unknown group `Devs`: use a group id or one of the"
                + " names Admins, Auditors, Developers, Finance",
            "");
    assertThat(run.out())
        .contains(
            "bob terminates in UAT  (" + wrong + " /intents/0)",
            "Can bob perform ec2:TerminateInstances on * in UAT (666666666666), region"
                + " eu-west-1?",
            "a misspelt group  (" + wrong + " /intents/1)",
            "but the intent could not run: unknown group `Devs`: use a group id or one of the"
                + " names Admins, Auditors, Developers, Finance");
    assertThat(run.out().get(run.out().size() - 1)).isEqualTo("2 passed, 2 failed");
    assertThat(run.out().get(run.out().size() - 2)).isEmpty();
  }

  @Test
  void anIntentFileThatCannotBeReadExitsWithTwo() throws IOException {
    Path broken =
        write(
            "broken.json",
            "{\"intents\": [{\"user\": \"bob\", \"action\": \"s3:GetObject\", \"account\":"
                + " \"UAT\", \"expect\": \"Deny\"}]}");
    Path missing = dir.resolve("missing.json");

    Run bad = run(broken.toString());
    Run absent = run(missing.toString());

    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err())
        .isEqualTo(
            "test: "
                + broken
                + " at /intents/0/expect: `Deny` is not one of Allowed, Denied, ExplicitlyDenied,"
                + " ImplicitlyDenied: use one of them\n");
    assertThat(absent.status()).isEqualTo(2);
    assertThat(absent.err()).isEqualTo("test: " + missing + ": does not exist: check the path\n");
  }

  @Test
  void aSnapshotThatCannotBeReadExitsWithTwo() throws IOException {
    Run run = run("--snapshot", dir.toString(), write("guardrails.json", HOLDS).toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("test: ").contains(dir.toString());
    assertThat(run.out()).isEmpty();
  }

  @Test
  void helpShowsTheFormatAndAnExample() {
    Run run = run("--help");

    assertThat(run.status()).isZero();
    assertThat(String.join("\n", run.out()))
        .contains("Usage: test [-hV] [--snapshot=PATH] INTENTS.json...")
        .contains("  $ orgauthz test --snapshot example guardrails.json")
        .contains("Exit status: 0 when every intent held, 1 when one failed, 2 for bad usage");
  }
}
