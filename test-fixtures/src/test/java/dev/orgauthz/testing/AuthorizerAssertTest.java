package dev.orgauthz.testing;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;
import static dev.orgauthz.testing.OrgAuthzAssertions.assertThatThrownBy;
import static dev.orgauthz.testing.OrgAuthzAssertions.catchThrowableOfType;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Expectation;
import dev.orgauthz.testing.intent.Expected;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.intent.Question;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Questions written as sentences about the example organization, and what their failures say. */
class AuthorizerAssertTest {
  private static final Authorizer EXAMPLE = Authorizer.compile(ExampleOrganization.snapshot());

  @Nested
  class SentencesThatHold {
    @Test
    void noOneInSandboxCanLeaveTheOrganization() {
      assertThat(EXAMPLE)
          .everyUser()
          .cannot("organizations:LeaveOrganization")
          .inEveryAccountOf("Sandbox")
          .isBlockedByScp("DenyLeaveOrganization", "Root");
    }

    @Test
    void developersCannotTerminateInstancesInProduction() {
      assertThat(EXAMPLE)
          .group("Developers")
          .cannot("ec2:TerminateInstances")
          .inRegion("eu-west-1")
          .in("Production")
          .isExplicitlyDenied()
          .isBlockedByScp("RequireMfaForDestructiveActions", "Production");
    }

    @Test
    void developersCanRunInstancesInTheApprovedRegion() {
      assertThat(EXAMPLE)
          .group("Developers")
          .can("ec2:RunInstances")
          .inRegion("eu-west-1")
          .inEveryAccountOf("Testing")
          .isGrantedBy("Developer");
    }

    @Test
    void onlyAdministratorsWorkOutsideTheApprovedRegions() {
      assertThat(EXAMPLE)
          .group("Developers")
          .cannot("ec2:RunInstances")
          .inRegion("ap-southeast-2")
          .in("Staging")
          .isBlockedByScp("p-regions0001", "r-ex12");
      assertThat(EXAMPLE)
          .user("alice")
          .can("ec2:RunInstances")
          .inRegion("ap-southeast-2")
          .in("Staging")
          .isGrantedBy("AdministratorAccess");
    }

    @Test
    void administratorsTerminateInProductionWithMfaOnly() {
      assertThat(EXAMPLE)
          .user("alice")
          .can("ec2:TerminateInstances")
          .on("arn:aws:ec2:eu-west-1:444444444444:instance/i-0abc")
          .inRegion("eu-west-1")
          .withContext("aws:MultiFactorAuthPresent", "true")
          .in("444444444444");
      assertThat(EXAMPLE)
          .user("alice")
          .cannot("ec2:TerminateInstances")
          .inRegion("eu-west-1")
          .in("Production")
          .isBlockedByScp("RequireMfaForDestructiveActions");
    }

    @Test
    void theDeveloperPermissionSetCreatesNoIamUsersAnywhere() {
      assertThat(EXAMPLE)
          .permissionSet("Developer")
          .cannot("iam:CreateUser")
          .inEveryAccount()
          .isImplicitlyDenied();
    }

    @Test
    void aUserActingWithOnePermissionSetHasOnlyItsRights() {
      assertThat(EXAMPLE)
          .user("dave")
          .withPermissionSet("Developer")
          .cannot("ec2:TerminateInstances")
          .inRegion("eu-west-1")
          .in("Development")
          .isBlockedByScp("ProtectNonProduction", "Sandbox");
      assertThat(EXAMPLE)
          .group("Auditors")
          .withPermissionSet("ReadOnly")
          .cannot("securityhub:GetFindings")
          .inRegion("eu-west-1")
          .in("Audit")
          .isImplicitlyDenied();
    }

    @Test
    void theSCPsOfALevelBlockWhatAnAllowListLacks() {
      Authorizer small = SmallOrganization.authorizer();

      assertThat(small)
          .user("uma")
          .cannot("ec2:RunInstances")
          .in("Lab")
          .isImplicitlyDenied()
          .isBlockedByScpsAt("Restricted");
      assertThat(small).user("uma").can("s3:GetObject").in("Lab");
    }

    @Test
    void anIntentBuiltInCodeHolds() {
      Intent intent =
          Intent.of(
              Question.builder(
                      Question.Who.everyUser(),
                      "organizations:LeaveOrganization",
                      Question.Where.organizationalUnit("Workloads"))
                  .build(),
              Expectation.blockedByScp("DenyLeaveOrganization", null));

      assertThat(EXAMPLE).holds(intent);
    }
  }

