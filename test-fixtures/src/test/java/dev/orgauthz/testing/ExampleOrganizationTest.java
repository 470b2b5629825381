package dev.orgauthz.testing;

import static dev.orgauthz.testing.ExampleOrganization.AUDIT;
import static dev.orgauthz.testing.ExampleOrganization.DEVELOPMENT;
import static dev.orgauthz.testing.ExampleOrganization.MANAGEMENT;
import static dev.orgauthz.testing.ExampleOrganization.PRODUCTION;
import static dev.orgauthz.testing.ExampleOrganization.ROOT_ID;
import static dev.orgauthz.testing.ExampleOrganization.SANDBOX_OU;
import static dev.orgauthz.testing.ExampleOrganization.STAGING;
import static dev.orgauthz.testing.ExampleOrganization.TESTING_OU;
import static dev.orgauthz.testing.ExampleOrganization.UAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.AuthorizerOptions;
import dev.orgauthz.Block;
import dev.orgauthz.Decision;
import dev.orgauthz.Grant;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.PortalRole;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intent of the example organization's policies, as a platform team would test it. Every
 * question is asked of the example three times: as built in code, as read from the checked-in AWS
 * CLI export of it, and as read back from the snapshot file written from that export; the answers
 * must be the same.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("snapshots")
class ExampleOrganizationTest {
  @Parameter(0)
  String origin;

  @Parameter(1)
  Snapshot snapshot;

  private static final Map<String, Authorizer> COMPILED = new ConcurrentHashMap<>();

  private Authorizer authz;

  static Stream<Arguments> snapshots() {
    return Stream.of(
        Arguments.of("built in code", ExampleOrganization.snapshot()),
        Arguments.of("read from the AWS CLI export", ExampleSnapshots.fromExport()),
        Arguments.of("read from the snapshot file", ExampleSnapshots.fromSnapshotFile()));
  }

