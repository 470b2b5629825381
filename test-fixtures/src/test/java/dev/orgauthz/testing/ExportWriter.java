package dev.orgauthz.testing;

import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.Email;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.GroupMembership;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.policy.PolicyDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Snapshot} as an AWS CLI export: one file per call, each as AWS CLI v2 prints it
 * ({@code --output json}: four-space indentation, ISO-8601 timestamps, policy {@code Content} as a
 * JSON string, {@code "NextToken": null} after full pagination). The inverse of the export reader,
 * for tests; {@link ExampleExportTest} keeps the checked-in export of the example organization in
 * step with it.
 *
 * <p>Only what the model holds is written, plus the fields AWS always returns with made-up but
 * well-formed values (ARNs, creation dates, membership ids).
 */
final class ExportWriter {
  /** Keeps decimals as written, as the policy reader does. */
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final ObjectWriter CLI_STYLE =
      JSON.writer()
          .with(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  /** The instant every export of the example claims: when the export was taken. */
  static final Instant EXPORTED_AT = Instant.parse("2026-01-15T09:30:00Z");

  private static final String CREATED = "2024-03-01T12:00:00+00:00";

  private final Snapshot snapshot;
  private final Path root;
  private final boolean rcpFullAwsAccess;

  private ExportWriter(Snapshot snapshot, Path root, boolean rcpFullAwsAccess) {
    this.snapshot = snapshot;
    this.root = root;
    this.rcpFullAwsAccess = rcpFullAwsAccess;
  }

  /**
   * Writes the export.
   *
   * @param rcpFullAwsAccess when RCPs are enabled and the model lacks {@code RCPFullAWSAccess},
   *     list it attached everywhere, as AWS does
   */
  static void write(Snapshot snapshot, Path root, boolean rcpFullAwsAccess) {
    new ExportWriter(snapshot, root, rcpFullAwsAccess).write();
  }

  private void write() {
    Organization org = snapshot.organization();
    ObjectNode manifest = JSON.createObjectNode().put("formatVersion", 1);
    snapshot
        .identityCenter()
        .flatMap(IdentityCenter::homeRegion)
        .ifPresent(region -> manifest.put("identityCenterRegion", region));
    manifest.put(
        "partition", snapshot.identityCenter().map(IdentityCenter::partition).orElse("aws"));
    manifest.put("exportedAt", EXPORTED_AT.toString());
    file("export.json", manifest);

    organization(org);
    snapshot.identityCenter().ifPresent(this::identityCenter);
    iam();
  }

  // ---- organizations

  private void organization(Organization org) {
    String mgmt = org.managementAccountId();
    Account management = org.account(mgmt).orElseThrow();
    ObjectNode description = JSON.createObjectNode();
    description
        .putObject("Organization")
        .put("Id", org.id())
        .put("Arn", "arn:aws:organizations::" + mgmt + ":organization/" + org.id())
        .put("FeatureSet", "ALL")
        .put("MasterAccountArn", accountArn(org, mgmt))
        .put("MasterAccountId", mgmt)
        .put("MasterAccountEmail", management.email())
        .putArray("AvailablePolicyTypes")
        .addObject()
        .put("Type", "SERVICE_CONTROL_POLICY")
        .put("Status", "ENABLED");
    file("organizations/describe-organization.json", description);

    ObjectNode roots = JSON.createObjectNode();
    ObjectNode root =
        roots
            .putArray("Roots")
            .addObject()
            .put("Id", org.root().id())
            .put(
                "Arn",
                "arn:aws:organizations::" + mgmt + ":root/" + org.id() + "/" + org.root().id())
            .put("Name", org.root().name());
    ArrayNode types = root.putArray("PolicyTypes");
    for (String type : org.enabledPolicyTypes()) {
      types.addObject().put("Type", type).put("Status", "ENABLED");
    }
    roots.putNull("NextToken");
    file("organizations/list-roots.json", roots);

    List<String> parents = new ArrayList<>();
    parents.add(org.root().id());
    org.organizationalUnits().forEach(unit -> parents.add(unit.id()));
    for (String parent : parents) {
      ObjectNode units = JSON.createObjectNode();
      ArrayNode unitList = units.putArray("OrganizationalUnits");
      for (OrganizationalUnit unit : org.organizationalUnits()) {
        if (unit.parentId().equals(parent)) {
          unitList
              .addObject()
              .put("Id", unit.id())
              .put("Arn", "arn:aws:organizations::" + mgmt + ":ou/" + org.id() + "/" + unit.id())
              .put("Name", unit.name())
              .put("Path", path(org, unit.id()) + unit.id() + "/");
        }
      }
      units.putNull("NextToken");
      file("organizations/list-organizational-units-for-parent/" + parent + ".json", units);

      ObjectNode accounts = JSON.createObjectNode();
      ArrayNode accountList = accounts.putArray("Accounts");
      for (Account account : org.accounts()) {
        if (account.parentId().equals(parent)) {
          ObjectNode node =
              accountList
                  .addObject()
                  .put("Id", account.id())
                  .put("Arn", accountArn(org, account.id()))
                  .put("Email", account.email())
                  .put("Name", account.name())
                  .put("Status", status(account.state()))
                  .put("State", account.state());
          node.putArray("Paths").add(path(org, account.id()) + account.id() + "/");
          node.put("JoinedMethod", account.id().equals(mgmt) ? "INVITED" : "CREATED")
              .put("JoinedTimestamp", CREATED);
          if (!account.tags().isEmpty()) {
            ObjectNode tags = JSON.createObjectNode();
            ArrayNode tagList = tags.putArray("Tags");
            account
                .tags()
                .forEach((key, value) -> tagList.addObject().put("Key", key).put("Value", value));
            file("organizations/list-tags-for-resource/" + account.id() + ".json", tags);
          }
        }
      }
      accounts.putNull("NextToken");
      file("organizations/list-accounts-for-parent/" + parent + ".json", accounts);
    }

    for (String type :
        List.of(ControlPolicy.SERVICE_CONTROL_POLICY, ControlPolicy.RESOURCE_CONTROL_POLICY)) {
      List<ControlPolicy> policies = new ArrayList<>();
      for (ControlPolicy policy : org.policies()) {
        if (policy.type().equals(type)) {
          policies.add(policy);
        }
      }
      boolean enabled = org.policyTypeEnabled(type);
      if (type.equals(ControlPolicy.RESOURCE_CONTROL_POLICY)
          && enabled
          && rcpFullAwsAccess
          && policies.stream()
              .noneMatch(p -> p.id().equals(ControlPolicy.RCP_FULL_AWS_ACCESS_ID))) {
        List<String> everywhere = new ArrayList<>(parents);
        org.accounts().forEach(account -> everywhere.add(account.id()));
        policies.add(
            0,
            new ControlPolicy(
                ControlPolicy.RCP_FULL_AWS_ACCESS_ID,
                "RCPFullAWSAccess",
                type,
                "Allows access to every operation",
                true,
                dev.orgauthz.policy.Policies.parse(
                    ControlPolicy.RCP_FULL_AWS_ACCESS_TEXT,
                    dev.orgauthz.policy.PolicyType.RESOURCE_CONTROL,
                    "RCPFullAWSAccess"),
                everywhere));
      }
      if (!enabled && policies.isEmpty()) {
        continue;
      }
      ObjectNode list = JSON.createObjectNode();
      ArrayNode summaries = list.putArray("Policies");
      for (ControlPolicy policy : policies) {
        summaries.add(summary(org, policy));
        ObjectNode describe = JSON.createObjectNode();
        ObjectNode content = describe.putObject("Policy");
        content.set("PolicySummary", summary(org, policy));
        content.put("Content", pretty(policy.document()));
        file("organizations/describe-policy/" + policy.id() + ".json", describe);

        ObjectNode targets = JSON.createObjectNode();
        ArrayNode targetList = targets.putArray("Targets");
        for (String target : policy.targets()) {
          targetList
              .addObject()
              .put("TargetId", target)
              .put("Arn", nodeArn(org, target))
              .put("Name", org.nodeName(target))
              .put("Type", nodeType(org, target));
        }
        targets.putNull("NextToken");
        file("organizations/list-targets-for-policy/" + policy.id() + ".json", targets);
      }
      list.putNull("NextToken");
      file("organizations/list-policies/" + type + ".json", list);
    }
  }

  private static String status(String state) {
    return switch (state) {
      case "ACTIVE", "SUSPENDED", "PENDING_CLOSURE" -> state;
      default -> "SUSPENDED";
    };
  }

  private static ObjectNode summary(Organization org, ControlPolicy policy) {
    String lower = policy.type().toLowerCase(Locale.ROOT);
    String arn =
        policy.awsManaged()
            ? "arn:aws:organizations::aws:policy/" + lower + "/" + policy.id()
            : "arn:aws:organizations::"
                + org.managementAccountId()
                + ":policy/"
                + org.id()
                + "/"
                + lower
                + "/"
                + policy.id();
    return JSON.createObjectNode()
        .put("Id", policy.id())
        .put("Arn", arn)
        .put("Name", policy.name())
        .put("Description", policy.description())
        .put("Type", policy.type())
        .put("AwsManaged", policy.awsManaged());
  }

  /** The org path of a node's parent chain: {@code o-.../r-.../ou-.../}. */
  private static String path(Organization org, String node) {
    StringBuilder out = new StringBuilder(org.id()).append('/');
    for (String ancestor : org.ancestors(node)) {
      out.append(ancestor).append('/');
    }
    return out.toString();
  }

  private static String accountArn(Organization org, String account) {
    return "arn:aws:organizations::"
        + org.managementAccountId()
        + ":account/"
        + org.id()
        + "/"
        + account;
  }

  private static String nodeArn(Organization org, String node) {
    String mgmt = org.managementAccountId();
    if (node.equals(org.root().id())) {
      return "arn:aws:organizations::" + mgmt + ":root/" + org.id() + "/" + node;
    }
    if (org.organizationalUnit(node).isPresent()) {
      return "arn:aws:organizations::" + mgmt + ":ou/" + org.id() + "/" + node;
    }
    return accountArn(org, node);
  }

  private static String nodeType(Organization org, String node) {
    if (node.equals(org.root().id())) {
      return "ROOT";
    }
    return org.organizationalUnit(node).isPresent() ? "ORGANIZATIONAL_UNIT" : "ACCOUNT";
  }

  // ---- Identity Center

  private void identityCenter(IdentityCenter center) {
    String sso = "sso-admin/";
    ObjectNode instances = JSON.createObjectNode();
    instances
        .putArray("Instances")
        .addObject()
        .put("InstanceArn", center.instanceArn())
        .put("IdentityStoreId", center.identityStoreId())
        .put("OwnerAccountId", snapshot.organization().managementAccountId())
        .put("CreatedDate", CREATED)
        .put("Status", "ACTIVE");
    instances.putNull("NextToken");
    file(sso + "list-instances.json", instances);

    ObjectNode list = JSON.createObjectNode();
    ArrayNode arns = list.putArray("PermissionSets");
    for (PermissionSet set : center.permissionSets()) {
      arns.add(set.arn());
      permissionSet(set);
    }
    list.putNull("NextToken");
    file(sso + "list-permission-sets.json", list);

    Map<String, List<AccountAssignment>> byFile = new TreeMap<>();
    for (AccountAssignment assignment : center.assignments()) {
      String id =
          assignment
              .permissionSetArn()
              .substring(assignment.permissionSetArn().lastIndexOf('/') + 1);
      byFile
          .computeIfAbsent(assignment.accountId() + "/" + id, k -> new ArrayList<>())
          .add(assignment);
    }
    for (Map.Entry<String, List<AccountAssignment>> entry : byFile.entrySet()) {
      ObjectNode assignments = JSON.createObjectNode();
      ArrayNode items = assignments.putArray("AccountAssignments");
      for (AccountAssignment assignment : entry.getValue()) {
        items
            .addObject()
            .put("AccountId", assignment.accountId())
            .put("PermissionSetArn", assignment.permissionSetArn())
            .put("PrincipalType", assignment.principalType().name())
            .put("PrincipalId", assignment.principalId());
      }
      assignments.putNull("NextToken");
      file(sso + "list-account-assignments/" + entry.getKey() + ".json", assignments);
    }

    if (!center.accessControlAttributes().isEmpty()) {
      ObjectNode config = JSON.createObjectNode().put("Status", "ENABLED").put("StatusReason", "");
      ArrayNode attributes =
          config
              .putObject("InstanceAccessControlAttributeConfiguration")
              .putArray("AccessControlAttributes");
      for (AccessControlAttribute attribute : center.accessControlAttributes()) {
        ArrayNode sources =
            attributes
                .addObject()
                .put("Key", attribute.key())
                .putObject("Value")
                .putArray("Source");
        attribute.sources().forEach(sources::add);
      }
      file(sso + "describe-instance-access-control-attribute-configuration.json", config);
    }

    identityStore(center);
  }

  private void permissionSet(PermissionSet set) {
    String sso = "sso-admin/";
    String id = set.arn().substring(set.arn().lastIndexOf('/') + 1);
    ObjectNode describe = JSON.createObjectNode();
    describe
        .putObject("PermissionSet")
        .put("Name", set.name())
        .put("PermissionSetArn", set.arn())
        .put("Description", set.description())
        .put("CreatedDate", CREATED)
        .put("SessionDuration", set.sessionDuration().toString());
    file(sso + "describe-permission-set/" + id + ".json", describe);

    PolicyDocument inline = set.inlinePolicy();
    file(
        sso + "get-inline-policy-for-permission-set/" + id + ".json",
        JSON.createObjectNode().put("InlinePolicy", inline == null ? "" : pretty(inline)));

    ObjectNode managed = JSON.createObjectNode();
    ArrayNode attached = managed.putArray("AttachedManagedPolicies");
    for (String arn : set.awsManagedPolicyArns()) {
      attached.addObject().put("Name", arn.substring(arn.lastIndexOf('/') + 1)).put("Arn", arn);
    }
    managed.putNull("NextToken");
    file(sso + "list-managed-policies-in-permission-set/" + id + ".json", managed);

    ObjectNode customer = JSON.createObjectNode();
    ArrayNode references = customer.putArray("CustomerManagedPolicyReferences");
    for (CustomerManagedPolicyReference reference : set.customerManagedPolicies()) {
      references.add(reference(reference));
    }
    customer.putNull("NextToken");
    file(
        sso + "list-customer-managed-policy-references-in-permission-set/" + id + ".json",
        customer);

    PermissionsBoundary boundary = set.permissionsBoundary();
    if (boundary != null) {
      ObjectNode node = JSON.createObjectNode();
      ObjectNode content = node.putObject("PermissionsBoundary");
      if (boundary.managedPolicyArn() != null) {
        content.put("ManagedPolicyArn", boundary.managedPolicyArn());
      } else if (boundary.customerManagedPolicy() != null) {
        content.set("CustomerManagedPolicyReference", reference(boundary.customerManagedPolicy()));
      }
      file(sso + "get-permissions-boundary-for-permission-set/" + id + ".json", node);
    }
  }

  private static ObjectNode reference(CustomerManagedPolicyReference reference) {
    return JSON.createObjectNode().put("Name", reference.name()).put("Path", reference.path());
  }

  private void identityStore(IdentityCenter center) {
    String store = "identitystore/";
    ObjectNode users = JSON.createObjectNode();
    ArrayNode userList = users.putArray("Users");
    for (User user : center.users()) {
      userList.add(user(center, user));
    }
    users.putNull("NextToken");
    file(store + "list-users.json", users);

    ObjectNode groups = JSON.createObjectNode();
    ArrayNode groupList = groups.putArray("Groups");
    for (Group group : center.groups()) {
      ObjectNode node =
          groupList.addObject().put("GroupId", group.id()).put("DisplayName", group.displayName());
      if (!group.description().isEmpty()) {
        node.put("Description", group.description());
      }
      node.put("IdentityStoreId", center.identityStoreId());

      ObjectNode memberships = JSON.createObjectNode();
      ArrayNode members = memberships.putArray("GroupMemberships");
      for (GroupMembership membership : center.memberships()) {
        if (membership.groupId().equals(group.id())) {
          ObjectNode member =
              members
                  .addObject()
                  .put("IdentityStoreId", center.identityStoreId())
                  .put("MembershipId", membershipId(membership))
                  .put("GroupId", group.id());
          member.putObject("MemberId").put("UserId", membership.userId());
        }
      }
      memberships.putNull("NextToken");
      file(store + "list-group-memberships/" + group.id() + ".json", memberships);
    }
    groups.putNull("NextToken");
    file(store + "list-groups.json", groups);
  }

  private static String membershipId(GroupMembership membership) {
    String uuid =
        java.util
            .UUID
            .nameUUIDFromBytes(
                (membership.groupId() + "/" + membership.userId()).getBytes(StandardCharsets.UTF_8))
            .toString();
    return membership.userId().substring(0, Math.min(11, membership.userId().length())) + uuid;
  }

  /** A user as list-users prints it, its attributes put back in the fields they come from. */
  private static ObjectNode user(IdentityCenter center, User user) {
    ObjectNode node =
        JSON.createObjectNode().put("UserName", user.userName()).put("UserId", user.id());
    Map<String, String> name = new LinkedHashMap<>();
    Map<String, String> plain = new LinkedHashMap<>();
    Map<String, String> enterprise = new LinkedHashMap<>();
    Map<String, String> address = new LinkedHashMap<>();
    for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
      String key = attribute.getKey();
      if (key.startsWith("name.")) {
        name.put(upperFirst(key.substring(5)), attribute.getValue());
      } else if (key.startsWith("enterprise.")) {
        enterprise.put(key.substring(11), attribute.getValue());
      } else if (key.startsWith("addresses[primary eq true].")) {
        address.put(upperFirst(key.substring(27)), attribute.getValue());
      } else if (key.matches("[a-zA-Z]+")) {
        plain.put(upperFirst(key), attribute.getValue());
      } else {
        throw new IllegalArgumentException("attribute `" + key + "` has no place in list-users");
      }
    }
    if (!name.isEmpty()) {
      ObjectNode names = node.putObject("Name");
      name.forEach(names::put);
    }
    if (!user.displayName().isEmpty()) {
      node.put("DisplayName", user.displayName());
    }
    ArrayNode emails = node.putArray("Emails");
    for (Email email : user.emails()) {
      ObjectNode entry = emails.addObject().put("Value", email.value());
      if (!email.type().isEmpty()) {
        entry.put("Type", email.type());
      }
      entry.put("Primary", email.primary());
    }
    if (!address.isEmpty()) {
      ObjectNode entry = node.putArray("Addresses").addObject();
      address.forEach(entry::put);
      entry.put("Primary", true);
    }
    plain.forEach(node::put);
    if (!enterprise.isEmpty()) {
      ObjectNode extension = node.putObject("Extensions").putObject("aws:identitystore:enterprise");
      for (Map.Entry<String, String> entry : enterprise.entrySet()) {
        String[] parts = entry.getKey().split("\\.", 2);
        if (parts.length == 2) {
          ObjectNode nested =
              extension.has(parts[0])
                  ? (ObjectNode) extension.get(parts[0])
                  : extension.putObject(parts[0]);
          nested.put(parts[1], entry.getValue());
        } else {
          extension.put(entry.getKey(), entry.getValue());
        }
      }
    }
    node.put("IdentityStoreId", center.identityStoreId());
    return node;
  }

