package dev.orgauthz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The who-can, what-can and impact commands over the example organization. */
class QueryCommandsTest {
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

  @Nested
  class WhoCan {
    @Test
    void onlyAliceCanLeaveTheOrganizationFromManagement() {
      Run run =
          run(
              new WhoCanCommand(),
              "--action",
              "organizations:LeaveOrganization",
              "--in",
              "Management");

      assertThat(run.status()).isZero();
      assertThat(run.err()).as("no progress bar outside a terminal").isEmpty();
      assertThat(run.out())
          .isEqualTo(
              """
              Who can organizations:LeaveOrganization in account Management (111111111111), \
              no region?
              1 user through 1 role in 1 account

              USER   ACCOUNT                    PERMISSION SET       VIA
              alice  Management (111111111111)  AdministratorAccess  group Admins

              ACCOUNT                    PERMISSION SET       USERS  EVALUATED
              Management (111111111111)  AdministratorAccess  1      once for the role

              4 roles evaluated once each, 0 decisions for one user of a role
              """);
    }

    @Test
    void nobodyCanTerminateInDevelopmentAndTheOutputSaysHowToSeeWhy() {
      Run run =
          run(
              new WhoCanCommand(),
              "--action",
              "ec2:TerminateInstances",
              "--account",
              "Development",
              "--region",
              "eu-west-1");

      assertThat(run.status()).isZero();
      assertThat(run.out())
          .isEqualTo(
              """
              Who can ec2:TerminateInstances in account Development (777777777777), \
              region eu-west-1?
              0 users through 0 roles in 0 accounts
              To see why for one user, run `orgauthz explain --user NAME --action \
              ec2:TerminateInstances --account ACCOUNT`
              """);
    }

    @Test
    void jsonListsUsersAndRoles() {
      Run run =
          run(
              new WhoCanCommand(),
              "--action",
              "secretsmanager:GetSecretValue",
              "--ou",
              "Workloads",
              "--region",
              "eu-west-1",
              "--context",
              "aws:ResourceTag/CostCenter=CC-2001",
              "--json");

      JsonNode json = run.json();
      assertThat(json.get("scope").asString()).isEqualTo("OU Workloads (ou-ex12-workloads)");
      assertThat(json.get("accountsInScope").asInt()).isEqualTo(3);
      assertThat(json.get("userEvaluations").asInt())
          .as("bob and dave, Staging and UAT")
          .isEqualTo(4);
      assertThat(
              json.get("users")
                  .valueStream()
                  .map(u -> u.get("user").asString() + "@" + u.get("accountName").asString()))
          .containsExactly(
              "alice@Production", "alice@Staging", "alice@UAT", "bob@Staging", "bob@UAT");
      JsonNode developer = json.get("roles").get(2);
      assertThat(developer.get("permissionSet").asString()).isEqualTo("Developer");
      assertThat(developer.get("evaluatedPerUser").asBoolean()).isTrue();
    }

    @Test
    void anUnknownScopeExitsWithTwoAndSaysWhatToType() {
      Run run = run(new WhoCanCommand(), "--action", "s3:GetObject", "--in", "Sandbx");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo(
              "who-can: unknown account or organizational unit `Sandbx`: use the root id r-ex12, an"
                  + " OU id or name (Sandbox, Security, Testing, Workloads), or an account id or"
                  + " name\n");
    }

    @Test
    void helpShowsARealExample() {
      Run help = run(new WhoCanCommand(), "--help");
      Run example =
          run(new WhoCanCommand(), "--action", "ec2:TerminateInstances", "--region", "eu-west-1");

      assertThat(help.out())
          .contains("$ orgauthz who-can --action ec2:TerminateInstances --region eu-west-1");
      String shown = help.out().substring(help.out().indexOf("  Who can"));
      for (String line : shown.substring(0, shown.indexOf("  ...")).lines().toList()) {
        assertThat(example.out()).contains(line.strip());
      }
    }
  }

  @Nested
  class WhatCan {
    @Test
    void whatBobCanDoInStaging() {
      Run run =
          run(
              new WhatCanCommand(),
              "--user",
              "bob",
              "--account",
              "Staging",
              "--region",
              "eu-west-1",
              "--actions",
              "mentioned");

      assertThat(run.status()).isZero();
      assertThat(run.out())
          .isEqualTo(
              """
              What can bob do in Staging (555555555555), region eu-west-1?
              Permission sets: Developer; over 28 actions of 10 services

              SERVICE  ALLOWED  ACTIONS
              ec2      all      3 of 3
              iam      some     1 of 5
              s3       all      6 of 6

              iam: iam:ListRoles

              None in: account, budgets, cloudtrail, organizations, rds, secretsmanager, securityhub

              No action granted by a permission set is blocked by service control policies
              """);
    }

