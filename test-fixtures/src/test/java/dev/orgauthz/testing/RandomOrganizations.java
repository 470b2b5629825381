package dev.orgauthz.testing;

import dev.orgauthz.Provenance;
import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.Email;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Small valid organizations drawn from a seed: a tree of OUs and accounts, SCPs and RCPs, Identity
 * Center with users, groups, permission sets (AWS managed, customer managed, inline, boundaries)
 * and assignments, IAM data with provisioned roles. The same seed gives the same snapshot.
 */
final class RandomOrganizations {
  private static final String[] ACTIONS = {
    "s3:GetObject",
    "s3:PutObject",
    "s3:*",
    "ec2:TerminateInstances",
    "ec2:Describe*",
    "iam:PassRole",
    "organizations:LeaveOrganization",
    "kms:Decrypt",
    "s3:GetObjekt",
    "dynamodb:Query"
  };

  private static final String[] CONDITIONS = {
    "\"StringNotEquals\":{\"aws:RequestedRegion\":[\"eu-west-1\",\"us-east-1\"]}",
    "\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}",
    "\"NumericGreaterThan\":{\"aws:MultiFactorAuthAge\":3600.50}",
    "\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":[\"o-*/r-*/ou-*/\"]}",
    "\"StringEquals\":{\"aws:ResourceTag/Team\":\"${aws:PrincipalTag/Team}\"}",
    "\"StringEquals\":{\"aws:SourceIpp\":\"x\"}"
  };

  private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-south-1"};

  private final Random random;
  private final String id;

  private RandomOrganizations(long seed) {
    this.random = new Random(seed);
    this.id = Long.toString(Math.abs(seed) % 1_000_000L, 36);
  }

  /** The snapshot of a seed. */
  static Snapshot generate(long seed) {
    return new RandomOrganizations(seed).snapshot();
  }

  private Snapshot snapshot() {
    String rootSuffix = "r" + hex(4);
    String rootId = "r-" + rootSuffix;
    List<String> parents = new ArrayList<>(List.of(rootId));
    List<OrganizationalUnit> units = new ArrayList<>();
    int unitCount = random.nextInt(5);
    for (int i = 0; i < unitCount; i++) {
      String unitId = "ou-" + rootSuffix + "-" + hex(8);
      units.add(OrganizationalUnit.of(unitId, "Unit " + i, pick(parents)));
      parents.add(unitId);
    }
    List<Account> accounts = new ArrayList<>();
    int accountCount = 1 + random.nextInt(6);
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < accountCount) {
      ids.add(String.format("%012d", (long) (random.nextDouble() * 999_999_999_999L)));
    }
    int index = 0;
    for (String accountId : ids) {
      String parent = index == 0 ? rootId : pick(parents);
      Map<String, String> tags = new LinkedHashMap<>();
      if (random.nextBoolean()) {
        tags.put("Environment", pick(new String[] {"prod", "dev"}));
      }
      String state = random.nextInt(5) == 0 ? "SUSPENDED" : Account.ACTIVE;
      accounts.add(
          new Account(
              accountId, "Account " + index, "a" + index + "@example.com", state, parent, tags));
      index++;
    }
    String management = accounts.get(0).id();

    Organization.Builder org =
        Organization.builder("o-" + hex(10), management)
            .root(new Root(rootId, "Root"))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY);
    boolean rcps = random.nextBoolean();
    if (rcps) {
      org.enablePolicyType(ControlPolicy.RESOURCE_CONTROL_POLICY);
    }
    units.forEach(org::organizationalUnit);
    accounts.forEach(org::account);
    List<String> nodes = new ArrayList<>(parents);
    accounts.forEach(account -> nodes.add(account.id()));
    org.policy(
        ControlPolicy.fullAwsAccess(
            Policies.parse(
                ControlPolicy.FULL_AWS_ACCESS_TEXT,
                PolicyType.SERVICE_CONTROL,
                "generated/FullAWSAccess"),
            nodes));
    int scps = random.nextInt(4);
    for (int i = 0; i < scps; i++) {
      org.policy(
          ControlPolicy.scp(
              "p-scp" + id + "x" + i + "0000",
              "Scp" + i,
              document(PolicyType.SERVICE_CONTROL, "Deny", false, "generated/scp" + i),
              some(nodes)));
    }
    if (rcps && random.nextBoolean()) {
      org.policy(
          ControlPolicy.rcp(
              "p-rcp" + id + "x00000",
              "Rcp",
              document(PolicyType.RESOURCE_CONTROL, "Deny", true, "generated/rcp"),
              some(nodes)));
    }
    Organization organization = org.build();

