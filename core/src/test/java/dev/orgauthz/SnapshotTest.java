package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.identitycenter.PrincipalType;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Finding;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Building the model validates it: errors for what AWS rejects, findings for what is suspect. */
class SnapshotTest {
  static final String ORG = "o-testorg0001";
  static final String ROOT = "r-test";
  static final String MANAGEMENT = "111111111111";
  static final String MEMBER = "222222222222";
  static final String OTHER = "333333333333";
  static final String OU = "ou-test-aaaaaaaa";
  static final String INSTANCE = "arn:aws:sso:::instance/ssoins-0000000000000001";
  static final String ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

  static Organization.Builder org() {
    return Organization.builder(ORG, MANAGEMENT)
        .root(Root.of(ROOT))
        .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
        .organizationalUnit(OrganizationalUnit.of(OU, "Workloads", ROOT))
        .account(Account.of(MANAGEMENT, "Management", ROOT))
        .account(Account.of(MEMBER, "Member", OU))
        .account(Account.of(OTHER, "Other", OU))
        .policy(
            ControlPolicy.fullAwsAccess(
                Docs.allowAll(PolicyType.SERVICE_CONTROL),
                List.of(ROOT, OU, MANAGEMENT, MEMBER, OTHER)));
  }

  static PermissionSet.Builder set(String name) {
    return PermissionSet.builder(
        "arn:aws:sso:::permissionSet/ssoins-0000000000000001/ps-" + name.toLowerCase(), name);
  }

  static IdentityCenter.Builder center(PermissionSet... sets) {
    IdentityCenter.Builder builder =
        IdentityCenter.builder(INSTANCE, "d-0000000001")
            .homeRegion("eu-west-2")
            .user(User.of("u-1", "ann", "Ann", "ann@example.com"))
            .group(Group.of("g-1", "Team"))
            .membership("g-1", "u-1");
    for (PermissionSet set : sets) {
      builder.permissionSet(set);
    }
    return builder;
  }

  static AwsManagedPolicies catalog() {
    return AwsManagedPolicies.of(
        List.of(
            ManagedPolicy.awsManaged(
                "/", "AdministratorAccess", Docs.allowAll(PolicyType.IDENTITY))));
  }

  @Nested
  class Organizations {
    @Test
    void aValidOrganizationHasNoFindings() {
      Organization org = org().build();

      assertThat(org.findings()).isEmpty();
      assertThat(org.ancestors(OTHER)).containsExactly(ROOT, OU);
      assertThat(org.orgPath(OTHER)).isEqualTo(ORG + "/" + ROOT + "/" + OU + "/");
      assertThat(org.orgPath(MANAGEMENT)).isEqualTo(ORG + "/" + ROOT + "/");
      assertThat(org.nodeName(OU)).isEqualTo("Workloads");
    }

    @Test
    void idsAreUnique() {
      Organization.Builder org = org().organizationalUnit(OrganizationalUnit.of(OU, "Again", ROOT));

      assertThatThrownBy(org::build)
          .isInstanceOf(ModelException.class)
          .hasMessage("duplicate node id `" + OU + "`: give each its own id");
    }

    @Test
    void anOrganizationHasOneRoot() {
      assertThatThrownBy(() -> org().root(Root.of("r-other")))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("has two roots, `r-test` and `r-other`");
      assertThatThrownBy(() -> Organization.builder(ORG, MANAGEMENT).build())
          .hasMessage("organization " + ORG + " has no root: add one with root(...)");
    }

    @Test
    void organizationalUnitsFormNoCycle() {
      Organization.Builder org =
          org()
              .organizationalUnit(
                  OrganizationalUnit.of("ou-test-bbbbbbbb", "B", "ou-test-cccccccc"))
              .organizationalUnit(
                  OrganizationalUnit.of("ou-test-cccccccc", "C", "ou-test-bbbbbbbb"));

      assertThatThrownBy(org::build)
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("organizational units form a cycle: ou-test-bbbbbbbb -> ");
    }