    @Test
    void theScpBlockedActionsOfPowerUserInDevelopment() {
      Run run =
          run(
              new WhatCanCommand(),
              "--permission-set",
              "PowerUser",
              "--account",
              "Development",
              "--region",
              "eu-west-1",
              "--actions",
              "mentioned");

      assertThat(run.out())
          .endsWith(
              """
              Granted by a permission set but blocked by service control policies:

              PERMISSION SET  ACTION                  BLOCKED BY
              PowerUser       ec2:TerminateInstances  explicit deny: ProtectNonProduction \
              DenyTerminateAndDeleteBucket at Sandbox (ou-ex12-sandboxou)
              PowerUser       s3:DeleteBucket         explicit deny: ProtectNonProduction \
              DenyTerminateAndDeleteBucket at Sandbox (ou-ex12-sandboxou)
              """);
    }

    @Test
    void jsonHasEveryServiceAndTheBlockedActions() {
      Run run =
          run(
              new WhatCanCommand(),
              "--permission-set",
              "PowerUser",
              "--account",
              "777777777777",
              "--actions",
              "mentioned",
              "--json");

      JsonNode json = run.json();
      assertThat(json.get("principal").asString()).isEqualTo("permission set PowerUser");
      assertThat(json.get("services")).hasSize(10);
      assertThat(json.get("blockedByScps").get(0).get("reason").asString())
          .isEqualTo(
              "explicit deny: RegionRestriction DenyOutsideApprovedRegions at Root (r-ex12)");
    }

    @Test
    void helpShowsARealExample() {
      Run help = run(new WhatCanCommand(), "--help");
      Run example =
          run(
              new WhatCanCommand(),
              "--permission-set",
              "PowerUser",
              "--account",
              "Development",
              "--region",
              "eu-west-1");

      String shown = help.out().substring(help.out().indexOf("  What can"));
      shown = shown.substring(0, shown.indexOf("More:"));
      for (String line : shown.lines().map(String::strip).toList()) {
        if (!line.equals("...")) {
          assertThat(example.out()).contains(line);
        }
      }
    }

    @Test
    void byDefaultEveryActionOfEveryServiceIsAsked() {
      Run run =
          run(
              new WhatCanCommand(),
              "--user",
              "bob",
              "--account",
              "Staging",
              "--region",
              "eu-west-1");

      assertThat(run.status()).isZero();
      assertThat(run.out())
          .contains("\nec2             all      ")
          .contains("\nlambda          all      ")
          .contains("\niam: iam:Get")
          .contains("\nNone in: a2c, a4b, ");
      assertThat(run.out().lines()).allMatch(line -> line.length() <= 100);
    }

    @Test
    void withoutPrincipalItSaysWhatToType() {
      Run run = run(new WhatCanCommand(), "--account", "Staging");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo("what-can: name the principal with --user NAME or --permission-set NAME\n");
    }
  }

  @Nested
  class Impact {
    @Test
    void detachingTheSandboxScpFlipsTerminateAndDeleteBucketInDevelopment() {
      Run run =
          run(
              new ImpactCommand(),
              "--change",
              "detach ProtectNonProduction from Sandbox",
              "--region",
              "eu-west-1");

      assertThat(run.status()).as("decisions flip").isEqualTo(1);
      assertThat(run.out())
          .startsWith(
              """
              Impact of: detach ProtectNonProduction from Sandbox
              Can affect: accounts Development (777777777777)
              Asked 112 of 644 questions (users x accounts x actions the policies name), \
              region eu-west-1
              8 decisions flip

              USER   ACCOUNT                     ACTION                  BEFORE            AFTER
              alice  Development (777777777777)  ec2:TerminateInstances  ExplicitlyDenied  Allowed
              alice  Development (777777777777)  s3:DeleteBucket         ExplicitlyDenied  Allowed
              bob    Development (777777777777)  ec2:TerminateInstances  ExplicitlyDenied  Allowed
              bob    Development (777777777777)  s3:DeleteBucket         ExplicitlyDenied  Allowed
              carol  Development (777777777777)  ec2:TerminateInstances  ExplicitlyDenied  \
              ImplicitlyDenied
              carol  Development (777777777777)  s3:DeleteBucket         ExplicitlyDenied  \
              ImplicitlyDenied
              dave   Development (777777777777)  ec2:TerminateInstances  ExplicitlyDenied  Allowed
              dave   Development (777777777777)  s3:DeleteBucket         ExplicitlyDenied  Allowed

              Why, before and after:

              alice ec2:TerminateInstances in Development (777777777777)
                before: ExplicitlyDenied: permission set `AdministratorAccess`: explicit deny in \
              service control policy `ProtectNonProduction` statement \
              `DenyTerminateAndDeleteBucket` \
              attached to Sandbox (ou-ex12-sandboxou)
                after:  Allowed: permission set `AdministratorAccess` through \
              identity-based policy \
              `AdministratorAccess` statement #0
              """);
    }

    @Test
    void helpShowsARealExample() {
      Run help = run(new ImpactCommand(), "--help");
      Run example =
          run(
              new ImpactCommand(),
              "--change",
              "detach ProtectNonProduction from Sandbox",
              "--region",
              "eu-west-1");

      String shown = help.out().substring(help.out().indexOf("  Impact of:"));
      for (String line : shown.substring(0, shown.indexOf("  ...")).lines().toList()) {
        assertThat(example.out()).contains(line.strip());
      }
    }

