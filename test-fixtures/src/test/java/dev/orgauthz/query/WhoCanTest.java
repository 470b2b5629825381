package dev.orgauthz.query;

import static dev.orgauthz.testing.ExampleOrganization.DEVELOPMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.ExampleOrganization;
import org.junit.jupiter.api.Test;

/** Who can perform an action, on the example organization. */
class WhoCanTest {
  private static final WhoCan WHO_CAN =
      WhoCan.of(Authorizer.compile(ExampleOrganization.snapshot()));

  private static WhoCanQuestion.Builder who(String action) {
    return WhoCanQuestion.builder().action(action);
  }

  @Test
  void onlyAliceCanLeaveTheOrganizationFromTheManagementAccountWhereScpsDoNotApply() {
    WhoCanAnswer answer =
        WHO_CAN.ask(who("organizations:LeaveOrganization").in("Management").build());

    assertThat(answer.scope()).isEqualTo("account Management (111111111111)");
    assertThat(answer.users())
        .extracting(
            UserAccess::userName,
            a -> a.account().name(),
            UserAccess::permissionSet,
            UserAccess::via)
        .containsExactly(tuple("alice", "Management", "AdministratorAccess", "group Admins"));
    assertThat(answer.roles())
        .extracting(AllowedRole::permissionSet, AllowedRole::evaluatedPerUser)
        .containsExactly(tuple("AdministratorAccess", false));
    assertThat(answer.rolesEvaluated()).as("Admin, Billing, ReadOnly, SecurityAudit").isEqualTo(4);
    assertThat(answer.userEvaluations()).isZero();
  }

  @Test
  void nobodyCanLeaveTheOrganizationFromAMemberAccount() {
    WhoCanAnswer answer = WHO_CAN.ask(who("organizations:LeaveOrganization").in("Sandbox").build());

    assertThat(answer.scope()).isEqualTo("OU Sandbox (ou-ex12-sandboxou)");
    assertThat(answer.accounts()).extracting(a -> a.id()).containsExactly(DEVELOPMENT);
    assertThat(answer.roles()).isEmpty();
  }

  @Test
  void nobodyCanTerminateInstancesInDevelopmentBecauseTheSandboxScpDeniesEveryone() {
    WhoCanAnswer answer =
        WHO_CAN.ask(who("ec2:TerminateInstances").in("Development").region("eu-west-1").build());

    assertThat(answer.scope()).isEqualTo("account Development (777777777777)");
    assertThat(answer.users()).isEmpty();
    assertThat(answer.rolesEvaluated())
        .as("AdministratorAccess, Developer, PowerUser, ReadOnly, SecurityAudit")
        .isEqualTo(5);
  }

  @Test
  void acrossTheOrganizationTerminatingIsLeftWhereNoScpDeniesIt() {
    WhoCanAnswer answer = WHO_CAN.ask(who("ec2:TerminateInstances").region("eu-west-1").build());

    assertThat(answer.scope()).isEqualTo("the organization");
    assertThat(answer.users())
        .extracting(UserAccess::userName, a -> a.account().name(), UserAccess::permissionSet)
        .containsExactly(
            tuple("alice", "Audit", "AdministratorAccess"),
            tuple("alice", "Log Archive", "AdministratorAccess"),
            tuple("alice", "Management", "AdministratorAccess"),
            tuple("alice", "Staging", "AdministratorAccess"),
            tuple("bob", "Staging", "Developer"),
            tuple("dave", "Staging", "Developer"));
    assertThat(answer.userNames()).containsExactly("alice", "bob", "dave");
    assertThat(answer.roles())
        .extracting(r -> r.account().name(), AllowedRole::permissionSet)
        .containsExactly(
            tuple("Management", "AdministratorAccess"),
            tuple("Log Archive", "AdministratorAccess"),
            tuple("Audit", "AdministratorAccess"),
            tuple("Staging", "AdministratorAccess"),
            tuple("Staging", "Developer"));
    assertThat(answer.roles().get(4).users())
        .extracting(AllowedUser::userName, AllowedUser::direct, AllowedUser::groups)
        .containsExactly(
            tuple("bob", false, java.util.List.of("Developers")),
            tuple("dave", false, java.util.List.of("Developers")));
  }

  @Test
  void withoutARegionTheRegionScpLeavesOnlyTheAdministratorsAndTheManagementAccount() {
    WhoCanAnswer answer = WHO_CAN.ask(who("ec2:TerminateInstances").build());

    assertThat(answer.users())
        .extracting(UserAccess::userName, a -> a.account().name())
        .containsExactly(
            tuple("alice", "Audit"),
            tuple("alice", "Log Archive"),
            tuple("alice", "Management"),
            tuple("alice", "Staging"));
  }

  @Test
  void aRoleWhosePoliciesReadPrincipalTagsIsEvaluatedUserByUser() {
    WhoCanAnswer answer =
        WHO_CAN.ask(
            who("secretsmanager:GetSecretValue")
                .region("eu-west-1")
                .context("aws:ResourceTag/CostCenter", "CC-2001")
                .build());

    assertThat(answer.users())
        .filteredOn(a -> !a.userName().equals("alice"))
        .extracting(UserAccess::userName, a -> a.account().name(), UserAccess::permissionSet)
        .as("bob's cost center is CC-2001, dave's CC-2002; dave's PowerUser allows any secret")
        .containsExactly(
            tuple("bob", "Development", "Developer"),
            tuple("bob", "Staging", "Developer"),
            tuple("bob", "UAT", "Developer"),
            tuple("dave", "Development", "PowerUser"));
    assertThat(answer.roles())
        .filteredOn(AllowedRole::evaluatedPerUser)
        .extracting(r -> r.account().name(), AllowedRole::permissionSet)
        .containsExactly(
            tuple("Staging", "Developer"),
            tuple("UAT", "Developer"),
            tuple("Development", "Developer"));
    assertThat(answer.userEvaluations()).as("bob and dave in three Developer roles").isEqualTo(6);
    assertThat(answer.rolesEvaluated()).as("26 roles, 3 of them per user").isEqualTo(23);
  }

  @Test
  void theDeveloperRoleIsEvaluatedOnceForAnActionItsTagConditionDoesNotCover() {
    WhoCanAnswer answer =
        WHO_CAN.ask(who("s3:PutObject").in("Staging").region("eu-west-1").build());

    assertThat(answer.roles())
        .extracting(AllowedRole::permissionSet, AllowedRole::evaluatedPerUser)
        .containsExactly(tuple("AdministratorAccess", false), tuple("Developer", false));
    assertThat(answer.userEvaluations()).isZero();
  }

  @Test
  void anUnknownScopeSaysWhatToTypeInstead() {
    assertThatThrownBy(() -> WHO_CAN.ask(who("s3:GetObject").in("Sandbx").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown account or organizational unit `Sandbx`: use the root id r-ex12, an OU id or"
                + " name (Sandbox, Security, Testing, Workloads), or an account id or name");
  }

  @Test
  void aMalformedActionIsRejected() {
    assertThatThrownBy(() -> WhoCanQuestion.of("TerminateInstances"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "action `TerminateInstances` is not of the form service:Action, such as"
                + " `s3:GetObject`");
  }
}
