package dev.orgauthz.testing.intent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.ExampleOrganization;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running intent files: a result per intent, and an error never passes. */
class IntentRunnerTest {
  private static final Authorizer EXAMPLE = Authorizer.compile(ExampleOrganization.snapshot());

  private static List<Intent> resource(String name) throws IOException {
    try (InputStream in = IntentRunnerTest.class.getResourceAsStream("/intents/" + name)) {
      return IntentReader.read(in, name);
    }
  }

  @Test
  void theGuardrailsOfTheExampleOrganizationHold() throws IOException {
    List<IntentResult> results = IntentRunner.run(EXAMPLE, resource("guardrails.json"));

    assertThat(results)
        .extracting(IntentResult::line)
        .containsExactly(
            "PASS  no one in Sandbox can leave the organization",
            "PASS  developers cannot terminate instances in Production",
            "PASS  administrators terminate instances in Production with MFA",
            "PASS  the Developer permission set creates no IAM users");
  }

  @Test
  void aFailureAndAnErrorAreBothFailed() throws IOException {
    List<IntentResult> results = IntentRunner.run(EXAMPLE, resource("one-fails.json"));

    assertThat(results).extracting(IntentResult::passed).containsExactly(true, false, false);
    assertThat(results.get(1).line())
        .isEqualTo(
            "FAIL  developers terminate instances everywhere in Workloads: 4 of 6 answers differ:"
                + " user `bob` in account Production (444444444444): expected Allowed, was"
                + " ExplicitlyDenied: permission set `ReadOnly`: explicit deny in service control"
                + " policy `RequireMfaForDestructiveActions` statement `DenyDestructiveWithoutMfa`"
                + " attached to Production (444444444444) (and 3 more)");
    assertThat(results.get(2).line())
        .isEqualTo(
            "FAIL  a misspelt user: error: unknown user `bbo`: use a user name or user id of"
                + " Identity Center, one of alice, bob, carol, dave, erin");
    assertThat(results.get(2).report())
        .isEqualTo(
            "a misspelt user  (one-fails.json /intents/2)\n"
                + "Expecting that user `bbo` cannot perform s3:GetObject in account `UAT`"
                + " (Denied)\n"
                + "but the intent could not run: unknown user `bbo`: use a user name or user id of"
                + " Identity Center, one of alice, bob, carol, dave, erin\n");
    assertThat(results.get(1).report())
        .startsWith(
            "developers terminate instances everywhere in Workloads  (one-fails.json"
                + " /intents/1)\nExpecting that every member of group `Developers` can perform")
        .contains("\nExplanation for user `dave` in account UAT (666666666666):\n");
  }
}
