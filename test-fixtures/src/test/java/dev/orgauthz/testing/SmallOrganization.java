package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccountAssignment;
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
import dev.orgauthz.policy.PolicyType;
import java.util.List;

/**
 * A small organization for what the example organization lacks: an allow-list SCP (OU {@code
 * Restricted} allows only {@code s3:*}), a group without members, an OU without accounts, and a
 * permission set assigned nowhere.
 *
 * <pre>
 * Root (r-tst1)                  FullAWSAccess
 * +-- Management  111111111111   FullAWSAccess
 * +-- Restricted  ou-tst1-restrict   OnlyS3 (no FullAWSAccess)
 * |   +-- Lab     222222222222   FullAWSAccess
 * +-- Vacant      ou-tst1-vacant0    FullAWSAccess
 * </pre>
 *
 * <p>User uma has permission set Everything (allows {@code *}) in Lab; group Empty has no members
 * and Everything in Lab; permission set Unused is assigned nowhere.
 */
final class SmallOrganization {
  static final String LAB = "222222222222";

  private SmallOrganization() {}

  static Authorizer authorizer() {
    return Authorizer.compile(snapshot());
  }

  static Snapshot snapshot() {
    String root = "r-tst1";
    String restricted = "ou-tst1-restrict";
    String vacant = "ou-tst1-vacant0";
    Organization organization =
        Organization.builder("o-smallorg01", "111111111111")
            .root(Root.of(root))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
            .organizationalUnit(OrganizationalUnit.of(restricted, "Restricted", root))
            .organizationalUnit(OrganizationalUnit.of(vacant, "Vacant", root))
            .account(Account.of("111111111111", "Management", root))
            .account(Account.of(LAB, "Lab", restricted))
            .policy(
                ControlPolicy.fullAwsAccess(
                    Policies.parse(
                        ControlPolicy.FULL_AWS_ACCESS_TEXT,
                        PolicyType.SERVICE_CONTROL,
                        "FullAWSAccess"),
                    List.of(root, "111111111111", LAB, vacant)))
            .policy(
                ControlPolicy.scp(
                    "p-onlys3000001",
                    "OnlyS3",
                    Policies.parse(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowS3\","
                            + "\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}",
                        PolicyType.SERVICE_CONTROL,
                        "OnlyS3"),
                    List.of(restricted)))
            .build();

    PermissionSet everything =
        PermissionSet.builder(
                "arn:aws:sso:::permissionSet/ssoins-00000000000000s1/ps-0000000000000001",
                "Everything")
            .inlinePolicy(
                Policies.parse(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"*\",\"Resource\":\"*\"}]}",
                    PolicyType.IDENTITY,
                    "Everything"))
            .build();
    PermissionSet unused =
        PermissionSet.builder(
                "arn:aws:sso:::permissionSet/ssoins-00000000000000s1/ps-0000000000000002", "Unused")
            .build();
    IdentityCenter center =
        IdentityCenter.builder("arn:aws:sso:::instance/ssoins-00000000000000s1", "d-small")
            .homeRegion("eu-west-1")
            .user(User.of("u-uma", "uma", "Uma", "uma@example.com"))
            .group(Group.of("g-empty", "Empty"))
            .permissionSet(everything)
            .permissionSet(unused)
            .assignment(AccountAssignment.toUser(LAB, everything, "u-uma"))
            .assignment(AccountAssignment.toGroup(LAB, everything, "g-empty"))
            .build();
    return Snapshot.builder().organization(organization).identityCenter(center).build();
  }
}
