package dev.orgauthz.query;

import dev.orgauthz.Snapshot;
import dev.orgauthz.identitycenter.AccessControlAttribute;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A medium organization made from a seed, for tests of the queries at a scale the example
 * organization does not reach: OUs two levels deep, SCPs that deny by OU path, region and tag,
 * permission sets with ABAC on {@code aws:PrincipalTag/Team} and a statement on {@code aws:userid},
 * users in teams, assignments to groups and to single users.
 */
final class GeneratedOrganization {
  private static final String ROOT = "r-gen1";
  private static final String INSTANCE = "arn:aws:sso:::instance/ssoins-00000000000000ge";
  private static final String PS = "arn:aws:sso:::permissionSet/ssoins-00000000000000ge/ps-";
  private static final List<String> TEAMS = List.of("red", "blue", "green", "amber");

  private GeneratedOrganization() {}

  private static String scp(String statement) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
  }

  private static final String FULL = ControlPolicy.FULL_AWS_ACCESS_TEXT;

  private static final String DENY_TERMINATE_UNLESS_TEAM =
      scp(
          "{\"Effect\":\"Deny\",\"Action\":\"ec2:TerminateInstances\",\"Resource\":\"*\","
              + "\"Condition\":{\"StringNotEqualsIfExists\":"
              + "{\"aws:PrincipalTag/Team\":[\"red\",\"blue\"]}}}");

  private static final String DENY_OUTSIDE_REGION =
      scp(
          "{\"Effect\":\"Deny\",\"NotAction\":[\"iam:*\",\"sts:*\"],\"Resource\":\"*\","
              + "\"Condition\":{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}");

  private static final String DENY_S3_DELETE =
      scp("{\"Effect\":\"Deny\",\"Action\":\"s3:Delete*\",\"Resource\":\"*\"}");

  private static final List<String> SETS =
      List.of(
          "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"Action\":[\"ec2:*\",\"s3:*\"],\"Resource\":\"*\","
              + "\"Condition\":{\"StringEquals\":"
              + "{\"aws:ResourceTag/Team\":\"${aws:PrincipalTag/Team}\"}}}",
          "{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\",\"ec2:Describe*\"],"
              + "\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":"
              + "\"arn:aws:s3:::home/${aws:userid}/*\"},"
              + "{\"Effect\":\"Allow\",\"Action\":\"ec2:TerminateInstances\",\"Resource\":\"*\"}",
          "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],"
              + "\"Resource\":\"*\"}");

  /** An organization of about {@code accounts} accounts, {@code users} users, from a seed. */
  static Snapshot generate(int accounts, int users, long seed) {
    Random random = new Random(seed);

    // The tree: two levels of OUs, accounts spread over them
    Organization.Builder org =
        Organization.builder("o-generated01", "100000000000")
            .root(Root.of(ROOT))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
            .account(Account.of("100000000000", "Management", ROOT));
    List<String> nodes = new ArrayList<>(List.of(ROOT, "100000000000"));
    List<String> units = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String top = String.format(Locale.ROOT, "ou-gen1-top%05d", i);
      org.organizationalUnit(OrganizationalUnit.of(top, "Top" + i, ROOT));
      units.add(top);
      for (int j = 0; j < 3; j++) {
        String child = String.format(Locale.ROOT, "ou-gen1-c%d%05d", i, j);
        org.organizationalUnit(OrganizationalUnit.of(child, "Child" + i + j, top));
        units.add(child);
      }
    }
    nodes.addAll(units);
    List<String> accountIds = new ArrayList<>();
    for (int i = 1; i < accounts; i++) {
      String id = String.format(Locale.ROOT, "1%011d", i);
      org.account(Account.of(id, "Account" + i, units.get(random.nextInt(units.size()))));
      accountIds.add(id);
    }
    nodes.addAll(accountIds);
    org.policy(
        ControlPolicy.fullAwsAccess(
            Policies.parse(FULL, PolicyType.SERVICE_CONTROL, "FullAWSAccess"), nodes));
    org.policy(
        scpAt(
            "p-terminate01", "DenyTerminateUnlessTeam", DENY_TERMINATE_UNLESS_TEAM, units.get(0)));
    org.policy(scpAt("p-region0001", "DenyOutsideRegion", DENY_OUTSIDE_REGION, units.get(4)));
    org.policy(scpAt("p-s3delete01", "DenyS3Delete", DENY_S3_DELETE, accountIds.get(0)));

    // Identity Center: teams, permission sets, assignments to groups and to users
    IdentityCenter.Builder center =
        IdentityCenter.builder(INSTANCE, "d-generated1")
            .homeRegion("eu-west-1")
            .accessControlAttribute(AccessControlAttribute.of("Team", "${path:team}"));
    List<PermissionSet> sets = new ArrayList<>();
    for (int i = 0; i < SETS.size(); i++) {
      PermissionSet set =
          PermissionSet.builder(String.format(Locale.ROOT, "%sgen%013d", PS, i), "Set" + i)
              .inlinePolicy(
                  Policies.parse(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[" + SETS.get(i) + "]}",
                      PolicyType.IDENTITY,
                      "Set" + i))
              .build();
      sets.add(set);
      center.permissionSet(set);
    }
    List<String> groups = new ArrayList<>();
    for (String team : TEAMS) {
      center.group(Group.of("g-" + team, team));
      groups.add("g-" + team);
    }
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      String id = String.format(Locale.ROOT, "u-%05d", i);
      String team = TEAMS.get(random.nextInt(TEAMS.size()));
      User user = User.of(id, "user" + i, "User " + i, "user" + i + "@example.com");
      center.user(random.nextInt(10) == 0 ? user : user.withAttribute("team", team));
      center.membership("g-" + team, id);
      userIds.add(id);
    }
    Set<AccountAssignment> assignments = new LinkedHashSet<>();
    for (String account : accountIds) {
      for (int k = 0; k < 3; k++) {
        PermissionSet set = sets.get(random.nextInt(sets.size()));
        assignments.add(
            AccountAssignment.toGroup(account, set, groups.get(random.nextInt(groups.size()))));
        assignments.add(
            AccountAssignment.toUser(account, set, userIds.get(random.nextInt(userIds.size()))));
      }
    }
    assignments.forEach(center::assignment);
    return Snapshot.builder().organization(org.build()).identityCenter(center.build()).build();
  }

  private static ControlPolicy scpAt(String id, String name, String text, String target) {
    return ControlPolicy.scp(
        id, name, Policies.parse(text, PolicyType.SERVICE_CONTROL, name), List.of(target));
  }
}
