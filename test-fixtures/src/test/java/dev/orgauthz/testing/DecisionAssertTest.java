package dev.orgauthz.testing;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;
import static dev.orgauthz.testing.OrgAuthzAssertions.assertThatThrownBy;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import org.junit.jupiter.api.Test;

/** Assertions about one decision and its roles. */
class DecisionAssertTest {
  private static final Authorizer EXAMPLE = Authorizer.compile(ExampleOrganization.snapshot());

  private static Decision ask(String user, String action, String account, String region) {
    return EXAMPLE.explain(
        AccessRequest.builder().user(user).action(action).account(account).region(region).build());
  }

  @Test
  void aDecisionAllowedByOneRoleOfTwo() {
    Decision decision = ask("dave", "iam:CreateServiceLinkedRole", "Development", "eu-west-1");

    assertThat(decision)
        .isAllowed()
        .isGrantedBy("PowerUser")
        .hasRoles("Developer", "PowerUser")
        .hasNoMissingContextKeys();
    assertThat(decision).role("Developer").isImplicitlyDenied().isUsable();
    assertThat(decision).role("PowerUser").isAllowed();
  }

  @Test
  void aDecisionBlockedByAnScpAtItsLevel() {
    Decision decision = ask("bob", "s3:DeleteBucket", "Development", "eu-west-1");

    assertThat(decision)
        .isExplicitlyDenied()
        .isBlockedByScp("ProtectNonProduction", "ou-ex12-sandboxou")
        .isBlockedByScpsAt("Sandbox");
    assertThat(decision).role("Developer").isBlockedByScp("p-nonprod0001");
  }

  @Test
  void aFailureShowsTheExpectationTheDifferenceAndTheExplanation() {
    Decision decision = ask("bob", "ec2:RunInstances", "UAT", "eu-west-1");

    assertThatThrownBy(() -> assertThat(decision).isExplicitlyDenied())
        .hasMessage(
            "Expecting the decision to be ExplicitlyDenied\n"
                + "but expected ExplicitlyDenied, was Allowed: granted by permission set"
                + " `Developer` through identity-based policy `Developer inline policy` statement"
                + " `BuildAndRunWorkloads`\n"
                + "\n"
                + decision.render());
  }

  @Test
  void theMissingContextKeysAreComparedWithoutCase() {
    Decision decision = ask("bob", "secretsmanager:GetSecretValue", "UAT", "eu-west-1");

    assertThat(decision).isImplicitlyDenied().hasMissingContextKeys("aws:ResourceTag/CostCenter");
    assertThatThrownBy(() -> assertThat(decision).hasNoMissingContextKeys())
        .hasMessageStartingWith(
            "Expecting the request to lack the condition keys []\n"
                + "but it lacked [aws:resourcetag/costcenter]\n");
  }

  @Test
  void aRoleThatIsNotThereFailsAndNamesTheRoles() {
    Decision decision = ask("bob", "ec2:RunInstances", "UAT", "eu-west-1");

    assertThatThrownBy(() -> assertThat(decision).role("ReadOnly"))
        .hasMessage(
            "Expecting a role of permission set `ReadOnly`\n"
                + "but the roles were [Developer]\n"
                + "\n"
                + decision.render());
  }

  @Test
  void aRoleFailureNamesTheRoleAndShowsTheWholeDecision() {
    Decision decision = ask("carol", "secretsmanager:GetSecretValue", "Audit", "eu-west-1");

    assertThat(decision).isExplicitlyDenied().hasRoles("ReadOnly", "SecurityAudit");
    assertThatThrownBy(() -> assertThat(decision).role("ReadOnly").isExplicitlyDenied())
        .hasMessage(
            "Expecting the role of permission set `ReadOnly` to be ExplicitlyDenied\n"
                + "but expected ExplicitlyDenied, was ImplicitlyDenied: permission set"
                + " `ReadOnly`: no identity-based policy allows it\n"
                + "\n"
                + decision.render());
  }

  @Test
  void theRolesOfAnotherSetFail() {
    Decision decision = ask("bob", "ec2:RunInstances", "UAT", "eu-west-1");

    assertThatThrownBy(() -> assertThat(decision).hasRoles("Developer", "ReadOnly"))
        .hasMessageStartingWith(
            "Expecting the roles of the decision to be [Developer, ReadOnly]\n"
                + "but they were [Developer]\n");
  }
}
