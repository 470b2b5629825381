package dev.orgauthz.query;

import static dev.orgauthz.testing.ExampleOrganization.DEVELOPMENT;
import static dev.orgauthz.testing.ExampleOrganization.SANDBOX_OU;
import static dev.orgauthz.testing.ExampleOrganization.WORKLOADS_OU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Block;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The impact of changes to the example organization. */
class ImpactTest {
  private static final Authorizer AUTHZ = Authorizer.compile(ExampleOrganization.snapshot());

  private static final Tuple[] TERMINATE_AND_DELETE_IN_DEVELOPMENT = {
    tuple("alice", "ec2:TerminateInstances", Outcome.EXPLICIT_DENY, Outcome.ALLOWED),
    tuple("alice", "s3:DeleteBucket", Outcome.EXPLICIT_DENY, Outcome.ALLOWED),
    tuple("bob", "ec2:TerminateInstances", Outcome.EXPLICIT_DENY, Outcome.ALLOWED),
    tuple("bob", "s3:DeleteBucket", Outcome.EXPLICIT_DENY, Outcome.ALLOWED),
    tuple("carol", "ec2:TerminateInstances", Outcome.EXPLICIT_DENY, Outcome.IMPLICIT_DENY),
    tuple("carol", "s3:DeleteBucket", Outcome.EXPLICIT_DENY, Outcome.IMPLICIT_DENY),
    tuple("dave", "ec2:TerminateInstances", Outcome.EXPLICIT_DENY, Outcome.ALLOWED),
    tuple("dave", "s3:DeleteBucket", Outcome.EXPLICIT_DENY, Outcome.ALLOWED)
  };

  private static List<Tuple> flips(ImpactAnswer answer) {
    return answer.flips().stream()
        .map(
            f ->
                tuple(
                    f.before().principal(),
                    f.question().action(),
                    f.before().outcome(),
                    f.after().outcome()))
        .toList();
  }

