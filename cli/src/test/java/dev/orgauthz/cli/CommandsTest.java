package dev.orgauthz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The check, explain and portal commands over the example organization. */
class CommandsTest {
  private record Run(int status, String out, String err) {
    JsonNode json() {
      return DecisionJson.JSON.readTree(out);
    }
  }

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    // As Main does: a command that cannot run throws CommandFailure; its message is one line.
    cli.setExecutionExceptionHandler(
        (e, at, parseResult) -> {
          at.getErr().println(at.getCommandSpec().qualifiedName() + ": " + e.getMessage());
          at.getErr().flush();
          return CommandFailure.EXIT_STATUS;
        });
    int status = cli.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  private static final String[] BOB_TERMINATES_IN_UAT = {
    "--user",
    "bob",
    "--action",
    "ec2:TerminateInstances",
    "--account",
    "UAT",
    "--region",
    "eu-west-1"
  };

  @Nested
  class Check {
    @Test
    void anAllowedRequestExitsWithZero() {
      Run run =
          run(
              new CheckCommand(),
              "--user",
              "alice",
              "--action",
              "organizations:LeaveOrganization",
              "--account",
              "Management");

      assertThat(run.status()).isZero();
      assertThat(run.out()).isEqualTo("Allowed\n  AdministratorAccess: Allowed\n");
      assertThat(run.err()).isEmpty();
    }

    @Test
    void aDeniedRequestExitsWithOne() {
      Run run = run(new CheckCommand(), BOB_TERMINATES_IN_UAT);

      assertThat(run.status()).isEqualTo(1);
      assertThat(run.out()).isEqualTo("ExplicitlyDenied\n  Developer: ExplicitlyDenied\n");
    }

    @Test
    void aUserWithoutAssignmentIsImplicitlyDenied() {
      Run run =
          run(
              new CheckCommand(),
              "--user",
              "erin",
              "--action",
              "s3:ListBucket",
              "--account",
              "444444444444",
              "--region",
              "eu-west-1");

      assertThat(run.status()).isEqualTo(1);
      assertThat(run.out()).startsWith("ImplicitlyDenied\n").contains("has no assignment");
    }

    @Test
    void jsonNamesEachRole() {
      Run run =
          run(
              new CheckCommand(),
              "--user",
              "dave",
              "--action",
              "ec2:RunInstances",
              "--account",
              "Development",
              "--region",
              "eu-west-1",
              "--json");

      assertThat(run.status()).isZero();
      JsonNode json = run.json();
      assertThat(json.get("decision").asString()).isEqualTo("Allowed");
      assertThat(json.get("roles").valueStream().map(r -> r.get("permissionSet").asString()))
          .containsExactly("Developer", "PowerUser");
    }

    @Test
    void contextKeysWin() {
      Run run =
          run(
              new CheckCommand(),
              "--user",
              "alice",
              "--action",
              "ec2:TerminateInstances",
              "--account",
              "Production",
              "--region",
              "eu-west-1",
              "--context",
              "aws:MultiFactorAuthPresent=true");

      assertThat(run.status()).isZero();
    }

    @Test
    void anUnknownUserIsBadInputNamingTheKnownUsers() {
      Run run =
          run(new CheckCommand(), "--user", "zed", "--action", "s3:ListBucket", "--account", "UAT");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .isEqualTo(
              "check: unknown user `zed`: use a user name or user id of Identity Center, one of"
                  + " alice, bob, carol, dave, erin\n");
    }

    @Test
    void anUnknownAccountIsBadInput() {
      Run run =
          run(
              new CheckCommand(),
              "--user",
              "bob",
              "--action",
              "s3:ListBucket",
              "--account",
              "Prod");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).startsWith("check: unknown account `Prod`: use an account id or");
    }

    @Test
    void aMissingActionIsBadInput() {
      Run run = run(new CheckCommand(), "--user", "bob", "--account", "UAT");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("--action");
    }