    Snapshot.Builder snapshot =
        Snapshot.builder()
            .organization(organization)
            .provenance(
                new Provenance(
                    "generated organization " + id,
                    random.nextBoolean()
                        ? null
                        : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1000)),
                    Map.of("seed", id)));
    if (random.nextInt(4) > 0) {
      identityCenter(snapshot, accounts);
    } else {
      snapshot.awsManagedPolicies(AwsManagedPolicies.empty());
    }
    return snapshot.build();
  }

  private void identityCenter(Snapshot.Builder snapshot, List<Account> accounts) {
    String instance = "ssoins-" + hex(16);
    String region = random.nextBoolean() ? pick(REGIONS) : null;
    IdentityCenter.Builder center =
        IdentityCenter.builder("arn:aws:sso:::instance/" + instance, "d-" + hex(10));
    if (region != null) {
      center.homeRegion(region);
    }
    boolean attributes = random.nextBoolean();
    if (attributes) {
      center.accessControlAttribute(
          AccessControlAttribute.of("Team", "${path:enterprise.department}"));
    }

    List<String> users = new ArrayList<>();
    int userCount = 1 + random.nextInt(4);
    for (int i = 0; i < userCount; i++) {
      String userId = hex(10) + "-" + uuid();
      Map<String, String> userAttributes = new LinkedHashMap<>();
      userAttributes.put("name.givenName", "Given" + i);
      if (random.nextBoolean()) {
        userAttributes.put("enterprise.department", "Team" + random.nextInt(3));
      }
      if (random.nextBoolean()) {
        userAttributes.put("title", "Engineer");
      }
      List<Email> emails =
          random.nextBoolean()
              ? List.of(Email.primary("user" + i + "@example.com"))
              : List.of(
                  new Email("user" + i + "@example.com", "work", true),
                  new Email("u" + i + "@example.org", "", false));
      center.user(
          new User(
              userId, "user" + i, random.nextBoolean() ? "User " + i : "", emails, userAttributes));
      users.add(userId);
    }
    List<String> groups = new ArrayList<>();
    int groupCount = random.nextInt(3);
    for (int i = 0; i < groupCount; i++) {
      String groupId = hex(10) + "-" + uuid();
      center.group(new Group(groupId, "Group " + i, random.nextBoolean() ? "" : "about " + i));
      groups.add(groupId);
      for (String user : users) {
        if (random.nextBoolean()) {
          center.membership(groupId, user);
        }
      }
    }

    Map<String, ManagedPolicy> awsManaged = new LinkedHashMap<>();
    Set<CustomerManagedPolicyReference> references = new LinkedHashSet<>();
    List<PermissionSet> sets = new ArrayList<>();
    int setCount = 1 + random.nextInt(4);
    for (int i = 0; i < setCount; i++) {
      PermissionSet.Builder set =
          PermissionSet.builder(
                  "arn:aws:sso:::permissionSet/" + instance + "/ps-" + hex(16), "Set" + i)
              .description(random.nextBoolean() ? "" : "set " + i)
              .sessionDuration(Duration.ofHours(1 + random.nextInt(12)));
      if (random.nextBoolean()) {
        ManagedPolicy policy = awsManaged(random.nextInt(2));
        awsManaged.put(policy.arn(), policy);
        set.awsManagedPolicy(policy.arn());
      }
      if (random.nextBoolean()) {
        set.inlinePolicy(document(PolicyType.IDENTITY, "Allow", false, "generated/inline" + i));
      }
      if (random.nextBoolean()) {
        CustomerManagedPolicyReference reference =
            new CustomerManagedPolicyReference(
                "Extra" + random.nextInt(2), random.nextBoolean() ? "/" : "/team/");
        references.add(reference);
        set.customerManagedPolicy(reference);
      }
      int boundary = random.nextInt(4);
      if (boundary == 1) {
        ManagedPolicy policy = awsManaged(1);
        awsManaged.put(policy.arn(), policy);
        set.permissionsBoundary(PermissionsBoundary.awsManaged(policy.arn()));
      } else if (boundary == 2) {
        CustomerManagedPolicyReference reference = CustomerManagedPolicyReference.of("Boundary");
        references.add(reference);
        set.permissionsBoundary(PermissionsBoundary.customerManaged(reference));
      }
      PermissionSet built = set.build();
      sets.add(built);
      center.permissionSet(built);
    }

    Map<String, Set<String>> assigned = new LinkedHashMap<>();
    int assignmentCount = random.nextInt(8);
    for (int i = 0; i < assignmentCount; i++) {
      Account account = pick(accounts);
      PermissionSet set = pick(sets);
      boolean toGroup = !groups.isEmpty() && random.nextBoolean();
      center.assignment(
          toGroup
              ? AccountAssignment.toGroup(account.id(), set, pick(groups))
              : AccountAssignment.toUser(account.id(), set, pick(users)));
      assigned.computeIfAbsent(account.id(), k -> new LinkedHashSet<>()).add(set.name());
    }
    snapshot.identityCenter(center.build());
    snapshot.awsManagedPolicies(AwsManagedPolicies.of(awsManaged.values()));

    // IAM data: every account with an assignment has it (so references resolve), others by chance.
    for (Account account : accounts) {
      Set<String> names = assigned.getOrDefault(account.id(), Set.of());
      if (names.isEmpty() && random.nextBoolean()) {
        continue;
      }
      List<ManagedPolicy> policies = new ArrayList<>();
      for (CustomerManagedPolicyReference reference : references) {
        policies.add(
            new ManagedPolicy(
                reference.arnIn("aws", account.id()),
                reference.name(),
                reference.path(),
                document(
                    PolicyType.IDENTITY, "Allow", false, "generated/" + account.id() + reference),
                "v" + (1 + random.nextInt(3))));
      }
      List<ProvisionedRole> roles = new ArrayList<>();
      String path =
          "/aws-reserved/sso.amazonaws.com/"
              + (region == null || region.equals("us-east-1") ? "" : region + "/");
      for (String name : names) {
        if (random.nextBoolean()) {
          roles.add(
              ProvisionedRole.of(
                  account.id(),
                  path,
                  "AWSReservedSSO_" + name + "_" + hex(16),
                  random.nextBoolean()
                      ? "AROA" + hex(17).toUpperCase(java.util.Locale.ROOT)
                      : null));
        }
      }
      snapshot.iamData(new AccountIamData(account.id(), policies, roles));
    }
  }

  private ManagedPolicy awsManaged(int which) {
    String name = which == 0 ? "GeneratedReadAccess" : "job-function/GeneratedBoundary";
    String path = which == 0 ? "/" : "/job-function/";
    String simple = name.substring(name.lastIndexOf('/') + 1);
    return new ManagedPolicy(
        "arn:aws:iam::aws:policy" + path + simple,
        simple,
        path,
        Policies.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                + ACTIONS[which]
                + "\",\"ec2:Describe*\"],\"Resource\":\"*\"}]}",
            PolicyType.IDENTITY,
            "generated/" + simple),
        "v" + (which + 2));
  }

  /** A policy document of one to three statements. */
  private PolicyDocument document(
      PolicyType type, String effect, boolean principal, String source) {
    StringBuilder text = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    int statements = 1 + random.nextInt(3);
    for (int i = 0; i < statements; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"").append(effect).append('"');
      if (principal) {
        text.append(",\"Principal\":\"*\"");
      }
      String action = type == PolicyType.RESOURCE_CONTROL ? "s3:GetObject" : pick(ACTIONS);
      text.append(",\"Action\":[\"").append(action).append("\"],\"Resource\":\"*\"");
      if (random.nextBoolean()) {
        text.append(",\"Condition\":{").append(pick(CONDITIONS)).append('}');
      }
      text.append('}');
    }
    text.append("]}");
    return Policies.parse(text.toString(), type, source);
  }

  private List<String> some(List<String> from) {
    List<String> out = new ArrayList<>();
    for (String item : from) {
      if (random.nextInt(3) == 0) {
        out.add(item);
      }
    }
    if (out.isEmpty()) {
      out.add(from.get(0));
    }
    return out;
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private <T> T pick(T[] from) {
    return from[random.nextInt(from.length)];
  }

  private String hex(int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return out.toString();
  }

  private String uuid() {
    return hex(8) + "-" + hex(4) + "-" + hex(4) + "-" + hex(4) + "-" + hex(12);
  }
}