  @Nested
  class Failures {
    @Test
    void showTheQuestionTheExpectedAndActualOutcomeAndTheExplanation() {
      AssertionFailedError error =
          catchThrowableOfType(
              AssertionFailedError.class,
              () ->
                  assertThat(EXAMPLE)
                      .user("bob")
                      .can("ec2:TerminateInstances")
                      .inRegion("eu-west-1")
                      .in("UAT"));

      String explanation =
          EXAMPLE
              .explain(
                  AccessRequest.builder()
                      .user("bob")
                      .action("ec2:TerminateInstances")
                      .account("UAT")
                      .region("eu-west-1")
                      .build())
              .render();
      assertThat(error.getMessage())
          .isEqualTo(
              "Expecting that user `bob` can perform ec2:TerminateInstances in account `UAT`,"
                  + " region eu-west-1 (Allowed)\n"
                  + "but 1 of 1 answer differs:\n"
                  + "  user `bob` in account UAT (666666666666): expected Allowed, was"
                  + " ExplicitlyDenied: permission set `Developer`: explicit deny in service"
                  + " control policy `ProtectNonProduction` statement"
                  + " `DenyTerminateAndDeleteBucket` attached to Testing (ou-ex12-testingou)\n"
                  + "\n"
                  + "Explanation for user `bob` in account UAT (666666666666):\n"
                  + explanation);
      assertThat(error.getExpected().getStringRepresentation())
          .isEqualTo("user `bob` in account UAT (666666666666): Allowed\n");
      assertThat(error.getActual().getStringRepresentation())
          .startsWith(
              "user `bob` in account UAT (666666666666): expected Allowed, was ExplicitlyDenied");
    }

