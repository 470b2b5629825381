package dev.orgauthz.query;

import static dev.orgauthz.testing.ExampleOrganization.DEVELOPMENT;
import static dev.orgauthz.testing.ExampleOrganization.SANDBOX_OU;
import static dev.orgauthz.testing.ExampleOrganization.STAGING;
import static dev.orgauthz.testing.ExampleOrganization.WORKLOADS_OU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.PrincipalType;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Changes made to a copy of the example organization. */
class ChangeTest {
  private static final Snapshot EXAMPLE = ExampleOrganization.snapshot();

  private static ControlPolicy policy(Snapshot snapshot, String name) {
    return snapshot.organization().policies().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void detachAndAttachMoveTheTargetsOfAControlPolicy() {
    Snapshot changed =
        Change.apply(
            EXAMPLE,
            List.of(
                new Change.DetachPolicy("ProtectNonProduction", "Sandbox"),
                new Change.AttachPolicy("p-nonprod0001", "Staging")));

    assertThat(policy(changed, "ProtectNonProduction").targets())
        .containsExactly("ou-ex12-testingou", STAGING);
    assertThat(policy(EXAMPLE, "ProtectNonProduction").targets())
        .as("the original is untouched")
        .containsExactly(SANDBOX_OU, "ou-ex12-testingou");
  }

  @Test
  void moveChangesTheParentOfTheAccount() {
    Snapshot changed =
        Change.apply(EXAMPLE, List.of(new Change.MoveAccount("Development", "Workloads")));

    assertThat(changed.organization().account(DEVELOPMENT).orElseThrow().parentId())
        .isEqualTo(WORKLOADS_OU);
  }

  @Test
  void assignmentsAreAddedForUsersAndGroupsByName() {
    Snapshot changed =
        Change.apply(
            EXAMPLE,
            List.of(
                new Change.AddAssignment("Staging", "PowerUser", "erin"),
                new Change.AddAssignment("Staging", "Billing", "Finance")));

    assertThat(changed.identityCenter().orElseThrow().assignments())
        .filteredOn(a -> a.accountId().equals(STAGING))
        .extracting(AccountAssignment::principalType)
        .endsWith(PrincipalType.USER, PrincipalType.GROUP);
  }

  @Test
  void editReplacesTheDocumentOfAnScp() {
    var document =
        Policies.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"ec2:*\",\"Resource\":\"*\"}]}",
            PolicyType.SERVICE_CONTROL,
            "new");

    Snapshot changed =
        Change.apply(EXAMPLE, List.of(new Change.EditPolicy("ProtectNonProduction", document)));

    assertThat(policy(changed, "ProtectNonProduction").document()).isSameAs(document);
  }

  @Test
  void detachingAPolicyThatIsNotAttachedThereSaysWhereItIs() {
    assertThatThrownBy(
            () ->
                Change.apply(
                    EXAMPLE, List.of(new Change.DetachPolicy("ProtectNonProduction", "Staging"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "`ProtectNonProduction` is not attached to Staging (555555555555) directly: detach it"
                + " from one of ou-ex12-sandboxou, ou-ex12-testingou");
  }

  @Test
  void anUnknownPolicyListsTheKnownOnes() {
    assertThatThrownBy(
            () -> Change.apply(EXAMPLE, List.of(new Change.AttachPolicy("DenyAll", "Sandbox"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot attach `DenyAll`: no SCP or RCP has that id or name; use one of"
                + " DenyLeaveOrganization, FullAWSAccess, ProtectNonProduction, RegionRestriction,"
                + " RequireMfaForDestructiveActions");
  }

  @Test
  void anEditedDocumentMustBeOfTheKindItReplaces() {
    var identity =
        Policies.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}",
            PolicyType.IDENTITY,
            "identity");

    assertThatThrownBy(
            () ->
                Change.apply(
                    EXAMPLE, List.of(new Change.EditPolicy("RegionRestriction", identity))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the new document of `RegionRestriction` was parsed as ");
  }

  @Test
  void movingAnAccountIntoAnAccountIsRejected() {
    assertThatThrownBy(
            () -> Change.apply(EXAMPLE, List.of(new Change.MoveAccount("Development", "Staging"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot move Development (777777777777) into account `Staging`: an account's parent is"
                + " the root or an OU");
  }
}