    @Test
    void aSnapshotThatCannotBeReadIsBadInput() {
      Run run =
          run(
              new CheckCommand(),
              "--snapshot",
              "org.json",
              "--user",
              "bob",
              "--action",
              "s3:GetObject",
              "--account",
              "UAT");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "check: cannot read snapshot `org.json`: org.json: no such file or directory: pass a"
                  + " snapshot file written by `orgauthz import`, or an AWS CLI export"
                  + " directory\n");
    }

    @Test
    void aBatchAnswersOneLinePerQuestion(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("questions.jsonl");
      Files.write(
          file,
          List.of(
              "{\"id\":\"q1\",\"user\":\"bob\",\"action\":\"ec2:TerminateInstances\","
                  + "\"resource\":\"*\",\"account\":\"UAT\","
                  + "\"context\":{\"aws:RequestedRegion\":\"eu-west-1\"}}",
              "",
              "{\"id\":2,\"user\":\"alice\",\"action\":\"ec2:TerminateInstances\","
                  + "\"account\":\"Production\",\"region\":\"eu-west-1\","
                  + "\"context\":{\"aws:MultiFactorAuthPresent\":true}}",
              "{\"id\":\"q3\",\"user\":\"nobody\",\"action\":\"s3:ListBucket\","
                  + "\"account\":\"UAT\"}"));

      Run run = run(new CheckCommand(), "--batch", file.toString());

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.out().lines())
          .containsExactly(
              "{\"id\":\"q1\",\"decision\":\"ExplicitlyDenied\","
                  + "\"roles\":[{\"permissionSet\":\"Developer\","
                  + "\"decision\":\"ExplicitlyDenied\"}]}",
              "{\"id\":2,\"decision\":\"Allowed\",\"roles\":[{\"permissionSet\":"
                  + "\"AdministratorAccess\",\"decision\":\"Allowed\"}]}",
              "{\"id\":\"q3\",\"decision\":\"Error\",\"error\":\"line 4: unknown user `nobody`:"
                  + " use a user name or user id of Identity Center, one of alice, bob, carol,"
                  + " dave, erin\"}");
    }

    @Test
    void aBatchWithEveryLineAnsweredExitsWithZero(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("questions.jsonl");
      Files.writeString(
          file,
          "{\"id\":\"q1\",\"user\":\"bob\",\"action\":\"ec2:TerminateInstances\","
              + "\"account\":\"UAT\",\"context\":{\"aws:RequestedRegion\":\"eu-west-1\"}}\n");

      assertThat(run(new CheckCommand(), "--batch", file.toString()).status()).isZero();
    }

    @Test
    void anUnreadableBatchFileIsBadInput(@TempDir Path dir) {
      Run run = run(new CheckCommand(), "--batch", dir.resolve("missing.jsonl").toString());

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "check: file `"
                  + dir.resolve("missing.jsonl")
                  + "` does not exist: give the path of a JSON Lines file\n");
    }
  }

  @Nested
  class Explain {
    @Test
    void rendersTheDecision() {
      Run run = run(new ExplainCommand(), BOB_TERMINATES_IN_UAT);

      assertThat(run.status()).isEqualTo(1);
      assertThat(run.out())
          .startsWith("Can bob perform ec2:TerminateInstances on * in UAT (666666666666)")
          .contains("Explicitly denied")
          .contains("ProtectNonProduction")
          .contains("Testing (ou-ex12-testingou)");
    }

    @Test
    void jsonNamesTheBlockingLevel() {
      List<String> args = new java.util.ArrayList<>(List.of(BOB_TERMINATES_IN_UAT));
      args.add("--json");
      Run run = run(new ExplainCommand(), args.toArray(String[]::new));

      JsonNode block = run.json().get("blockedBy").get(0);
      assertThat(block.get("permissionSet").asString()).isEqualTo("Developer");
      assertThat(block.get("levelId").asString()).isEqualTo("ou-ex12-testingou");
      assertThat(block.get("levelName").asString()).isEqualTo("Testing");
      assertThat(block.get("statements").get(0).get("sid").asString())
          .isEqualTo("DenyTerminateAndDeleteBucket");
      assertThat(run.json().get("roles").get(0).get("context").get("aws:PrincipalOrgPaths"))
          .isNotNull();
    }

    @Test
    void anAllowedRequestExitsWithZero() {
      Run run =
          run(
              new ExplainCommand(),
              "--user",
              "bob",
              "--action",
              "ec2:RunInstances",
              "--account",
              "Staging",
              "--region",
              "eu-west-1");

      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("Granted by permission set `Developer`");
    }
  }

  @Nested
  class Portal {
    @Test
    void listsTheAccountsAndPermissionSets() {
      Run run = run(new PortalCommand(), "--user", "bob");

      assertThat(run.status()).isZero();
      assertThat(run.out())
          .startsWith("bob can open 4 accounts\n\nDevelopment (777777777777)\n  Developer  arn:")
          .contains("Production (444444444444)\n  ReadOnly  arn:aws:iam::444444444444:role/")
          .contains("Staging (555555555555)")
          .contains("UAT (666666666666)");
    }

    @Test
    void json() {
      Run run = run(new PortalCommand(), "--user", "bob", "--json");

      assertThat(run.json().get("accounts").valueStream().map(a -> a.get("accountName").asString()))
          .containsExactly("Development", "Production", "Staging", "UAT");
    }

    @Test
    void anUnknownUserIsBadInput() {
      Run run = run(new PortalCommand(), "--user", "zed");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).startsWith("portal: unknown user `zed`");
    }
  }
}
