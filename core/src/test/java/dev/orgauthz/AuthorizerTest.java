package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Authorizer over a small organization: roles, context derivation, RCPs, errors. */
class AuthorizerTest {
  static final String ORG = "o-smallorg001";
  static final String ROOT = "r-smal";
  static final String OU = "ou-smal-apps0001";
  static final String MANAGEMENT = "111111111111";
  static final String APP = "222222222222";
  static final String DATA = "333333333333";
  static final String INSTANCE = "arn:aws:sso:::instance/ssoins-00000000000000aa";
  static final String PS = "arn:aws:sso:::permissionSet/ssoins-00000000000000aa/ps-";
  static final Instant NOW = Instant.parse("2026-03-01T12:30:45.250Z");

  static PolicyDocument identity(String text) {
    return Policies.parse(text, PolicyType.IDENTITY, "test");
  }

  static final PermissionSet S3_READER =
      PermissionSet.builder(PS + "s3reader00000001", "S3Reader")
          .inlinePolicy(
              identity(
                  """
                  {"Version": "2012-10-17", "Statement": [
                    {"Sid": "ReadBuckets", "Effect": "Allow", "Action": "s3:Get*",
                     "Resource": "*"}]}
                  """))
          .build();

  static final PermissionSet ADMIN =
      PermissionSet.builder(PS + "admin00000000001", "Admin")
          .awsManagedPolicy("arn:aws:iam::aws:policy/AdministratorAccess")
          .build();

  static final PermissionSet AUDIT =
      PermissionSet.builder(PS + "audit00000000001", "Audit")
          .customerManagedPolicy(CustomerManagedPolicyReference.of("AuditPolicy"))
          .build();

