package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread keeps the sessions of recent (authorizer, user, account) names: the ones it finds are
 * those of the authorizer asked, of the user named (not of another whose names hash alike), in the
 * account named, also once the table has replaced entries. Each answer is held to {@link
 * Authorizer#explain}, which resolves the names without the table.
 */
class ThreadSessionTableTest {
  private static final String ALLOW_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
          + "\"Resource\":\"*\"}]}";
  private static final String ALLOW_EC2 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:*\","
          + "\"Resource\":\"*\"}]}";

  private static AccessRequest ask(String user, String account, String action) {
    return AccessRequest.builder().user(user).account(account).action(action).build();
  }

  private static void assertAgrees(Authorizer authz, AccessRequest request, Outcome expected) {
    assertThat(authz.decide(request)).as("%s", request).isEqualTo(expected);
    assertThat(authz.explain(request).outcome()).as("%s", request).isEqualTo(expected);
  }

  @Test
  void twoAuthorizersOnOneThreadAnswerFromTheirOwnOrganization() {
    // The same user, account and action names; only the inline policy differs
    Authorizer s3 = Authorizer.compile(OneSetOrganization.snapshot("alice", ALLOW_S3));
    Authorizer ec2 = Authorizer.compile(OneSetOrganization.snapshot("alice", ALLOW_EC2));
    for (int i = 0; i < 100; i++) {
      String work = new String(OneSetOrganization.WORK.toCharArray());
      assertAgrees(s3, ask("alice", work, "s3:GetObject"), Outcome.ALLOWED);
      assertAgrees(ec2, ask("alice", work, "s3:GetObject"), Outcome.IMPLICIT_DENY);
      assertAgrees(
          s3, ask("alice", OneSetOrganization.WORK, "ec2:RunInstances"), Outcome.IMPLICIT_DENY);
      assertAgrees(ec2, ask("alice", OneSetOrganization.WORK, "ec2:RunInstances"), Outcome.ALLOWED);
    }
  }

  @Test
  void usersWhoseNamesHashAlikeAreToldApart() {
    // "Aa" and "BB" have the same String hash, so their entries share a set and a hash
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Authorizer authz = Authorizer.compile(users(List.of("Aa", "BB")));
    for (int i = 0; i < 10; i++) {
      assertAgrees(authz, ask("Aa", OneSetOrganization.WORK, "s3:GetObject"), Outcome.ALLOWED);
      assertAgrees(
          authz, ask("BB", OneSetOrganization.WORK, "s3:GetObject"), Outcome.IMPLICIT_DENY);
      assertAgrees(
          authz,
          ask(new String("BB".toCharArray()), OneSetOrganization.WORK, "ec2:RunInstances"),
          Outcome.ALLOWED);
      assertAgrees(
          authz, ask("Aa", OneSetOrganization.WORK, "ec2:RunInstances"), Outcome.IMPLICIT_DENY);
    }
  }

  @Test
  void accountsWhoseNamesHashAlikeAreToldApart() {
    // Accounts named "Aa" and "BB": asked by name, the user's entries share a set and a hash
    String instance = "arn:aws:sso:::instance/ssoins-00000000000000bb";
    PermissionSet s3 = set(1, "S3", ALLOW_S3);
    PermissionSet ec2 = set(2, "Ec2", ALLOW_EC2);
    Snapshot snapshot =
        Snapshot.builder()
            .organization(
                Organization.builder("o-oneset000001", OneSetOrganization.MANAGEMENT)
                    .root(Root.of("r-ones"))
                    .account(Account.of(OneSetOrganization.MANAGEMENT, "Management", "r-ones"))
                    .account(Account.of("666666666666", "Aa", "r-ones"))
                    .account(Account.of("777777777777", "BB", "r-ones"))
                    .build())
            .identityCenter(
                IdentityCenter.builder(instance, "d-00000000bb")
                    .permissionSet(s3)
                    .permissionSet(ec2)
                    .user(User.of("u-1", "alice", "alice", "alice@example.com"))
                    .assignment(AccountAssignment.toUser("666666666666", s3, "u-1"))
                    .assignment(AccountAssignment.toUser("777777777777", ec2, "u-1"))
                    .build())
            .build();
    Authorizer authz = Authorizer.compile(snapshot);
    for (int i = 0; i < 10; i++) {
      assertAgrees(authz, ask("alice", "Aa", "s3:GetObject"), Outcome.ALLOWED);
      assertAgrees(authz, ask("alice", "BB", "s3:GetObject"), Outcome.IMPLICIT_DENY);
      assertAgrees(authz, ask("alice", "BB", "ec2:RunInstances"), Outcome.ALLOWED);
      assertAgrees(authz, ask("alice", "Aa", "ec2:RunInstances"), Outcome.IMPLICIT_DENY);
    }
  }

  @Test
  void usersBeyondWhatTheTableKeepsAreAnsweredFromTheirOwnSessions() {
    // More users than the table's 2,048 ways, asked in turn three times, so entries are replaced
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      names.add("user" + i);
    }
    Authorizer authz = Authorizer.compile(users(names));
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < names.size(); i++) {
        boolean s3 = i % 2 == 0;
        assertThat(authz.decide(ask(names.get(i), OneSetOrganization.WORK, "s3:GetObject")))
            .as("%s", names.get(i))
            .isEqualTo(s3 ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY);
        assertThat(authz.decide(ask(names.get(i), OneSetOrganization.WORK, "ec2:StopInstances")))
            .as("%s", names.get(i))
            .isEqualTo(s3 ? Outcome.IMPLICIT_DENY : Outcome.ALLOWED);
        assertThat(authz.decide(ask(names.get(i), OneSetOrganization.MANAGEMENT, "s3:GetObject")))
            .isEqualTo(Outcome.IMPLICIT_DENY);
      }
    }
  }

  /**
   * The organization of {@link OneSetOrganization} with these users in {@code Work}: the first,
   * third, ... assigned a set that allows s3, the others one that allows ec2.
   */
  private static Snapshot users(List<String> names) {
    String instance = "arn:aws:sso:::instance/ssoins-00000000000000bb";
    PermissionSet s3 = set(1, "S3", ALLOW_S3);
    PermissionSet ec2 = set(2, "Ec2", ALLOW_EC2);
    IdentityCenter.Builder center =
        IdentityCenter.builder(instance, "d-00000000bb").permissionSet(s3).permissionSet(ec2);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String id = "u-" + i;
      center
          .user(User.of(id, name, name, "user" + i + "@example.com"))
          .assignment(AccountAssignment.toUser(OneSetOrganization.WORK, i % 2 == 0 ? s3 : ec2, id));
    }
    return Snapshot.builder()
        .organization(
            Organization.builder("o-oneset000001", OneSetOrganization.MANAGEMENT)
                .root(Root.of("r-ones"))
                .account(Account.of(OneSetOrganization.MANAGEMENT, "Management", "r-ones"))
                .account(Account.of(OneSetOrganization.WORK, "Work", "r-ones"))
                .build())
        .identityCenter(center.build())
        .build();
  }

  private static PermissionSet set(int number, String name, String policy) {
    return PermissionSet.builder(
            "arn:aws:sso:::permissionSet/ssoins-00000000000000bb/ps-000000000000000" + number, name)
        .inlinePolicy(Policies.parse(policy, PolicyType.IDENTITY, name))
        .build();
  }
}
