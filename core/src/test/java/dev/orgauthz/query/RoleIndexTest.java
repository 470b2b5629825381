package dev.orgauthz.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which statements make the users of a role differ, found when the role is compiled: conditions and
 * resource policy variables that read principal tags or a user's id or name.
 */
class RoleIndexTest {
  private static final String ACCOUNT = "222222222222";
  private static final String PS = "arn:aws:sso:::permissionSet/ssoins-00000000000000aa/ps-";

  private static PermissionSet set(String id, String name, String policy) {
    return PermissionSet.builder(PS + id, name)
        .inlinePolicy(Policies.parse(policy, PolicyType.IDENTITY, name))
        .build();
  }

  private static final PermissionSet TAGGED =
      set(
          "tagged0000000001",
          "Tagged",
          """
          {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
            {"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"],
             "Resource": "*",
             "Condition": {"StringEquals": {"aws:ResourceTag/Team": "${aws:PrincipalTag/Team}"}}}
          ]}
          """);

  private static final PermissionSet OWN_FOLDER =
      set(
          "ownfolder0000001",
          "OwnFolder",
          """
          {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::home/${aws:userid}/*"},
            {"Effect": "Deny", "NotAction": "s3:*", "Resource": "*",
             "Condition": {"StringNotEquals": {"identitystore:UserId": "u-1"}}}
          ]}
          """);

  private static final PermissionSet PLAIN =
      set(
          "plain00000000001",
          "Plain",
          """
          {"Version": "2008-10-17", "Statement": [
            {"Effect": "Allow", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::home/${aws:userid}/*"}
          ]}
          """);

  private static User user(String id, String team) {
    return User.of(id, id, id, id + "@example.com").withAttribute("team", team);
  }

  private static final Snapshot SNAPSHOT =
      Snapshot.builder()
          .organization(
              Organization.builder("o-smallorg001", "111111111111")
                  .root(Root.of("r-smal"))
                  .account(Account.of("111111111111", "Management", "r-smal"))
                  .account(Account.of(ACCOUNT, "App", "r-smal"))
                  .build())
          .identityCenter(
              IdentityCenter.builder("arn:aws:sso:::instance/ssoins-00000000000000aa", "d-1")
                  .homeRegion("eu-west-1")
                  .accessControlAttribute(AccessControlAttribute.of("Team", "${path:team}"))
                  .user(user("u-1", "red"))
                  .user(user("u-2", "red"))
                  .user(user("u-3", "blue"))
                  .group(Group.of("g-1", "Everyone"))
                  .membership("g-1", "u-1")
                  .membership("g-1", "u-2")
                  .membership("g-1", "u-3")
                  .permissionSet(TAGGED)
                  .permissionSet(OWN_FOLDER)
                  .permissionSet(PLAIN)
                  .assignment(AccountAssignment.toGroup(ACCOUNT, TAGGED, "g-1"))
                  .assignment(AccountAssignment.toGroup(ACCOUNT, OWN_FOLDER, "g-1"))
                  .assignment(AccountAssignment.toGroup(ACCOUNT, PLAIN, "g-1"))
                  .build())
          .build();

  private static final Authorizer AUTHZ = Authorizer.compile(SNAPSHOT);
  private static final RoleIndex INDEX = new RoleIndex(AUTHZ);

  private static RoleHandle role(PermissionSet set) {
    return INDEX.role(ACCOUNT, set.arn());
  }

  @Test
  void aPrincipalTagConditionMakesUsersDifferOnlyForTheActionsOfItsStatement() {
    assertThat(INDEX.userKeys(role(TAGGED), "ec2:StartInstances"))
        .containsExactly("aws:principaltag/team");
    assertThat(INDEX.userKeys(role(TAGGED), "ec2:TerminateInstances")).isNull();
    assertThat(INDEX.userKeys(role(TAGGED), "s3:GetObject")).isNull();
  }

  @Test
  void aUserIdInAResourceVariableOrAConditionMakesEveryUserDiffer() {
    assertThat(INDEX.userKeys(role(OWN_FOLDER), "s3:GetObject")).containsExactly("aws:userid");
    assertThat(INDEX.userKeys(role(OWN_FOLDER), "ec2:StartInstances"))
        .as("the NotAction deny covers ec2")
        .containsExactly("identitystore:userid");
  }

  @Test
  void underVersion2008AVariableIsLiteralTextAndReadsNothing() {
    assertThat(INDEX.userKeys(role(PLAIN), "s3:GetObject")).isNull();
  }

  @Test
  void usersWithTheSameTagValuesShareASignature() {
    IdentityCenter center = SNAPSHOT.identityCenter().orElseThrow();
    Set<String> keys = Set.of("aws:principaltag/team");

    String red = INDEX.signature(center.user("u-1").orElseThrow(), keys);
    assertThat(INDEX.signature(center.user("u-2").orElseThrow(), keys)).isEqualTo(red);
    assertThat(INDEX.signature(center.user("u-3").orElseThrow(), keys)).isNotEqualTo(red);
    assertThat(INDEX.signature(center.user("u-1").orElseThrow(), Set.of("aws:userid"))).isNull();
  }

  @Test
  void whoCanEvaluatesOnceForEachDistinctTagValue() {
    WhoCanAnswer answer =
        WhoCan.of(AUTHZ)
            .ask(
                WhoCanQuestion.builder()
                    .action("ec2:StartInstances")
                    .context("aws:ResourceTag/Team", "red")
                    .build());

    assertThat(answer.users()).extracting(UserAccess::userName).containsExactly("u-1", "u-2");
    assertThat(answer.roles())
        .extracting(AllowedRole::permissionSet, AllowedRole::evaluatedPerUser)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Tagged", true));
    assertThat(answer.userEvaluations())
        .as("red and blue for Tagged; u-1, u-2 and u-3 for OwnFolder")
        .isEqualTo(5);
    assertThat(answer.rolesEvaluated()).as("Plain").isEqualTo(1);
  }

  @Test
  void theUsersBehindARoleSayHowTheyAreReached() {
    assertThat(INDEX.usersOf(role(TAGGED)))
        .extracting(u -> u.user().id(), RoleIndex.RoleUser::direct, RoleIndex.RoleUser::groups)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("u-1", false, List.of("Everyone")),
            org.assertj.core.groups.Tuple.tuple("u-2", false, List.of("Everyone")),
            org.assertj.core.groups.Tuple.tuple("u-3", false, List.of("Everyone")));
  }
}