  @BeforeEach
  void compile() {
    authz =
        COMPILED.computeIfAbsent(
            origin,
            o ->
                Authorizer.compile(
                    snapshot,
                    AuthorizerOptions.defaults()
                        .withClock(
                            Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC))));
  }

  private static AccessRequest.Builder ask(String user, String action, String account) {
    return AccessRequest.builder().user(user).action(action).account(account).region("eu-west-1");
  }

  private Decision explain(AccessRequest.Builder request) {
    AccessRequest built = request.build();
    Decision decision = authz.explain(built);
    assertThat(authz.decide(built)).as("decide agrees with explain").isEqualTo(decision.outcome());
    return decision;
  }

  private static String instance(String account) {
    return "arn:aws:ec2:eu-west-1:" + account + ":instance/i-0abc1234def567890";
  }

  @Test
  void bobCannotTerminateInProductionBecauseReadOnlyDoesNotAllowIt() {
    Decision decision =
        explain(
            ask("bob", "ec2:TerminateInstances", "Production")
                .resource(instance(PRODUCTION))
                .context("aws:MultiFactorAuthPresent", "true"));

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decision.roles())
        .extracting(RoleDecision::permissionSet)
        .containsExactly("ReadOnly");
    assertThat(decision.blockedBy())
        .singleElement()
        .satisfies(
            block -> {
              assertThat(block.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
              assertThat(block.layer()).isEqualTo(Layer.IDENTITY_POLICY);
              assertThat(block.statements()).isEmpty();
            });
  }

  @Test
  void bobWithoutMfaInProductionIsStoppedEarlierByTheMfaScp() {
    Decision decision =
        explain(ask("bob", "ec2:TerminateInstances", PRODUCTION).resource(instance(PRODUCTION)));

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    Block block = decision.blockedBy().get(0);
    assertThat(block.layer()).isEqualTo(Layer.SERVICE_CONTROL_POLICY);
    assertThat(block.levelId()).isEqualTo(PRODUCTION);
    assertThat(block.levelName()).isEqualTo("Production");
    assertThat(block.statements())
        .extracting(MatchedStatement::policyName, MatchedStatement::sid)
        .containsExactly(tuple("RequireMfaForDestructiveActions", "DenyDestructiveWithoutMfa"));
  }

  @Test
  void bobCannotTerminateInUatBecauseTheTestingScpDeniesIt() {
    Decision decision =
        explain(ask("bob", "ec2:TerminateInstances", "UAT").resource(instance(UAT)));

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.roles())
        .extracting(RoleDecision::permissionSet)
        .containsExactly("Developer");
    Block block = decision.blockedBy().get(0);
    assertThat(block.layer()).isEqualTo(Layer.SERVICE_CONTROL_POLICY);
    assertThat(block.levelId()).isEqualTo(TESTING_OU);
    assertThat(block.levelName()).isEqualTo("Testing");
    assertThat(block.statements())
        .extracting(MatchedStatement::policyName, MatchedStatement::sid)
        .containsExactly(tuple("ProtectNonProduction", "DenyTerminateAndDeleteBucket"));
    assertThat(decision.render()).contains("Testing (" + TESTING_OU + ")");
  }

  @Test
  void bobCannotTerminateInDevelopmentBecauseTheSandboxScpDeniesIt() {
    Decision decision =
        explain(ask("bob", "ec2:TerminateInstances", DEVELOPMENT).resource(instance(DEVELOPMENT)));

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.blockedBy().get(0).levelId()).isEqualTo(SANDBOX_OU);
  }

  @Test
  void bobCanTerminateInStagingWhichNoScpProtects() {
    Decision decision =
        explain(ask("bob", "ec2:TerminateInstances", STAGING).resource(instance(STAGING)));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.grantedBy())
        .singleElement()
        .satisfies(
            grant -> {
              assertThat(grant.permissionSet()).isEqualTo("Developer");
              assertThat(grant.statements())
                  .extracting(MatchedStatement::sid)
                  .containsExactly("BuildAndRunWorkloads");
            });
  }

  @Test
  void aliceCannotLeaveTheOrganizationFromProduction() {
    Decision decision = explain(ask("alice", "organizations:LeaveOrganization", "Production"));

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    Block block = decision.blockedBy().get(0);
    assertThat(block.permissionSet()).isEqualTo("AdministratorAccess");
    assertThat(block.layer()).isEqualTo(Layer.SERVICE_CONTROL_POLICY);
    assertThat(block.levelId()).isEqualTo(ROOT_ID);
    assertThat(block.levelName()).isEqualTo("Root");
    assertThat(block.statements())
        .extracting(MatchedStatement::policyName)
        .containsExactly("DenyLeaveOrganization");
  }

  @Test
  void aliceCanLeaveTheOrganizationFromManagementBecauseScpsDoNotApplyThere() {
    Decision decision = explain(ask("alice", "organizations:LeaveOrganization", "Management"));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.grantedBy())
        .extracting(Grant::permissionSet)
        .containsExactly("AdministratorAccess");
    assertThat(decision.roles().get(0).result().layers())
        .filteredOn(layer -> layer.layer() == Layer.SERVICE_CONTROL_POLICY)
        .singleElement()
        .satisfies(
            layer -> {
              assertThat(layer.applies()).isFalse();
              assertThat(layer.note()).contains("management account");
            });
  }

  @Test
  void aliceCannotTerminateInProductionWithoutMfaButCanWithIt() {
    AccessRequest.Builder terminate =
        ask("alice", "ec2:TerminateInstances", PRODUCTION).resource(instance(PRODUCTION));
    Decision without = explain(terminate);
    Decision with = explain(terminate.context("aws:MultiFactorAuthPresent", "true"));

    assertThat(without.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(without.blockedBy().get(0).levelName()).isEqualTo("Production");
    assertThat(with.outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void aRequestInSydneyIsDeniedForBobAndAllowedForAlice() {
    AccessRequest.Builder bob =
        ask("bob", "ec2:DescribeInstances", STAGING).region("ap-southeast-2");
    AccessRequest.Builder alice =
        ask("alice", "ec2:DescribeInstances", STAGING).region("ap-southeast-2");

    Decision forBob = explain(bob);
    assertThat(forBob.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(forBob.blockedBy().get(0).statements())
        .extracting(MatchedStatement::policyName, MatchedStatement::levelId)
        .containsExactly(tuple("RegionRestriction", ROOT_ID));
    assertThat(explain(alice).outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void aGlobalServiceIsNotRegionRestricted() {
    Decision decision = explain(ask("bob", "iam:ListRoles", STAGING).region("ap-southeast-2"));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void withoutARegionTheRegionRestrictionDeniesRegionalActions() {
    AccessRequest request =
        AccessRequest.builder()
            .user("bob")
            .action("ec2:DescribeInstances")
            .account(STAGING)
            .build();

    assertThat(authz.decide(request)).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void bobsAccessPortalShowsExactlyHisFourAccounts() {
    List<PortalEntry> portal = authz.portal("bob");

    assertThat(portal)
        .extracting(entry -> entry.account().name())
        .containsExactly("Development", "Production", "Staging", "UAT");
    assertThat(portal)
        .extracting(entry -> entry.roles().get(0).permissionSet())
        .containsExactly("Developer", "ReadOnly", "Developer", "Developer");
    assertThat(portal.get(1).roles())
        .extracting(PortalRole::roleArn)
        .containsExactly(
            "arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
                + "AWSReservedSSO_ReadOnly_0b9a8c7d6e5f4a3b");
    assertThat(portal.get(3).roles().get(0).roleArn())
        .matches(
            "arn:aws:iam::666666666666:role/aws-reserved/sso\\.amazonaws\\.com/eu-west-1/"
                + "AWSReservedSSO_Developer_[0-9a-f]{16}");
  }

  @Test
  void carolSeesBothAuditorPermissionSetsInEveryAccount() {
    List<PortalEntry> portal = authz.portal("carol");

    assertThat(portal).hasSize(7);
    assertThat(portal)
        .allSatisfy(
            entry ->
                assertThat(entry.roles())
                    .extracting(PortalRole::permissionSet)
                    .containsExactly("ReadOnly", "SecurityAudit"));
  }

  @Test
  void aCustomerManagedPolicyResolvesPerAccount() {
    Decision inAudit = explain(ask("carol", "securityhub:BatchUpdateFindings", AUDIT));
    Decision inProduction = explain(ask("carol", "securityhub:BatchUpdateFindings", PRODUCTION));

    assertThat(inAudit.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(inAudit.grantedBy().get(0).statements())
        .extracting(MatchedStatement::policyId, MatchedStatement::sid)
        .containsExactly(
            tuple("arn:aws:iam::333333333333:policy/SecurityAuditExtras", "TriageFindingsInAudit"));
    assertThat(inProduction.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aUserWithoutAssignmentInTheAccountIsImplicitlyDenied() {
    Decision decision = explain(ask("erin", "ce:GetCostAndUsage", PRODUCTION));

    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decision.roles()).isEmpty();
    assertThat(decision.note()).contains("erin has no assignment in Production (444444444444)");
    assertThat(decision.render()).contains("has no assignment");
  }

  @Test
  void erinCanReadCostsInManagement() {
    assertThat(explain(ask("erin", "ce:GetCostAndUsage", MANAGEMENT)).outcome())
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void daveHasTwoSeparateRolesInDevelopment() {
    Decision decision = explain(ask("dave", "ec2:RunInstances", DEVELOPMENT));

    assertThat(decision.roles())
        .extracting(RoleDecision::permissionSet, RoleDecision::outcome)
        .containsExactly(tuple("Developer", Outcome.ALLOWED), tuple("PowerUser", Outcome.ALLOWED));
    assertThat(decision.grantedBy()).hasSize(2);
  }

  @Test
  void onePermissionSetCanBeAskedAbout() {
    AccessRequest.Builder request =
        AccessRequest.builder()
            .permissionSet("dave", "PowerUser")
            .action("iam:PassRole")
            .resource("arn:aws:iam::777777777777:role/app/worker")
            .account(DEVELOPMENT)
            .region("eu-west-1");

    Decision decision = explain(request);
    assertThat(decision.roles())
        .extracting(RoleDecision::permissionSet)
        .containsExactly("PowerUser");
    assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(
            explain(
                    ask("dave", "iam:PassRole", DEVELOPMENT)
                        .resource("arn:aws:iam::777777777777:role/app/worker"))
                .outcome())
        .as("Developer allows passing application roles")
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void attributesForAccessControlBecomePrincipalTags() {
    AccessRequest.Builder read =
        ask("bob", "secretsmanager:GetSecretValue", STAGING)
            .resource("arn:aws:secretsmanager:eu-west-1:555555555555:secret:db-AbCdEf");

    Decision untagged = explain(read);
    assertThat(untagged.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(untagged.missingContextKeys()).contains("aws:resourcetag/costcenter");
    assertThat(explain(read.context("aws:ResourceTag/CostCenter", "CC-2001")).outcome())
        .isEqualTo(Outcome.ALLOWED);
    assertThat(explain(read.context("aws:ResourceTag/CostCenter", "CC-9999")).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aProvisionedRoleCanBeAskedAboutByArn() {
    String arn =
        "arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
            + "AWSReservedSSO_ReadOnly_0b9a8c7d6e5f4a3b";
    Decision decision =
        explain(
            AccessRequest.builder().role(arn).action("ec2:DescribeInstances").region("eu-west-1"));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(decision.account().id()).isEqualTo(PRODUCTION);
    assertThat(decision.roles().get(0).roleNameSynthesized()).isFalse();
  }

  @Test
  void theExampleOrganizationHasNoFindings() {
    assertThat(snapshot.findings()).isEmpty();
  }
}