    @Test
    void parentsResolve() {
      Organization.Builder org = org().account(Account.of("444444444444", "Lost", "ou-test-gone"));

      assertThatThrownBy(org::build)
          .hasMessage(
              "account Lost (444444444444) has parent `ou-test-gone`, which is neither the root"
                  + " nor an organizational unit: fix the parent id");
    }

    @Test
    void controlPolicyTargetsAreInTheTree() {
      Organization.Builder org =
          org()
              .policy(
                  ControlPolicy.scp(
                      "p-deny000001",
                      "Deny",
                      Docs.allowAll(PolicyType.SERVICE_CONTROL),
                      List.of("ou-test-gone")));

      assertThatThrownBy(org::build)
          .hasMessageContaining(
              "`Deny` (p-deny000001) is attached to `ou-test-gone`, which is not in the"
                  + " organization");
    }

    @Test
    void theManagementAccountIsAnAccountOfTheOrganization() {
      Organization.Builder org =
          Organization.builder(ORG, "999999999999")
              .root(Root.of(ROOT))
              .account(Account.of(MEMBER, "Member", ROOT));

      assertThatThrownBy(org::build).hasMessageContaining("management account `999999999999`");
    }

    @Test
    void accountIdsHaveTwelveDigits() {
      assertThatThrownBy(() -> Account.of("12345", "Short", ROOT))
          .hasMessage(
              "account id `12345` is not a 12-digit account id: write all 12 digits, leading"
                  + " zeros too");
    }

    @Test
    void policiesOfTypesNotModelledAreIgnored() {
      Organization org =
          org()
              .policy(
                  new ControlPolicy(
                      "p-tags000001",
                      "Tags",
                      "TAG_POLICY",
                      "",
                      false,
                      Docs.allowAll(PolicyType.IDENTITY),
                      List.of(ROOT)))
              .enablePolicyType("TAG_POLICY")
              .build();

      assertThat(org.policies()).extracting(ControlPolicy::id).containsExactly("p-FullAWSAccess");
      assertThat(org.policyTypeEnabled("TAG_POLICY")).isTrue();
    }

    @Test
    void anOuNestedDeeperThanFiveLevelsIsAFinding() {
      Organization.Builder org = org();
      String parent = ROOT;
      for (int i = 1; i <= 6; i++) {
        String id = "ou-test-deep000" + i;
        org.organizationalUnit(OrganizationalUnit.of(id, "Level" + i, parent));
        parent = id;
      }
      org.policy(
          ControlPolicy.scp(
              "p-deep000001",
              "Deep",
              Docs.allowAll(PolicyType.SERVICE_CONTROL),
              List.of(
                  "ou-test-deep0001",
                  "ou-test-deep0002",
                  "ou-test-deep0003",
                  "ou-test-deep0004",
                  "ou-test-deep0005",
                  "ou-test-deep0006")));

      assertThat(org.build().findings())
          .extracting(Finding::code, Finding::message)
          .containsExactly(
              tuple(
                  "ou-too-deep",
                  "organizational unit `Level6` (ou-test-deep0006) is nested 6 levels deep; AWS"
                      + " allows 5"));
    }

    @Test
    void moreThanFiveScpsOnATargetIsAFinding() {
      Organization.Builder org = org();
      for (int i = 1; i <= 5; i++) {
        org.policy(
            ControlPolicy.scp(
                "p-many00000" + i,
                "Many" + i,
                Docs.allowAll(PolicyType.SERVICE_CONTROL),
                List.of(MEMBER)));
      }

      assertThat(org.build().findings())
          .extracting(Finding::code, Finding::message)
          .containsExactly(
              tuple(
                  "too-many-scps",
                  "account `Member` (222222222222) has 6 SCPs attached; AWS allows 5"));
    }

    @Test
    void anScpOver5120CharactersIsAFinding() {
      Organization org =
          org()
              .policy(
                  ControlPolicy.scp(
                      "p-large00001",
                      "Large",
                      Docs.sized(PolicyType.SERVICE_CONTROL, 5_121),
                      List.of(MEMBER)))
              .build();

      assertThat(org.findings()).extracting(Finding::code).containsExactly("scp-too-large");
    }

