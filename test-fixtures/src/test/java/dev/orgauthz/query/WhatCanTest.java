package dev.orgauthz.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.Authorizer;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user or a permission set can do, on the example organization: over the actions its
 * policies name, and over the bundled catalog of every AWS action.
 */
class WhatCanTest {
  private static final Authorizer AUTHZ = Authorizer.compile(ExampleOrganization.snapshot());

  /** Over the actions the example organization's policies name, to keep the answers short. */
  private static final WhatCan WHAT_CAN =
      WhatCan.of(AUTHZ, ActionCatalog.mentionedIn(ExampleOrganization.snapshot()));

  @Test
  void theCatalogHoldsTheActionsThePoliciesNameWithoutWildcard() {
    assertThat(WHAT_CAN.catalog().services())
        .containsExactly(
            "account",
            "budgets",
            "cloudtrail",
            "ec2",
            "iam",
            "organizations",
            "rds",
            "s3",
            "secretsmanager",
            "securityhub");
    assertThat(WHAT_CAN.catalog().actions("ec2"))
        .containsExactly("ec2:DeleteSnapshot", "ec2:DeleteVolume", "ec2:TerminateInstances");
    assertThat(WHAT_CAN.catalog().actions()).hasSize(28);
  }

  @Test
  void whatBobCanDoInStagingPerService() {
    WhatCanAnswer answer =
        WHAT_CAN.ask(
            WhatCanQuestion.builder().user("bob").account("Staging").region("eu-west-1").build());

    assertThat(answer.principal()).isEqualTo("bob");
    assertThat(answer.account().name()).isEqualTo("Staging");
    assertThat(answer.permissionSets()).containsExactly("Developer");
    assertThat(answer.services())
        .extracting(ServiceAccess::service, ServiceAccess::coverage, ServiceAccess::allowed)
        .containsExactly(
            tuple("account", Coverage.NONE, List.of()),
            tuple("budgets", Coverage.NONE, List.of()),
            tuple("cloudtrail", Coverage.NONE, List.of()),
            tuple(
                "ec2",
                Coverage.ALL,
                List.of("ec2:DeleteSnapshot", "ec2:DeleteVolume", "ec2:TerminateInstances")),
            tuple("iam", Coverage.SOME, List.of("iam:ListRoles")),
            tuple("organizations", Coverage.NONE, List.of()),
            tuple("rds", Coverage.NONE, List.of()),
            tuple(
                "s3",
                Coverage.ALL,
                List.of(
                    "s3:DeleteBucket",
                    "s3:GetBucketAcl",
                    "s3:GetBucketLocation",
                    "s3:GetBucketPolicy",
                    "s3:GetBucketPublicAccessBlock",
                    "s3:ListAllMyBuckets")),
            tuple("secretsmanager", Coverage.NONE, List.of()),
            tuple("securityhub", Coverage.NONE, List.of()));
    assertThat(answer.blockedByScps()).isEmpty();
    assertThat(answer.actionsEvaluated()).isEqualTo(28);
  }

  @Test
  void withoutARegionTheRegionScpBlocksWhatDeveloperGrantsBob() {
    WhatCanAnswer answer =
        WHAT_CAN.ask(WhatCanQuestion.builder().user("bob").account("Staging").build());

    assertThat(answer.allowedActions())
        .containsExactly("iam:ListRoles", "s3:GetBucketLocation", "s3:ListAllMyBuckets");
    assertThat(answer.blockedByScps())
        .extracting(BlockedAction::permissionSet, BlockedAction::action)
        .containsExactly(
            tuple("Developer", "ec2:DeleteSnapshot"),
            tuple("Developer", "ec2:DeleteVolume"),
            tuple("Developer", "ec2:TerminateInstances"),
            tuple("Developer", "s3:DeleteBucket"),
            tuple("Developer", "s3:GetBucketAcl"),
            tuple("Developer", "s3:GetBucketPolicy"),
            tuple("Developer", "s3:GetBucketPublicAccessBlock"));
    assertThat(answer.blockedByScps().get(0).block().statements())
        .extracting(MatchedStatement::policyName, MatchedStatement::sid, MatchedStatement::levelId)
        .containsExactly(tuple("RegionRestriction", "DenyOutsideApprovedRegions", "r-ex12"));
  }

