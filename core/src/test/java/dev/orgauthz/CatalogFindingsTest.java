package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.policy.Finding;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Actions and condition keys the bundled catalog does not know are findings of the snapshot, and
 * never change a decision: patterns are matched as patterns, whatever the catalog lists.
 */
class CatalogFindingsTest {
  private static Snapshot snapshot() {
    PermissionSet admin =
        SnapshotTest.set("Admin").awsManagedPolicy(SnapshotTest.ADMIN_ARN).build();
    return Snapshot.builder()
        .organization(
            SnapshotTest.org()
                .policy(
                    ControlPolicy.scp(
                        "p-denyreads1",
                        "DenyReads",
                        Policies.parse(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                                + "\"Action\":[\"s3:Get*\",\"s3:GetObjekt\"],\"Resource\":\"*\"},"
                                + "{\"Effect\":\"Deny\",\"Action\":\"ec2:RunInstances\","
                                + "\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                                + "{\"aws:SecureTransportt\":\"false\"}}}]}",
                            PolicyType.SERVICE_CONTROL,
                            "scp DenyReads"),
                        List.of(SnapshotTest.OU)))
                .build())
        .identityCenter(
            SnapshotTest.center(admin)
                .assignment(AccountAssignment.toUser(SnapshotTest.MEMBER, admin, "u-1"))
                .build())
        .awsManagedPolicies(
            AwsManagedPolicies.of(
                List.of(
                    ManagedPolicy.awsManaged(
                        "/", "AdministratorAccess", Docs.allowAll(PolicyType.IDENTITY)))))
        .build();
  }

  @Test
  void unknownActionsAndKeysOfTheOrganizationsPoliciesAreFindings() {
    assertThat(snapshot().findings())
        .extracting(Finding::code, Finding::source, Finding::pointer)
        .containsExactly(
            tuple("unknown-action", "scp DenyReads", "/Statement/0/Action/1"),
            tuple(
                "unknown-condition-key",
                "scp DenyReads",
                "/Statement/1/Condition/Bool/aws:SecureTransportt"));
  }

  @Test
  void anActionTheCatalogDoesNotKnowIsStillMatchedAsAPattern() {
    Authorizer authz = Authorizer.compile(snapshot());
    AccessRequest.Builder request =
        AccessRequest.builder().user("ann").account(SnapshotTest.MEMBER).region("eu-west-1");

    assertThat(authz.decide(request.action("brandnewservice:DoSomething").build()))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(authz.decide(request.action("s3:GetBrandNewThing").build()))
        .as("the deny of s3:Get* covers an action the catalog has never heard of")
        .isEqualTo(Outcome.EXPLICIT_DENY);
  }
}