    @Test
    void movingDevelopmentToWorkloadsAsJson() {
      Run run =
          run(
              new ImpactCommand(),
              "--change",
              "move Development to Workloads",
              "--region",
              "eu-west-1",
              "--json");

      JsonNode json = run.json();
      assertThat(json.get("changes").get(0).asString()).isEqualTo("move Development to Workloads");
      assertThat(json.get("flips")).hasSize(8);
      JsonNode bob = json.get("flips").get(2);
      assertThat(bob.get("user").asString()).isEqualTo("bob");
      assertThat(bob.get("before").asString()).isEqualTo("ExplicitlyDenied");
      assertThat(bob.get("after").asString()).isEqualTo("Allowed");
      assertThat(bob.get("explanationBefore").get("blockedBy").get(0).get("levelName").asString())
          .isEqualTo("Sandbox");
      assertThat(
              bob.get("explanationAfter").get("grantedBy").get(0).get("permissionSet").asString())
          .isEqualTo("Developer");
    }

    @Test
    void intentsAreAskedLineByLine(@TempDir Path dir) throws IOException {
      Path intents = dir.resolve("intents.jsonl");
      Files.writeString(
          intents,
          """
          {"id":"uat","user":"bob","action":"ec2:TerminateInstances","account":"UAT",\
          "region":"eu-west-1"}
          {"id":"dev","user":"bob","action":"ec2:TerminateInstances","account":"Development",\
          "region":"eu-west-1"}
          """);

      Run run =
          run(
              new ImpactCommand(),
              "--change",
              "detach ProtectNonProduction from Sandbox",
              "--intents",
              intents.toString(),
              "--json");

      JsonNode json = run.json();
      assertThat(json.get("questions").asInt()).isEqualTo(2);
      assertThat(json.get("asked").asInt()).isEqualTo(1);
      assertThat(json.get("flips").get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void theIntentsOfAnIntentsFileAreHeldBeforeAndAfter(@TempDir Path dir) throws IOException {
      Path intents = dir.resolve("guardrails.json");
      Files.writeString(
          intents,
          """
          {"intents": [
            {"name": "no one in Sandbox can leave the organization", "everyUser": true,
             "action": "organizations:LeaveOrganization", "ou": "Sandbox", "expect": "Denied"},
            {"name": "sandbox buckets survive the Developer permission set",
             "permissionSet": "Developer", "action": "s3:DeleteBucket", "ou": "Sandbox",
             "region": "eu-west-1", "expect": "ExplicitlyDenied"}
          ]}
          """);

      Run run =
          run(
              new ImpactCommand(),
              "--change",
              "detach ProtectNonProduction from Sandbox",
              "--intents",
              intents.toString());

      assertThat(run.status()).isEqualTo(1);
      assertThat(run.out())
          .contains("Asked 6 of 6 questions of " + intents)
          .contains("1 decision flips")
          .endsWith(
              """
              BEFORE  AFTER  INTENT
              PASS    PASS   no one in Sandbox can leave the organization
              PASS    FAIL   sandbox buckets survive the Developer permission set
              """);
    }

    @Test
    void aChangeWithNoFlipExitsWithZero() {
      Run run = run(new ImpactCommand(), "--change", "attach DenyLeaveOrganization to Staging");

      assertThat(run.err()).isEmpty();
      assertThat(run.status()).isZero();
      assertThat(run.out())
          .isEqualTo(
              """
              Impact of: attach DenyLeaveOrganization to Staging
              Can affect: accounts Staging (555555555555)
              Asked 112 of 644 questions (users x accounts x actions the policies name), no region
              0 decisions flip
              """);
    }

    @Test
    void anUnknownChangeSaysWhichFormsThereAre() {
      Run run = run(new ImpactCommand(), "--change", "remove PowerUser from dave");

      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err())
          .startsWith(
              "impact: unknown change `remove PowerUser from dave`: write `detach POLICY from"
                  + " TARGET`");
    }

    @Test
    void withoutChangeItSaysWhatToType() {
      Run run = run(new ImpactCommand());

      assertThat(run.err())
          .isEqualTo(
              "impact: give the change with --change 'detach POLICY from TARGET' (see --help for"
                  + " the others), or the changed snapshot with --after PATH\n");
    }
  }

  @Nested
  class Progress {
    @Test
    void aQuickJobDrawsNothing() {
      StringWriter err = new StringWriter();
      try (ProgressBar bar = ProgressBar.always(new PrintWriter(err), "who-can")) {
        bar.advanced(5, 10);
        bar.advanced(10, 10);
      }
      assertThat(err.toString()).isEmpty();
    }

    @Test
    void aSlowJobDrawsABarAndClearsIt() throws InterruptedException {
      StringWriter err = new StringWriter();
      try (ProgressBar bar = ProgressBar.always(new PrintWriter(err), "who-can")) {
        Thread.sleep(600);
        bar.advanced(5, 10);
      }
      String line = "who-can [###############...............] 50% 5/10";
      assertThat(err.toString()).isEqualTo("\r" + line + "\r" + " ".repeat(line.length()) + "\r");
    }
  }
}