  @Test
  void theScpBlockedActionsOfPowerUserInDevelopment() {
    WhatCanAnswer answer =
        WHAT_CAN.ask(
            WhatCanQuestion.builder()
                .permissionSet("PowerUser")
                .account("Development")
                .region("eu-west-1")
                .build());

    assertThat(answer.principal()).isEqualTo("permission set PowerUser");
    assertThat(answer.blockedByScps())
        .extracting(BlockedAction::action, b -> b.block().outcome(), b -> b.block().layer())
        .containsExactly(
            tuple("ec2:TerminateInstances", Outcome.EXPLICIT_DENY, Layer.SERVICE_CONTROL_POLICY),
            tuple("s3:DeleteBucket", Outcome.EXPLICIT_DENY, Layer.SERVICE_CONTROL_POLICY));
    assertThat(answer.blockedByScps().get(0).block().describe())
        .isEqualTo(
            "permission set `PowerUser`: explicit deny in service control policy"
                + " `ProtectNonProduction` statement `DenyTerminateAndDeleteBucket` attached to"
                + " Sandbox (ou-ex12-sandboxou)");
    assertThat(answer.services(Coverage.ALL))
        .extracting(ServiceAccess::service)
        .containsExactly(
            "account", "budgets", "cloudtrail", "rds", "secretsmanager", "securityhub");
    assertThat(answer.services(Coverage.SOME))
        .extracting(ServiceAccess::service, ServiceAccess::allowed)
        .containsExactly(
            tuple("ec2", List.of("ec2:DeleteSnapshot", "ec2:DeleteVolume")),
            tuple(
                "iam",
                List.of(
                    "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles")),
            tuple("organizations", List.of("organizations:DescribeOrganization")),
            tuple(
                "s3",
                List.of(
                    "s3:GetBucketAcl",
                    "s3:GetBucketLocation",
                    "s3:GetBucketPolicy",
                    "s3:GetBucketPublicAccessBlock",
                    "s3:ListAllMyBuckets")));
  }

  @Test
  void aUserWithoutAssignmentInTheAccountCanDoNothing() {
    WhatCanAnswer answer =
        WHAT_CAN.ask(WhatCanQuestion.builder().user("erin").account("Production").build());

    assertThat(answer.permissionSets()).isEmpty();
    assertThat(answer.allowedActions()).isEmpty();
    assertThat(answer.services(Coverage.NONE)).hasSize(10);
  }

  @Test
  void aPermissionSetNotAssignedInTheAccountSaysWhichAre() {
    assertThatThrownBy(
            () ->
                WHAT_CAN.ask(
                    WhatCanQuestion.builder()
                        .permissionSet("PowerUser")
                        .account("Staging")
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "permission set `PowerUser` is not assigned in account Staging (555555555555): ask"
                + " about one that is (AdministratorAccess, Developer, ReadOnly, SecurityAudit) or"
                + " name a user");
  }

  @Test
  void aCatalogGivenByTheCallerIsUsedAsIs() {
    WhatCan whatCan =
        WhatCan.of(
            Authorizer.compile(ExampleOrganization.snapshot()),
            ActionCatalog.of(
                List.of("lambda:InvokeFunction", "lambda:CreateFunction", "s3:PutObject")));

    WhatCanAnswer answer =
        whatCan.ask(
            WhatCanQuestion.builder().user("carol").account("Audit").region("eu-west-1").build());

    assertThat(answer.services())
        .extracting(ServiceAccess::service, ServiceAccess::coverage, ServiceAccess::actions)
        .containsExactly(tuple("lambda", Coverage.NONE, 2), tuple("s3", Coverage.NONE, 1));
    assertThat(whatCan.catalog().actions("lambda"))
        .containsExactly("lambda:CreateFunction", "lambda:InvokeFunction");
  }

  @Test
  void overTheBundledCatalogBobCanDoEverythingInTheServicesDeveloperGrantsWithAWildcard() {
    WhatCanAnswer answer =
        WhatCan.of(AUTHZ)
            .ask(
                WhatCanQuestion.builder()
                    .user("bob")
                    .account("Staging")
                    .region("eu-west-1")
                    .build());

    assertThat(answer.services(Coverage.ALL))
        .extracting(ServiceAccess::service)
        .containsExactly(
            "cloudformation",
            "cloudwatch",
            "dynamodb",
            "ec2",
            "ecr",
            "ecs",
            "lambda",
            "logs",
            "s3",
            "sns",
            "sqs");
    assertThat(answer.services(Coverage.SOME))
        .singleElement()
        .satisfies(
            iam -> {
              assertThat(iam.service()).isEqualTo("iam");
              assertThat(iam.allowed())
                  .allMatch(a -> a.startsWith("iam:Get") || a.startsWith("iam:List"));
              assertThat(iam.allowed()).contains("iam:GetRole", "iam:ListRoles");
            });
    assertThat(answer.blockedByScps()).isEmpty();
    assertThat(answer.actionsEvaluated()).isGreaterThan(15_000);
  }
}