  @Test
  void detachingTheSandboxDenyScpLetsTerminateAndDeleteBucketInDevelopment() {
    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.DetachPolicy("ProtectNonProduction", "Sandbox")),
            ImpactQuestions.generated("eu-west-1"));

    assertThat(answer.affectedAccounts()).containsExactly("Development (777777777777)");
    assertThat(answer.affectedPermissionSets()).isEmpty();
    assertThat(answer.affectedUsers()).isEmpty();
    assertThat(flips(answer)).containsExactly(TERMINATE_AND_DELETE_IN_DEVELOPMENT);
    assertThat(answer.questions())
        .as("alice 7, bob 4, carol 7, dave 4, erin 1 (user, account) pairs × 28 actions")
        .isEqualTo(23 * 28);
    assertThat(answer.asked()).as("4 users with a role in Development × 28").isEqualTo(4 * 28);

    Flip bob = answer.flips().get(2);
    assertThat(bob.question().account()).isEqualTo(DEVELOPMENT);
    assertThat(bob.grants()).isTrue();
    Block before = bob.before().blockedBy().get(0);
    assertThat(before.levelId()).isEqualTo(SANDBOX_OU);
    assertThat(before.statements().get(0).policyName()).isEqualTo("ProtectNonProduction");
    assertThat(bob.after().grantedBy())
        .extracting(g -> g.permissionSet())
        .containsExactly("Developer");
  }

  @Test
  void flipsBeyondTheLimitAreCountedNotExplained() {
    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.DetachPolicy("ProtectNonProduction", "Sandbox")),
            ImpactQuestions.generated("eu-west-1"),
            3,
            Progress.none());

    assertThat(answer.flipCount()).isEqualTo(8);
    assertThat(flips(answer))
        .containsExactly(
            TERMINATE_AND_DELETE_IN_DEVELOPMENT[0],
            TERMINATE_AND_DELETE_IN_DEVELOPMENT[1],
            TERMINATE_AND_DELETE_IN_DEVELOPMENT[2]);
  }

  @Test
  void withoutARegionOnlyTheAdministratorsAreNotStoppedByTheRegionScpToo() {
    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.DetachPolicy("p-nonprod0001", SANDBOX_OU)),
            ImpactQuestions.generated());

    assertThat(flips(answer))
        .containsExactly(
            tuple("alice", "ec2:TerminateInstances", Outcome.EXPLICIT_DENY, Outcome.ALLOWED),
            tuple("alice", "s3:DeleteBucket", Outcome.EXPLICIT_DENY, Outcome.ALLOWED));
  }

  @Test
  void movingDevelopmentFromSandboxToWorkloadsFlipsTheSameDecisions() {
    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.MoveAccount("Development", "Workloads")),
            ImpactQuestions.generated("eu-west-1"));

    assertThat(answer.affectedAccounts()).containsExactly("Development (777777777777)");
    assertThat(flips(answer)).containsExactly(TERMINATE_AND_DELETE_IN_DEVELOPMENT);
    assertThat(answer.flips().get(0).after().account().parentId()).isEqualTo(WORKLOADS_OU);
  }

  @Test
  void removingDavesDirectAssignmentTakesAwayWhatOnlyPowerUserGranted() {
    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.RemoveAssignment("Development", "PowerUser", "dave")),
            ImpactQuestions.generated("eu-west-1"));

    assertThat(answer.affectedAccounts()).isEmpty();
    assertThat(answer.affectedUsers()).containsExactly("dave");
    assertThat(answer.asked()).as("dave in Development only").isEqualTo(28);
    assertThat(answer.flips()).allSatisfy(flip -> assertThat(flip.revokes()).isTrue());
    assertThat(answer.flips())
        .extracting(f -> f.question().action())
        .containsExactly(
            "account:GetAccountInformation",
            "account:ListRegions",
            "budgets:ModifyBudget",
            "budgets:ViewBudget",
            "cloudtrail:LookupEvents",
            "iam:CreateServiceLinkedRole",
            "iam:DeleteServiceLinkedRole",
            "organizations:DescribeOrganization",
            "rds:DeleteDBCluster",
            "rds:DeleteDBClusterSnapshot",
            "rds:DeleteDBInstance",
            "rds:DeleteDBSnapshot",
            "secretsmanager:DescribeSecret",
            "secretsmanager:GetSecretValue",
            "securityhub:BatchUpdateFindings");
  }

  @Test
  void editingTheDeveloperInlinePolicyAffectsItsRolesOnly() {
    String readOnlyS3 =
        """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]}
        """;
    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(
                new Change.EditPolicy(
                    "Developer", Policies.parse(readOnlyS3, PolicyType.IDENTITY, "new-developer"))),
            ImpactQuestions.generated("eu-west-1"));

    assertThat(answer.affectedPermissionSets()).containsExactly("Developer");
    assertThat(answer.asked()).as("bob and dave in Staging, UAT and Development").isEqualTo(6 * 28);
    assertThat(answer.flips())
        .filteredOn(f -> f.before().principal().equals("bob"))
        .extracting(f -> f.before().account().name(), f -> f.question().action())
        .containsExactly(
            tuple("Staging", "ec2:DeleteSnapshot"),
            tuple("Staging", "ec2:DeleteVolume"),
            tuple("Staging", "ec2:TerminateInstances"),
            tuple("Staging", "iam:ListRoles"),
            tuple("Staging", "s3:DeleteBucket"),
            tuple("Staging", "s3:ListAllMyBuckets"),
            tuple("UAT", "ec2:DeleteSnapshot"),
            tuple("UAT", "ec2:DeleteVolume"),
            tuple("UAT", "iam:ListRoles"),
            tuple("UAT", "s3:ListAllMyBuckets"),
            tuple("Development", "ec2:DeleteSnapshot"),
            tuple("Development", "ec2:DeleteVolume"),
            tuple("Development", "iam:ListRoles"),
            tuple("Development", "s3:ListAllMyBuckets"));
  }

  @Test
  void listedQuestionsAreAskedOnlyWhenTheChangeCanAffectThem() {
    AccessRequest inDevelopment =
        AccessRequest.builder()
            .user("bob")
            .action("ec2:TerminateInstances")
            .account("Development")
            .region("eu-west-1")
            .build();
    AccessRequest inUat =
        AccessRequest.builder()
            .user("bob")
            .action("ec2:TerminateInstances")
            .account("UAT")
            .region("eu-west-1")
            .build();

    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.DetachPolicy("ProtectNonProduction", "Sandbox")),
            ImpactQuestions.of(List.of(inUat, inDevelopment)));

    assertThat(answer.questions()).isEqualTo(2);
    assertThat(answer.asked()).isEqualTo(1);
    assertThat(answer.flips())
        .extracting(Flip::index, f -> f.before().outcome(), f -> f.after().outcome())
        .containsExactly(tuple(1, Outcome.EXPLICIT_DENY, Outcome.ALLOWED));
  }

  @Test
  void aListedQuestionAboutAnUnknownUserIsReportedNotDropped() {
    AccessRequest nobody =
        AccessRequest.builder().user("zoe").action("s3:GetObject").account("Staging").build();

    ImpactAnswer answer =
        Impact.of(
            AUTHZ,
            List.of(new Change.AttachPolicy("DenyLeaveOrganization", "Staging")),
            ImpactQuestions.of(List.of(nobody)));

    assertThat(answer.unanswered())
        .singleElement()
        .satisfies(u -> assertThat(u.reason()).startsWith("before the change: unknown user `zoe`"));
  }

  @Test
  void twoSnapshotsAreComparedLikeAChange() {
    Snapshot after =
        Change.apply(
            ExampleOrganization.snapshot(),
            List.of(new Change.DetachPolicy("ProtectNonProduction", "Sandbox")));

    ImpactAnswer answer =
        Impact.between(AUTHZ, Authorizer.compile(after), ImpactQuestions.generated("eu-west-1"));

    assertThat(answer.changes()).isEmpty();
    assertThat(flips(answer)).containsExactly(TERMINATE_AND_DELETE_IN_DEVELOPMENT);
  }
}
