package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * T18 of the semantics reference: a user with two permission sets in one account has two roles and
 * uses one per session, so a task that needs what each allows alone is allowed by neither.
 */
class PermissionSetsAreNeverMergedTest {
  private static final String ACCOUNT = "222222222222";

  private static PermissionSet onlyService(String name, String service, String id) {
    return PermissionSet.builder(
            "arn:aws:sso:::permissionSet/ssoins-00000000000000t1/ps-" + id, name)
        .inlinePolicy(
            Policies.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
                    + service
                    + ":*\",\"Resource\":\"*\"}]}",
                PolicyType.IDENTITY,
                name))
        .build();
  }

  private static Authorizer twoPermissionSets() {
    PermissionSet ec2 = onlyService("Ec2Only", "ec2", "0000000000000001");
    PermissionSet s3 = onlyService("S3Only", "s3", "0000000000000002");
    Snapshot snapshot =
        Snapshot.builder()
            .organization(
                Organization.builder("o-t18example1", "111111111111")
                    .root(Root.of("r-t18x"))
                    .account(Account.of("111111111111", "Management", "r-t18x"))
                    .account(Account.of(ACCOUNT, "Z", "r-t18x"))
                    .build())
            .identityCenter(
                IdentityCenter.builder("arn:aws:sso:::instance/ssoins-00000000000000t1", "d-t18")
                    .homeRegion("eu-west-1")
                    .user(User.of("u-1", "uma", "Uma", "uma@example.com"))
                    .permissionSet(ec2)
                    .permissionSet(s3)
                    .assignment(AccountAssignment.toUser(ACCOUNT, ec2, "u-1"))
                    .assignment(AccountAssignment.toUser(ACCOUNT, s3, "u-1"))
                    .build())
            .build();
    return Authorizer.compile(snapshot);
  }

  private static Set<String> rolesAllowing(Decision decision) {
    Set<String> out = new HashSet<>();
    for (RoleDecision role : decision.roles()) {
      if (role.outcome() == Outcome.ALLOWED) {
        out.add(role.permissionSet());
      }
    }
    return out;
  }

  @Test
  void t18NoSingleSessionAllowsBothEc2AndS3() {
    Authorizer authorizer = twoPermissionSets();
    Decision ec2 =
        authorizer.explain(
            AccessRequest.builder().user("uma").action("ec2:RunInstances").account("Z").build());
    Decision s3 =
        authorizer.explain(
            AccessRequest.builder()
                .user("uma")
                .action("s3:PutObject")
                .resource("arn:aws:s3:::uploads/report.csv")
                .account("Z")
                .build());

    assertThat(ec2.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(s3.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(ec2.roles())
        .extracting(RoleDecision::permissionSet, RoleDecision::outcome)
        .containsExactly(tuple("Ec2Only", Outcome.ALLOWED), tuple("S3Only", Outcome.IMPLICIT_DENY));
    assertThat(s3.roles())
        .extracting(RoleDecision::permissionSet, RoleDecision::outcome)
        .containsExactly(tuple("Ec2Only", Outcome.IMPLICIT_DENY), tuple("S3Only", Outcome.ALLOWED));
    Set<String> both = rolesAllowing(ec2);
    both.retainAll(rolesAllowing(s3));
    assertThat(both).as("roles that allow both in one session").isEmpty();
    assertThat(ec2.roles().get(0).roleArn()).isNotEqualTo(ec2.roles().get(1).roleArn());
  }

  @Test
  void inTheExampleOrganizationDaveCannotCreateADatabaseAndPassAnAppRoleInOneSession() {
    Authorizer authorizer = Authorizer.compile(ExampleOrganization.snapshot());
    Decision database =
        authorizer.explain(
            AccessRequest.builder()
                .user("dave")
                .action("rds:CreateDBInstance")
                .account("Development")
                .region("eu-west-1")
                .build());
    Decision passRole =
        authorizer.explain(
            AccessRequest.builder()
                .user("dave")
                .action("iam:PassRole")
                .resource("arn:aws:iam::777777777777:role/app/db-monitoring")
                .account("Development")
                .region("eu-west-1")
                .build());

    assertThat(rolesAllowing(database)).containsExactly("PowerUser");
    assertThat(rolesAllowing(passRole)).containsExactly("Developer");
    assertThat(List.of(database.outcome(), passRole.outcome())).containsOnly(Outcome.ALLOWED);
  }

  @Test
  void withoutControlPolicyTypesEnabledNoScpOrRcpApplies() {
    Authorizer authorizer = twoPermissionSets();
    Decision decision =
        authorizer.explain(
            AccessRequest.builder().user("uma").action("ec2:RunInstances").account("Z").build());

    assertThat(decision.roles().get(0).result().layers())
        .filteredOn(layer -> !layer.applies())
        .extracting(layer -> layer.note())
        .contains(
            "the SERVICE_CONTROL_POLICY type is not enabled in the organization",
            "the RESOURCE_CONTROL_POLICY type is not enabled in the organization");
  }
}