    @Test
    void nameEachMemberAndAccountThatDiffers() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .group("Developers")
                      .can("ec2:TerminateInstances")
                      .inRegion("eu-west-1")
                      .inEveryAccountOf("Workloads"))
          .hasMessageStartingWith(
              "Expecting that every member of group `Developers` can perform"
                  + " ec2:TerminateInstances in every account of `Workloads`, region eu-west-1"
                  + " (Allowed)\n"
                  + "but 4 of 6 answers differ:\n"
                  + "  user `bob` in account Production (444444444444): expected Allowed, was"
                  + " ExplicitlyDenied: permission set `ReadOnly`: explicit deny in service"
                  + " control policy `RequireMfaForDestructiveActions` statement"
                  + " `DenyDestructiveWithoutMfa` attached to Production (444444444444)\n"
                  + "  user `bob` in account UAT (666666666666): expected Allowed, was"
                  + " ExplicitlyDenied: permission set `Developer`: explicit deny in service"
                  + " control policy `ProtectNonProduction` statement"
                  + " `DenyTerminateAndDeleteBucket` attached to Testing (ou-ex12-testingou)\n"
                  + "  user `dave` in account Production (444444444444): expected Allowed, was"
                  + " ExplicitlyDenied: permission set `ReadOnly`: explicit deny in service"
                  + " control policy `RequireMfaForDestructiveActions` statement"
                  + " `DenyDestructiveWithoutMfa` attached to Production (444444444444)\n"
                  + "  user `dave` in account UAT (666666666666): expected Allowed, was"
                  + " ExplicitlyDenied: permission set `Developer`: explicit deny in service"
                  + " control policy `ProtectNonProduction` statement"
                  + " `DenyTerminateAndDeleteBucket` attached to Testing (ou-ex12-testingou)\n"
                  + "\nExplanation for user `bob` in account Production (444444444444):\n");
    }

    @Test
    void sayWhatBlockedWhenItWasAnotherLevel() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .user("bob")
                      .cannot("ec2:TerminateInstances")
                      .inRegion("eu-west-1")
                      .in("UAT")
                      .isBlockedByScp("ProtectNonProduction", "Sandbox"))
          .hasMessageContaining(
              "  user `bob` in account UAT (666666666666): was ExplicitlyDenied, but not blocked"
                  + " by SCP `ProtectNonProduction` at `Sandbox`: permission set `Developer`:"
                  + " explicit deny in service control policy `ProtectNonProduction` statement"
                  + " `DenyTerminateAndDeleteBucket` attached to Testing (ou-ex12-testingou)\n");
    }

    @Test
    void sayWhatGrantedWhenItWasAnotherPermissionSet() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .user("dave")
                      .can("iam:CreateServiceLinkedRole")
                      .in("Development")
                      .isGrantedBy("Developer"))
          .hasMessageContaining(
              "user `dave` in account Development (777777777777): was Allowed, but not by"
                  + " permission set `Developer`: granted by permission set `PowerUser` through"
                  + " identity-based policy `PowerUserAccess` statement #1\n");
    }

    @Test
    void aDenialWithoutAnyRoleIsNotABlockBySCP() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .user("erin")
                      .cannot("organizations:LeaveOrganization")
                      .in("Development")
                      .isBlockedByScp("DenyLeaveOrganization"))
          .hasMessageContaining(
              "  user `erin` in account Development (777777777777): was ImplicitlyDenied, but"
                  + " not blocked by SCP `DenyLeaveOrganization`: erin has no assignment in"
                  + " Development (777777777777), so no role to use there\n");
    }

    @Test
    void anIntentNamesWhereItWasRead() {
      Intent intent =
          new Intent(
              "bob terminates in UAT",
              Question.builder(
                      Question.Who.user("bob"),
                      "ec2:TerminateInstances",
                      Question.Where.account("UAT"))
                  .region("eu-west-1")
                  .build(),
              Expectation.of(Expected.ALLOWED),
              "intents.json",
              "/intents/3");

      assertThatThrownBy(() -> assertThat(EXAMPLE).holds(intent))
          .hasMessageStartingWith(
              "(intents.json /intents/3)\n"
                  + "Expecting that user `bob` can perform ec2:TerminateInstances in account"
                  + " `UAT`, region eu-west-1 (Allowed)\n");
    }

    @Test
    void carryTheDescription() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .as("sandbox guardrail")
                      .user("dave")
                      .cannot("ec2:RunInstances")
                      .inRegion("eu-west-1")
                      .in("Development"))
          .hasMessageStartingWith("[sandbox guardrail] Expecting that user `dave` cannot perform");
    }
  }

  @Nested
  class MisuseAndUnknownNames {
    @Test
    void anUnknownUserIsAnError() {
      assertThatThrownBy(() -> assertThat(EXAMPLE).user("bbo").cannot("s3:GetObject").in("UAT"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unknown user `bbo`: use a user name or user id of Identity Center, one of alice,"
                  + " bob, carol, dave, erin");
    }

    @Test
    void anUnknownScpIsAnErrorNotAFailure() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .user("bob")
                      .cannot("organizations:LeaveOrganization")
                      .in("UAT")
                      .isBlockedByScp("DenyLeave"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unknown SCP `DenyLeave`: use an SCP id or one of the names DenyLeaveOrganization,"
                  + " FullAWSAccess, ProtectNonProduction, RegionRestriction,"
                  + " RequireMfaForDestructiveActions");
    }

    @Test
    void anUnknownLevelIsAnError() {
      assertThatThrownBy(
              () ->
                  assertThat(EXAMPLE)
                      .user("bob")
                      .cannot("organizations:LeaveOrganization")
                      .in("UAT")
                      .isBlockedByScp("DenyLeaveOrganization", "Sandbx"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unknown level `Sandbx`: name the root, an organizational unit or an account, by id"
                  + " or name");
    }

    @Test
    void anUnknownOrganizationalUnitIsAnError() {
      assertThatThrownBy(
              () -> assertThat(EXAMPLE).everyUser().cannot("s3:GetObject").inEveryAccountOf("Sbx"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unknown organizational unit `Sbx`: use an OU id, the root, or one of the names"
                  + " Sandbox, Security, Testing, Workloads");
    }

    @Test
    void aGroupWithoutMembersWouldHoldForAnything() {
      assertThatThrownBy(
              () ->
                  assertThat(SmallOrganization.authorizer())
                      .group("Empty")
                      .cannot("s3:GetObject")
                      .in("Lab"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "group `Empty` has no members, so the question stands for no one: ask about a user"
                  + " or add members to the group");
    }

    @Test
    void aRolePermissionSetTakesNoSecondPermissionSet() {
      assertThatThrownBy(
              () -> assertThat(EXAMPLE).permissionSet("Developer").withPermissionSet("X"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the role of permission set `Developer` acts with that permission set only: ask"
                  + " about a user or group instead");
    }
  }
}