    @Test
    void aNodeWithoutScpIsAFinding() {
      Organization org =
          org().organizationalUnit(OrganizationalUnit.of("ou-test-bare0001", "Bare", ROOT)).build();

      assertThat(org.findings())
          .extracting(Finding::code, Finding::message)
          .containsExactly(
              tuple(
                  "no-scp-attached",
                  "organizational unit `Bare` (ou-test-bare0001) has no SCP attached, so every"
                      + " action is implicitly denied below it; AWS keeps at least one attached"));
    }
  }

  @Nested
  class IdentityCenters {
    @Test
    void membershipsNameKnownUsers() {
      IdentityCenter.Builder center = center().membership("g-1", "u-404");

      assertThatThrownBy(center::build)
          .isInstanceOf(ModelException.class)
          .hasMessage(
              "group `Team` has unknown member `u-404`: members are users; add the user or fix"
                  + " the user id");
    }

    @Test
    void membershipsNameKnownGroups() {
      assertThatThrownBy(() -> center().membership("g-404", "u-1").build())
          .hasMessageContaining("names unknown group `g-404`");
    }

    @Test
    void assignmentsNameKnownPermissionSets() {
      PermissionSet admin = set("Admin").build();
      IdentityCenter.Builder center =
          center().assignment(AccountAssignment.toUser(MEMBER, admin, "u-1"));

      assertThatThrownBy(center::build)
          .hasMessage(
              "assignment in account `222222222222` names unknown permission set `"
                  + admin.arn()
                  + "`: add the permission set or fix its ARN");
    }

    @Test
    void assignmentsNameKnownUsersAndGroups() {
      PermissionSet admin = set("Admin").build();
      IdentityCenter.Builder center =
          center(admin).assignment(AccountAssignment.toGroup(MEMBER, admin, "g-404"));

      assertThatThrownBy(center::build)
          .hasMessage(
              "assignment of `Admin` in account `222222222222` names unknown group `g-404`: add"
                  + " it or fix the id");
    }

    @Test
    void permissionSetNamesAreUnique() {
      PermissionSet one = set("Admin").build();
      PermissionSet two =
          PermissionSet.builder(
                  "arn:aws:sso:::permissionSet/ssoins-0000000000000001/ps-other", "Admin")
              .build();

      assertThatThrownBy(() -> center(one, two).build())
          .hasMessage("duplicate permission set name `Admin`: give each its own id");
    }

    @Test
    void permissionSetsFollowTheAwsLimits() {
      assertThatThrownBy(() -> set("Has Space").build()).hasMessageContaining("1 to 32 letters");
      assertThatThrownBy(() -> set("Long").sessionDuration(Duration.ofHours(13)).build())
          .hasMessageContaining("outside 1 to 12 hours");
      assertThatThrownBy(() -> new PermissionsBoundary(null, null))
          .hasMessageContaining("give exactly one");
    }

    @Test
    void assignmentsReachUsersDirectlyAndThroughGroups() {
      PermissionSet admin = set("Admin").build();
      PermissionSet read = set("Read").build();
      IdentityCenter center =
          center(admin, read)
              .assignment(AccountAssignment.toUser(MEMBER, admin, "u-1"))
              .assignment(AccountAssignment.toGroup(MEMBER, read, "g-1"))
              .assignment(AccountAssignment.toGroup(MEMBER, read, "g-1"))
              .build();

      assertThat(center.assignments()).hasSize(2);
      assertThat(center.assignmentsOf("u-1"))
          .extracting(AccountAssignment::principalType)
          .containsExactly(PrincipalType.USER, PrincipalType.GROUP);
      assertThat(center.user("ann")).isEqualTo(center.user("u-1"));
    }