  // ---- IAM

  private void iam() {
    ObjectNode awsManaged = details();
    ArrayNode policies = (ArrayNode) awsManaged.get("Policies");
    for (ManagedPolicy policy : snapshot.awsManagedPolicies().policies()) {
      policies.add(managedPolicy(policy));
    }
    file("iam/aws-managed-policies.json", awsManaged);

    for (AccountIamData data : snapshot.iamData()) {
      ObjectNode node = details();
      ArrayNode roles = (ArrayNode) node.get("RoleDetailList");
      for (ProvisionedRole role : data.roles()) {
        ObjectNode entry = roles.addObject().put("Path", role.path()).put("RoleName", role.name());
        if (role.roleId() != null) {
          entry.put("RoleId", role.roleId());
        }
        entry.put("Arn", role.arn()).put("CreateDate", CREATED);
        entry.set("AssumeRolePolicyDocument", trustPolicy(data.accountId()));
        entry.putArray("InstanceProfileList");
        entry.putArray("RolePolicyList");
        entry.putArray("AttachedManagedPolicies");
        entry.putArray("Tags");
        entry.putObject("RoleLastUsed");
      }
      ArrayNode customer = (ArrayNode) node.get("Policies");
      for (ManagedPolicy policy : data.policies()) {
        customer.add(managedPolicy(policy));
      }
      file("iam/" + data.accountId() + "/get-account-authorization-details.json", node);
    }
  }