  static Snapshot snapshot(String homeRegion) {
    Organization org =
        Organization.builder(ORG, MANAGEMENT)
            .root(Root.of(ROOT))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
            .enablePolicyType(ControlPolicy.RESOURCE_CONTROL_POLICY)
            .organizationalUnit(OrganizationalUnit.of(OU, "Apps", ROOT))
            .account(Account.of(MANAGEMENT, "Management", ROOT))
            .account(Account.of(APP, "App", OU))
            .account(Account.of(DATA, "Data", OU))
            .policy(
                ControlPolicy.fullAwsAccess(
                    Policies.parse(
                        ControlPolicy.FULL_AWS_ACCESS_TEXT,
                        PolicyType.SERVICE_CONTROL,
                        "FullAWSAccess"),
                    List.of(ROOT, OU, MANAGEMENT, APP, DATA)))
            .policy(
                ControlPolicy.rcp(
                    "p-rcpnoput0001",
                    "NoPutFromOtherAccounts",
                    Policies.parse(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Sid": "NoForeignWrites", "Effect": "Deny", "Principal": "*",
                           "Action": "s3:PutObject", "Resource": "*",
                           "Condition": {
                             "StringNotEquals": {"aws:PrincipalAccount": "222222222222"}}}]}
                        """,
                        PolicyType.RESOURCE_CONTROL,
                        "rcp"),
                    List.of(OU)))
            .build();
    IdentityCenter center =
        IdentityCenter.builder(INSTANCE, "d-00000000aa")
            .homeRegion(homeRegion)
            .accessControlAttribute(
                AccessControlAttribute.of("CostCenter", "${path:enterprise.costCenter}"))
            .accessControlAttribute(AccessControlAttribute.of("Title", "${path:title}"))
            .user(
                User.of("u-ann", "ann@example.com", "Ann", "ann@example.com")
                    .withAttribute("enterprise.costCenter", "CC-7"))
            .group(Group.of("g-eng", "Engineering"))
            .membership("g-eng", "u-ann")
            .permissionSet(S3_READER)
            .permissionSet(ADMIN)
            .permissionSet(AUDIT)
            .assignment(AccountAssignment.toGroup(APP, S3_READER, "g-eng"))
            .assignment(AccountAssignment.toUser(APP, S3_READER, "u-ann"))
            .assignment(AccountAssignment.toUser(APP, ADMIN, "u-ann"))
            .assignment(AccountAssignment.toUser(DATA, AUDIT, "u-ann"))
            .assignment(AccountAssignment.toUser(MANAGEMENT, ADMIN, "u-ann"))
            .build();
    return Snapshot.builder()
        .organization(org)
        .identityCenter(center)
        .awsManagedPolicies(
            AwsManagedPolicies.of(
                List.of(
                    ManagedPolicy.awsManaged(
                        "/",
                        "AdministratorAccess",
                        identity(
                            """
                            {"Version": "2012-10-17",
                             "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                            """)))))
        .iamData(
            new AccountIamData(
                APP,
                List.of(),
                List.of(
                    ProvisionedRole.of(
                        APP,
                        "/aws-reserved/sso.amazonaws.com/" + homeRegion + "/",
                        "AWSReservedSSO_Admin_1234567890abcdef",
                        "AROAADMINEXAMPLE12345"))))
        .build();
  }

  static final Authorizer AUTHZ =
      Authorizer.compile(
          snapshot("eu-west-2"),
          AuthorizerOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));

  static AccessRequest.Builder ann(String action, String account) {
    return AccessRequest.builder().user("ann@example.com").action(action).account(account);
  }

  static Decision explain(AccessRequest.Builder builder) {
    AccessRequest request = builder.build();
    Decision decision = AUTHZ.explain(request);
    assertThat(AUTHZ.decide(request)).isEqualTo(decision.outcome());
    return decision;
  }

  static RoleDecision role(Decision decision, String permissionSet) {
    return decision.roles().stream()
        .filter(r -> r.permissionSet().equals(permissionSet))
        .findFirst()
        .orElseThrow();
  }

  static RequestContext context(RoleDecision role) {
    EvaluationRequest request = role.request();
    assertThat(request).isNotNull();
    return request.context();
  }

  @Nested
  class Roles {
    @Test
    void eachPermissionSetIsOneRoleAndDuplicateAssignmentsCollapse() {
      Decision decision = explain(ann("s3:GetObject", "App"));

      assertThat(decision.roles())
          .extracting(RoleDecision::permissionSet, RoleDecision::outcome)
          .containsExactly(tuple("Admin", Outcome.ALLOWED), tuple("S3Reader", Outcome.ALLOWED));
    }

    @Test
    void aProvisionedRoleKeepsItsNameAndUniqueId() {
      RoleDecision admin = role(explain(ann("s3:GetObject", APP)), "Admin");

      assertThat(admin.roleArn())
          .isEqualTo(
              "arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-2/"
                  + "AWSReservedSSO_Admin_1234567890abcdef");
      assertThat(admin.roleNameSynthesized()).isFalse();
      assertThat(context(admin).values("aws:userid"))
          .containsExactly("AROAADMINEXAMPLE12345:ann@example.com");
      Principal principal = admin.request().principal();
      assertThat(principal.arn())
          .isEqualTo(
              "arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_Admin_1234567890abcdef/"
                  + "ann@example.com");
      assertThat(principal.kind()).isEqualTo(Principal.Kind.ROLE_SESSION);
      assertThat(principal.roleArn()).isEqualTo(admin.roleArn());
    }

    @Test
    void anUnknownRoleNameIsSynthesizedDeterministically() {
      RoleDecision reader = role(explain(ann("s3:GetObject", APP)), "S3Reader");
      RoleDecision again =
          role(
              Authorizer.compile(snapshot("eu-west-2")).explain(ann("s3:GetObject", APP).build()),
              "S3Reader");

      assertThat(reader.roleArn())
          .matches(
              "arn:aws:iam::222222222222:role/aws-reserved/sso\\.amazonaws\\.com/eu-west-2/"
                  + "AWSReservedSSO_S3Reader_[0-9a-f]{16}")
          .isEqualTo(again.roleArn());
      assertThat(reader.roleNameSynthesized()).isTrue();
      assertThat(context(reader).values("aws:userid").get(0))
          .matches("AROA[A-Z2-7]{17}:ann@example\\.com");
      assertThat(AUTHZ.explain(ann("s3:GetObject", APP).build()).render())
          .contains("name synthesized");
    }

    @Test
    void inUsEast1TheRolePathHasNoRegion() {
      Authorizer authorizer = Authorizer.compile(snapshot("us-east-1"));
      Decision decision = authorizer.explain(ann("s3:GetObject", APP).build());

      assertThat(role(decision, "S3Reader").roleArn())
          .startsWith(
              "arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/"
                  + "AWSReservedSSO_S3Reader_");
    }

    @Test
    void aRoleWhoseCustomerManagedPolicyCannotBeResolvedIsNotUsable() {
      Decision decision = explain(ann("s3:GetObject", DATA));

      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      RoleDecision audit = decision.roles().get(0);
      assertThat(audit.usable()).isFalse();
      assertThat(audit.request()).isNull();
      assertThat(audit.result().reason())
          .isEqualTo(
              "assigned but not usable: permission set `Audit` references customer managed"
                  + " policies [/AuditPolicy] that cannot be resolved in account Data"
                  + " (333333333333), whose IAM data is unknown");
      assertThat(decision.blockedBy())
          .singleElement()
          .satisfies(b -> assertThat(b.layer()).isNull());
      assertThat(AUTHZ.portal("u-ann"))
          .extracting(entry -> entry.account().name())
          .containsExactly("App", "Data", "Management");
      assertThat(AUTHZ.portal("u-ann").get(1).roles())
          .extracting(PortalRole::permissionSet, PortalRole::usable)
          .containsExactly(tuple("Audit", false));
    }

    @Test
    void aRoleCanBeAskedAboutByArnWithOrWithoutPath() {
      String withPath =
          "arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-2/"
              + "AWSReservedSSO_Admin_1234567890abcdef";
      String withoutPath = "arn:aws:iam::222222222222:role/AWSReservedSSO_Admin_1234567890abcdef";
      Decision decision =
          explain(AccessRequest.builder().role(withoutPath).action("iam:CreateRole"));

      assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
      assertThat(decision.principal()).isEqualTo(withoutPath);
      RoleDecision admin = decision.roles().get(0);
      assertThat(admin.roleArn()).isEqualTo(withPath);
      assertThat(context(admin).values("aws:userid"))
          .containsExactly("AROAADMINEXAMPLE12345:orgauthz");
      assertThat(context(admin).has("identitystore:UserId")).isFalse();
    }

    @Test
    void onePermissionSetOfTheUser() {
      Decision decision =
          explain(
              AccessRequest.builder()
                  .permissionSet("ann@example.com", "S3Reader")
                  .action("iam:CreateRole")
                  .account(APP));

      assertThat(decision.roles())
          .extracting(RoleDecision::permissionSet)
          .containsExactly("S3Reader");
      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aPermissionSetNotAssignedThereGivesNoRole() {
      Decision decision =
          explain(
              AccessRequest.builder()
                  .permissionSet("u-ann", "S3Reader")
                  .action("s3:GetObject")
                  .account(DATA));

      assertThat(decision.roles()).isEmpty();
      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(decision.note())
          .isEqualTo(
              "ann@example.com is not assigned permission set `S3Reader` in Data (333333333333),"
                  + " so no such role to use there");
    }
  }

  @Nested
  class Context {
    @Test
    void theContextIsFilledFromTheModel() {
      RequestContext context =
          context(
              role(
                  explain(
                      ann("s3:GetObject", "App")
                          .resource("arn:aws:s3:::bucket/key")
                          .region("eu-west-2")),
                  "S3Reader"));

      assertThat(context.values("aws:PrincipalArn").get(0))
          .startsWith("arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/eu-west-2/");
      assertThat(context.values("aws:PrincipalAccount")).containsExactly(APP);
      assertThat(context.values("aws:PrincipalOrgID")).containsExactly(ORG);
      assertThat(context.values("aws:PrincipalOrgPaths"))
          .containsExactly("o-smallorg001/r-smal/ou-smal-apps0001/");
      assertThat(context.isMultivalued("aws:PrincipalOrgPaths")).isTrue();
      assertThat(context.values("aws:PrincipalType")).containsExactly("AssumedRole");
      assertThat(context.values("aws:PrincipalTag/CostCenter")).containsExactly("CC-7");
      assertThat(context.has("aws:PrincipalTag/Title")).isFalse();
      assertThat(context.values("identitystore:UserId")).containsExactly("u-ann");
      assertThat(context.values("aws:RequestedRegion")).containsExactly("eu-west-2");
      assertThat(context.values("aws:CurrentTime")).containsExactly("2026-03-01T12:30:45Z");
      assertThat(context.values("aws:EpochTime"))
          .containsExactly(Long.toString(NOW.getEpochSecond()));
      assertThat(context.values("aws:ResourceAccount")).containsExactly(APP);
      assertThat(context.values("aws:ResourceOrgID")).containsExactly(ORG);
      assertThat(context.values("aws:ResourceOrgPaths"))
          .containsExactly("o-smallorg001/r-smal/ou-smal-apps0001/");
      assertThat(context.values("aws:SecureTransport")).containsExactly("true");
      assertThat(context.values("aws:ViaAWSService")).containsExactly("false");
      assertThat(context.values("aws:PrincipalIsAWSService")).containsExactly("false");
      assertThat(context.has("aws:username")).isFalse();
      assertThat(context.has("aws:MultiFactorAuthPresent")).isFalse();
    }

    @Test
    void withoutARegionTheRegionKeyIsAbsent() {
      RequestContext context = context(role(explain(ann("s3:GetObject", APP)), "S3Reader"));

      assertThat(context.has("aws:RequestedRegion")).isFalse();
    }

    @Test
    void theCallersKeysWinWhateverTheirCase() {
      RequestContext context =
          context(
              role(
                  explain(
                      ann("s3:GetObject", APP)
                          .context("AWS:PRINCIPALTAG/costcenter", "CC-override")
                          .context("aws:TagKeys", List.of("a", "b"))
                          .time(Instant.parse("2030-01-01T00:00:00Z"))),
                  "S3Reader"));

      assertThat(context.values("aws:PrincipalTag/CostCenter")).containsExactly("CC-override");
      assertThat(context.values("aws:TagKeys")).containsExactly("a", "b");
      assertThat(context.values("aws:CurrentTime")).containsExactly("2030-01-01T00:00:00Z");
    }
  }

  @Nested
  class ResourceAccounts {
    @Test
    void anS3ArnBelongsToTheRequestsAccount() {
      Decision decision = explain(ann("s3:GetObject", APP).resource("arn:aws:s3:::bucket/key"));

      assertThat(decision.resourceAccount()).isEqualTo(APP);
      assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aResourceOfAnotherAccountNeedsAResourcePolicy() {
      Decision decision =
          explain(ann("sqs:SendMessage", APP).resource("arn:aws:sqs:eu-west-2:333333333333:queue"));

      assertThat(decision.resourceAccount()).isEqualTo(DATA);
      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(role(decision, "Admin").result().crossAccount()).isTrue();
      assertThat(decision.render()).contains("the request is cross-account");
    }

    @Test
    void theResourceAccountCanBeNamed() {
      Decision decision =
          explain(
              ann("s3:GetObject", APP)
                  .resource("arn:aws:s3:::their-bucket/key")
                  .resourceAccount("Data"));

      assertThat(decision.resourceAccount()).isEqualTo(DATA);
      assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Nested
  class ResourceControlPolicies {
    @Test
    void rcpFullAwsAccessIsAtEveryLevelAndCustomerRcpsDeny() {
      Decision decision =
          explain(
              AccessRequest.builder()
                  .permissionSet("ann@example.com", "Admin")
                  .action("s3:PutObject")
                  .account(MANAGEMENT)
                  .resource("arn:aws:s3:::b/k")
                  .resourceAccount(APP));

      RoleDecision admin = decision.roles().get(0);
      assertThat(admin.result().layers())
          .filteredOn(l -> l.layer() == Layer.RESOURCE_CONTROL_POLICY)
          .extracting(LayerResult::levelName)
          .containsExactly("Root", "Apps", "App");
      assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(decision.blockedBy().get(0).levelId()).isEqualTo(OU);
      assertThat(decision.blockedBy().get(0).statements().get(0).sid())
          .isEqualTo("NoForeignWrites");
    }

    @Test
    void rcpsDoNotApplyToServicesWithoutRcpSupport() {
      Decision decision = explain(ann("ec2:RunInstances", APP));

      assertThat(role(decision, "Admin").result().layers())
          .filteredOn(l -> l.layer() == Layer.RESOURCE_CONTROL_POLICY)
          .singleElement()
          .satisfies(l -> assertThat(l.applies()).isFalse());
      assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void rcpsDoNotApplyToResourcesOfTheManagementAccount() {
      Decision decision = explain(ann("s3:PutObject", MANAGEMENT).resource("arn:aws:s3:::b/k"));

      assertThat(decision.roles().get(0).result().layers())
          .filteredOn(l -> l.layer() == Layer.RESOURCE_CONTROL_POLICY)
          .singleElement()
          .satisfies(l -> assertThat(l.note()).contains("management account"));
      assertThat(decision.outcome()).isEqualTo(Outcome.ALLOWED);
    }
  }

  @Nested
  class Errors {
    @Test
    void anUnknownUserNamesTheKnownOnes() {
      assertThatThrownBy(() -> AUTHZ.decide(ann("s3:GetObject", APP).user("bob").build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "unknown user `bob`: use a user name or user id of Identity Center, one of"
                  + " ann@example.com");
    }

    @Test
    void anAccountIdWinsOverAnAccountNamedLikeIt() {
      PermissionSet set =
          PermissionSet.builder(PS + "named00000000001", "Named")
              .inlinePolicy(
                  identity(
                      """
                      {"Version": "2012-10-17",
                       "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                      """))
              .build();
      Snapshot snapshot =
          Snapshot.builder()
              .organization(
                  Organization.builder(ORG, MANAGEMENT)
                      .root(Root.of(ROOT))
                      .account(Account.of(MANAGEMENT, "Management", ROOT))
                      .account(Account.of(APP, DATA, ROOT))
                      .account(Account.of(DATA, "Data", ROOT))
                      .build())
              .identityCenter(
                  IdentityCenter.builder(INSTANCE, "d-00000000aa")
                      .user(User.of("u-ann", "ann", "Ann", "ann@example.com"))
                      .permissionSet(set)
                      .assignment(AccountAssignment.toUser(APP, set, "u-ann"))
                      .build())
              .build();
      Authorizer authz = Authorizer.compile(snapshot);
      for (int i = 0; i < 3; i++) {
        AccessRequest inData =
            AccessRequest.builder().user("ann").account(DATA).action("s3:GetObject").build();
        AccessRequest inApp =
            AccessRequest.builder().user("ann").account(APP).action("s3:GetObject").build();

        assertThat(authz.decide(inData)).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(authz.explain(inData).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
        assertThat(authz.decide(inApp)).isEqualTo(Outcome.ALLOWED);
      }
    }

    @Test
    void aLongUnknownNameIsCutInTheMessage() {
      String name = "x".repeat(100_000);

      assertThatThrownBy(() -> AUTHZ.decide(ann("s3:GetObject", APP).user(name).build()))
          .hasMessageStartingWith("unknown user `" + "x".repeat(120) + "... (100000 characters)`")
          .message()
          .hasSizeLessThan(400);
    }

    @Test
    void anUnknownAccountNamesTheKnownOnes() {
      assertThatThrownBy(() -> AUTHZ.decide(ann("s3:GetObject", "Prod").build()))
          .hasMessage(
              "unknown account `Prod`: use an account id or one of the names App, Data,"
                  + " Management");
    }

    @Test
    void anUnknownPermissionSetNamesTheKnownOnes() {
      AccessRequest request =
          AccessRequest.builder()
              .permissionSet("ann@example.com", "Nope")
              .action("s3:GetObject")
              .account(APP)
              .build();

      assertThatThrownBy(() -> AUTHZ.explain(request))
          .hasMessage("unknown permission set `Nope`: use one of Admin, Audit, S3Reader");
    }

    @Test
    void anUnknownRoleIsAnUnknownPrincipal() {
      AccessRequest request =
          AccessRequest.builder()
              .role("arn:aws:iam::222222222222:role/SomethingElse")
              .action("s3:GetObject")
              .build();

      assertThatThrownBy(() -> AUTHZ.decide(request))
          .hasMessageStartingWith(
              "unknown principal `arn:aws:iam::222222222222:role/SomethingElse`");
    }
  }
}