    @Test
    void attributesResolveFromTheUser() {
      User user =
          User.of("u-1", "ann", "Ann Example", "ann@example.com")
              .withAttribute("enterprise.costCenter", "CC-1")
              .withAttribute("name.givenName", "Ann");

      assertThat(
              AccessControlAttribute.of("CostCenter", "${path:enterprise.costCenter}")
                  .valueFor(user))
          .contains("CC-1");
      assertThat(AccessControlAttribute.of("Given", "${path:name.givenName}").valueFor(user))
          .contains("Ann");
      assertThat(AccessControlAttribute.of("User", "${path:userName}").valueFor(user))
          .contains("ann");
      assertThat(
              AccessControlAttribute.of("Mail", "${path:emails[primary eq true].value}")
                  .valueFor(user))
          .contains("ann@example.com");
      assertThat(AccessControlAttribute.of("Title", "${path:title}").valueFor(user)).isEmpty();
      assertThat(AccessControlAttribute.of("Literal", "engineering").valueFor(user)).isEmpty();
    }
  }

  @Nested
  class Snapshots {
    @Test
    void assignmentsNameAccountsOfTheOrganization() {
      PermissionSet admin = set("Admin").awsManagedPolicy(ADMIN_ARN).build();
      Snapshot.Builder snapshot =
          Snapshot.builder()
              .organization(org().build())
              .awsManagedPolicies(catalog())
              .identityCenter(
                  center(admin)
                      .assignment(AccountAssignment.toUser("999999999999", admin, "u-1"))
                      .build());

      assertThatThrownBy(snapshot::build)
          .isInstanceOf(ModelException.class)
          .hasMessage(
              "permission set `Admin` is assigned in account `999999999999`, which is not in the"
                  + " organization: fix the account id or add the account");
    }

    @Test
    void awsManagedPoliciesAreInTheCatalog() {
      PermissionSet admin = set("Admin").awsManagedPolicy(ADMIN_ARN).build();
      Snapshot.Builder snapshot =
          Snapshot.builder().organization(org().build()).identityCenter(center(admin).build());

      assertThatThrownBy(snapshot::build)
          .hasMessage(
              "permission set `Admin` uses AWS managed policy `"
                  + ADMIN_ARN
                  + "`, which the catalog of AWS managed policies lacks: add the policy to the"
                  + " catalog");
    }

    @Test
    void aCustomerManagedReferenceMustExistWhereTheAccountsIamDataIsKnown() {
      PermissionSet audit =
          set("Audit").customerManagedPolicy(CustomerManagedPolicyReference.of("Extras")).build();
      Snapshot.Builder snapshot =
          Snapshot.builder()
              .organization(org().build())
              .identityCenter(
                  center(audit).assignment(AccountAssignment.toUser(MEMBER, audit, "u-1")).build())
              .iamData(AccountIamData.of(MEMBER, List.of()));

      assertThatThrownBy(snapshot::build)
          .hasMessage(
              "permission set `Audit` references customer managed policy `/Extras`, which"
                  + " account Member (222222222222) lacks: create the policy there with that path"
                  + " and name, or remove the reference");
    }

    @Test
    void aCustomerManagedReferenceResolvesWhenThePolicyExists() {
      PermissionSet audit =
          set("Audit").customerManagedPolicy(CustomerManagedPolicyReference.of("Extras")).build();
      Snapshot snapshot =
          Snapshot.builder()
              .organization(org().build())
              .identityCenter(
                  center(audit).assignment(AccountAssignment.toUser(MEMBER, audit, "u-1")).build())
              .iamData(
                  AccountIamData.of(
                      MEMBER,
                      List.of(
                          ManagedPolicy.customerManaged(
                              MEMBER, "/", "Extras", Docs.allowAll(PolicyType.IDENTITY)))))
              .build();

      assertThat(snapshot.findings()).isEmpty();
    }

