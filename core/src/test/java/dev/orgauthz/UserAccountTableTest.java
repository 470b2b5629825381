package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The table in which the decision path finds a user's sessions by account id or name: a user with
 * sessions in many accounts (directly and through a group), asked by ids given as new strings, by
 * unique names, by a name two accounts share and by an account where the user has no session. Every
 * outcome of {@code decide} is the one {@code explain} finds.
 */
class UserAccountTableTest {
  private static final int ACCOUNTS = 40;
  private static final String MANAGEMENT = "100000000000";

  private static String id(int i) {
    return String.format(Locale.ROOT, "2000000000%02d", i);
  }

  private static String name(int i) {
    // Accounts 38 and 39 share a name: asked by it, neither is found.
    return i >= ACCOUNTS - 2 ? "Twin" : "Account-" + i;
  }

  private static PermissionSet set(String suffix, String action) {
    return PermissionSet.builder(
            "arn:aws:sso:::permissionSet/ssoins-00000000000000cc/ps-000000000000000" + suffix,
            "Set" + suffix)
        .inlinePolicy(
            Policies.parse(
                ("{`Version`:`2012-10-17`,`Statement`:[{`Effect`:`Allow`,`Action`:`ACTION`,"
                        + "`Resource`:`*`}]}")
                    .replace("ACTION", action)
                    .replace('`', '"'),
                PolicyType.IDENTITY,
                "inline"))
        .build();
  }

  private static final Authorizer AUTHZ = Authorizer.compile(snapshot());

  private static Snapshot snapshot() {
    Organization.Builder org =
        Organization.builder("o-table0000001", MANAGEMENT)
            .root(Root.of("r-tabl"))
            .account(Account.of(MANAGEMENT, "Management", "r-tabl"));
    for (int i = 0; i < ACCOUNTS; i++) {
      org.account(Account.of(id(i), name(i), "r-tabl"));
    }
    PermissionSet reads = set("1", "s3:Get*");
    PermissionSet writes = set("2", "s3:Put*");
    IdentityCenter.Builder center =
        IdentityCenter.builder("arn:aws:sso:::instance/ssoins-00000000000000cc", "d-00000000cc")
            .user(User.of("u-ana", "ana", "Ana", "ana@example.com"))
            .group(Group.of("g-writers", "Writers"))
            .membership("g-writers", "u-ana")
            .permissionSet(reads)
            .permissionSet(writes);
    for (int i = 0; i < ACCOUNTS; i++) {
      if (i % 2 == 0 || i >= ACCOUNTS - 2) {
        center.assignment(AccountAssignment.toUser(id(i), reads, "u-ana"));
      }
      if (i % 3 == 0) {
        center.assignment(AccountAssignment.toGroup(id(i), writes, "g-writers"));
      }
    }
    return Snapshot.builder().organization(org.build()).identityCenter(center.build()).build();
  }

  private static AccessRequest request(String account, String action) {
    return AccessRequest.builder().user("ana").account(account).action(action).build();
  }

  private static Outcome expected(int i, String action) {
    boolean reads = i % 2 == 0 || i >= ACCOUNTS - 2;
    boolean writes = i % 3 == 0;
    return (action.startsWith("s3:Get") ? reads : writes) ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
  }

  @Test
  void findsTheSessionsOfEveryAccountByIdAndByUniqueName() {
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < ACCOUNTS; i++) {
        for (String action : new String[] {"s3:GetObject", "s3:PutObject"}) {
          // A new String each time: the table compares contents, not identities
          String byId = new String(id(i).toCharArray());
          AccessRequest request = request(byId, action);
          assertThat(AUTHZ.decide(request))
              .as("%s in %s", action, byId)
              .isEqualTo(expected(i, action))
              .isEqualTo(AUTHZ.explain(request).outcome());
          if (i < ACCOUNTS - 2) {
            AccessRequest named = request(new String(name(i).toCharArray()), action);
            assertThat(AUTHZ.decide(named))
                .as("%s in %s", action, name(i))
                .isEqualTo(expected(i, action))
                .isEqualTo(AUTHZ.explain(named).outcome());
          }
        }
      }
    }
  }

  @Test
  void anAccountOfTheOrganizationWithoutSessionsIsAnImplicitDeny() {
    AccessRequest management = request(MANAGEMENT, "s3:GetObject");
    assertThat(AUTHZ.decide(management)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(AUTHZ.explain(management).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aNameTwoAccountsShareOrNoAccountHasIsAnError() {
    assertThatThrownBy(() -> AUTHZ.decide(request("Twin", "s3:GetObject")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Twin");
    assertThatThrownBy(() -> AUTHZ.decide(request("999999999999", "s3:GetObject")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("999999999999");
  }
}
