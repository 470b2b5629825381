package dev.orgauthz;

import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;

/**
 * A test organization of two accounts, the management account and {@code Work}, and one user
 * assigned one permission set in {@code Work}, whose inline policy is given: for tests of the
 * decision path that need one policy and nothing else.
 */
final class OneSetOrganization {
  static final String MANAGEMENT = "444444444444";
  static final String WORK = "555555555555";

  private OneSetOrganization() {}

  /** The organization, with the user {@code userName} and the inline policy {@code policy}. */
  static Snapshot snapshot(String userName, String policy) {
    String instance = "arn:aws:sso:::instance/ssoins-00000000000000bb";
    PermissionSet set =
        PermissionSet.builder(
                "arn:aws:sso:::permissionSet/ssoins-00000000000000bb/ps-0000000000000001", "Set")
            .inlinePolicy(Policies.parse(policy, PolicyType.IDENTITY, "inline"))
            .build();
    return Snapshot.builder()
        .organization(
            Organization.builder("o-oneset000001", MANAGEMENT)
                .root(Root.of("r-ones"))
                .account(Account.of(MANAGEMENT, "Management", "r-ones"))
                .account(Account.of(WORK, "Work", "r-ones"))
                .build())
        .identityCenter(
            IdentityCenter.builder(instance, "d-00000000bb")
                .user(User.of("u-" + userName, userName, userName, userName + "@example.com"))
                .permissionSet(set)
                .assignment(AccountAssignment.toUser(WORK, set, "u-" + userName))
                .build())
        .build();
  }
}