    @Test
    void aCustomerManagedReferenceInAnAccountWithoutIamDataIsAFinding() {
      PermissionSet audit =
          set("Audit")
              .permissionsBoundary(
                  PermissionsBoundary.customerManaged(
                      new CustomerManagedPolicyReference("Boundary", "/limits/")))
              .build();
      Snapshot snapshot =
          Snapshot.builder()
              .organization(org().build())
              .identityCenter(
                  center(audit).assignment(AccountAssignment.toUser(MEMBER, audit, "u-1")).build())
              .build();

      assertThat(snapshot.findings())
          .extracting(Finding::code, Finding::message)
          .containsExactly(
              tuple(
                  "customer-managed-policy-unresolved",
                  "permission set `Audit` references customer managed policies [/limits/Boundary]"
                      + " but the IAM data of account Member (222222222222) is unknown, so its"
                      + " role there is assigned but not usable; add the account's IAM data"));
    }

    @Test
    void iamDataIsForAccountsOfTheOrganization() {
      Snapshot.Builder snapshot =
          Snapshot.builder()
              .organization(org().build())
              .iamData(AccountIamData.of("999999999999", List.of()));

      assertThatThrownBy(snapshot::build).hasMessageContaining("account `999999999999`");
    }

    @Test
    void theRegionComesFromTheInstanceElseFromAProvisionedRole() {
      IdentityCenter withoutRegion = IdentityCenter.builder(INSTANCE, "d-0000000001").build();
      Snapshot fromRole =
          Snapshot.builder()
              .organization(org().build())
              .identityCenter(withoutRegion)
              .iamData(
                  new AccountIamData(
                      MEMBER,
                      List.of(),
                      List.of(
                          ProvisionedRole.of(
                              MEMBER,
                              "/aws-reserved/sso.amazonaws.com/ap-south-1/",
                              "AWSReservedSSO_Admin_0123456789abcdef",
                              null))))
              .build();
      Snapshot unknown =
          Snapshot.builder().organization(org().build()).identityCenter(withoutRegion).build();

      assertThat(fromRole.identityCenterRegion()).contains("ap-south-1");
      assertThat(unknown.identityCenterRegion()).isEmpty();
      assertThat(unknown.findings())
          .extracting(Finding::code)
          .containsExactly("identity-center-region-unknown");
    }

    @Test
    void aProvisionedRoleBelongsToOnePermissionSet() {
      ProvisionedRole role =
          ProvisionedRole.of(
              MEMBER,
              "/aws-reserved/sso.amazonaws.com/",
              "AWSReservedSSO_Dev_Ops_0123456789abcdef",
              null);

      assertThat(role.isRoleOf("Dev_Ops")).isTrue();
      assertThat(role.isRoleOf("Dev")).isFalse();
    }
  }

  @Nested
  class Requests {
    @Test
    void aRequestNamesOnePrincipal() {
      assertThatThrownBy(() -> AccessRequest.builder().action("s3:GetObject").build())
          .hasMessageContaining("names exactly one principal");
      assertThatThrownBy(
              () ->
                  AccessRequest.builder()
                      .user("ann")
                      .role("arn:aws:iam::222222222222:role/x")
                      .action("s3:GetObject")
                      .build())
          .hasMessageContaining("names exactly one principal");
    }

    @Test
    void aUserRequestNamesAnAccountAndAnAction() {
      assertThatThrownBy(() -> AccessRequest.builder().user("ann").action("s3:GetObject").build())
          .hasMessage("the request for user `ann` names no account: call account(id or name)");
      assertThatThrownBy(() -> AccessRequest.builder().user("ann").account(MEMBER).build())
          .hasMessage("the request names no action: call action(...)");
      assertThatThrownBy(
              () -> AccessRequest.builder().user("ann").account(MEMBER).action("s3").build())
          .hasMessageContaining("is not of the form service:Action");
    }

    @Test
    void theResourceDefaultsToEverything() {
      AccessRequest request =
          AccessRequest.builder().user("ann").account(MEMBER).action("s3:ListAllMyBuckets").build();

      assertThat(request.resource()).isEqualTo("*");
      assertThat(request.context().size()).isZero();
    }
  }
}