  private static ObjectNode details() {
    ObjectNode node = JSON.createObjectNode();
    node.putArray("UserDetailList");
    node.putArray("GroupDetailList");
    node.putArray("RoleDetailList");
    node.putArray("Policies");
    return node;
  }

  private static ObjectNode managedPolicy(ManagedPolicy policy) {
    String version = policy.versionId().isEmpty() ? "v1" : policy.versionId();
    ObjectNode node =
        JSON.createObjectNode()
            .put("PolicyName", policy.name())
            .put(
                "PolicyId",
                "ANPA" + Integer.toHexString(policy.arn().hashCode()).toUpperCase(Locale.ROOT))
            .put("Arn", policy.arn())
            .put("Path", policy.path())
            .put("DefaultVersionId", version)
            .put("AttachmentCount", 1)
            .put("PermissionsBoundaryUsageCount", 0)
            .put("IsAttachable", true)
            .put("CreateDate", CREATED)
            .put("UpdateDate", CREATED);
    ObjectNode entry = node.putArray("PolicyVersionList").addObject();
    entry.set("Document", JSON.readTree(policy.document().text()));
    entry.put("VersionId", version).put("IsDefaultVersion", true).put("CreateDate", CREATED);
    return node;
  }

  private static JsonNode trustPolicy(String account) {
    return JSON.readTree(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Federated\":\"arn:aws:iam::"
            + account
            + ":saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE\"},"
            + "\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"],"
            + "\"Condition\":{\"StringEquals\":{\"SAML:aud\":"
            + "\"https://signin.aws.amazon.com/saml\"}}}]}");
  }

  // ---- files

  /** A policy document as JSON text with indentation, as people save them. */
  private static String pretty(PolicyDocument document) {
    return CLI_STYLE.writeValueAsString(JSON.readTree(document.text()));
  }

  private void file(String relative, ObjectNode content) {
    Path path = root.resolve(relative);
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(path, CLI_STYLE.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String upperFirst(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
