package dev.orgauthz.internal.snapshot;

import dev.orgauthz.ModelException;
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
import dev.orgauthz.identitycenter.PrincipalType;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the library's own snapshot format. The file is checked against {@code
 * snapshot-v1.schema.json} first; references (parents, policy targets, assignments, memberships)
 * must resolve. All errors found are reported together, each at its JSON pointer.
 */
public final class SnapshotReader {
  private final String file;
  private final Problems problems = new Problems();

  private SnapshotReader(String file) {
    this.file = file;
  }

  /**
   * Reads a snapshot document.
   *
   * @param root the parsed file
   * @param file the file's name, for messages
   * @throws dev.orgauthz.SnapshotException with every error found
   */
  public static Snapshot read(JsonNode root, String file) {
    return new SnapshotReader(file).read(root);
  }

  /** True when the JSON looks like a snapshot of any version: an object with a schema version. */
  public static boolean looksLikeSnapshot(JsonNode root) {
    return root.isObject() && root.has("schemaVersion");
  }

  private Snapshot read(JsonNode root) {
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.isIntegralNumber()) {
      problems.add(
          file,
          "/schemaVersion",
          "the file has no schemaVersion, so it is not an orgauthz snapshot: write one with"
              + " `orgauthz import`, or pass an AWS CLI export directory");
      problems.throwIfAny();
    } else if (version.asInt() != SnapshotWriter.SCHEMA_VERSION) {
      problems.add(
          file,
          "/schemaVersion",
          "schema version "
              + version.asInt()
              + " is not one this orgauthz reads ("
              + SnapshotWriter.SCHEMA_VERSION
              + "): read it with the orgauthz that wrote it, or import the export again");
      problems.throwIfAny();
    }
    if (!Json.validate(
        root,
        "snapshot-v1",
        file,
        "see snapshot-v1.schema.json for the format, or write the file with `orgauthz import`",
        problems)) {
      problems.throwIfAny();
    }

    Organization organization = organization(root.get("organization"));
    JsonNode centerNode = root.get("identityCenter");
    IdentityCenter center =
        centerNode == null || organization == null ? null : center(centerNode, organization);
    JsonNode iam = root.get("iam");
    List<ManagedPolicy> awsManaged =
        managedPolicies(iam.get("awsManagedPolicies"), "/iam/awsManagedPolicies");
    List<AccountIamData> accounts = new ArrayList<>();
    int index = 0;
    for (JsonNode account : iam.get("accounts")) {
      AccountIamData data = accountData(account, "/iam/accounts/" + index++, organization);
      if (data != null) {
        accounts.add(data);
      }
    }
    Provenance provenance = provenance(root.get("provenance"));
    problems.throwIfAny();
    if (organization == null || provenance == null) {
      throw new IllegalStateException("a snapshot without errors was not read");
    }

    Snapshot.Builder builder =
        Snapshot.builder()
            .organization(organization)
            .awsManagedPolicies(AwsManagedPolicies.of(awsManaged))
            .provenance(provenance);
    if (center != null) {
      builder.identityCenter(center);
    }
    accounts.forEach(builder::iamData);
    Snapshot snapshot = attempt("", builder::build);
    problems.throwIfAny();
    if (snapshot == null) {
      throw new IllegalStateException("a snapshot without errors was not built");
    }
    return snapshot;
  }

  private @Nullable Provenance provenance(JsonNode node) {
    Instant collectedAt = null;
    JsonNode at = node.get("collectedAt");
    if (at != null) {
      try {
        collectedAt = Instant.parse(at.asString());
      } catch (DateTimeParseException e) {
        problems.add(
            file,
            "/provenance/collectedAt",
            "`" + at.asString() + "` is not an instant such as 2026-01-15T10:00:00Z");
      }
    }
    Instant when = collectedAt;
    return attempt(
        "/provenance",
        () ->
            new Provenance(
                node.get("collectedFrom").asString(), when, strings(node.get("details"))));
  }

  // ---- the organization

  private @Nullable Organization organization(JsonNode node) {
    JsonNode rootNode = node.get("root");
    Organization.Builder builder =
        attempt(
            "/organization",
            () ->
                Organization.builder(
                        node.get("id").asString(), node.get("managementAccountId").asString())
                    .root(
                        new Root(rootNode.get("id").asString(), rootNode.get("name").asString())));
    if (builder == null) {
      return null;
    }
    node.get("enabledPolicyTypes").forEach(type -> builder.enablePolicyType(type.asString()));

    Set<String> nodes = new HashSet<>();
    nodes.add(rootNode.get("id").asString());
    node.get("organizationalUnits").forEach(unit -> nodes.add(unit.get("id").asString()));
    node.get("accounts").forEach(account -> nodes.add(account.get("id").asString()));

    int index = 0;
    for (JsonNode unit : node.get("organizationalUnits")) {
      String pointer = "/organization/organizationalUnits/" + index++;
      checkNode(nodes, unit.get("parentId").asString(), pointer + "/parentId", "parent");
      OrganizationalUnit model =
          attempt(
              pointer,
              () ->
                  new OrganizationalUnit(
                      unit.get("id").asString(),
                      unit.get("name").asString(),
                      unit.get("parentId").asString()));
      if (model != null) {
        builder.organizationalUnit(model);
      }
    }
    index = 0;
    for (JsonNode account : node.get("accounts")) {
      String pointer = "/organization/accounts/" + index++;
      checkNode(nodes, account.get("parentId").asString(), pointer + "/parentId", "parent");
      Account model =
          attempt(
              pointer,
              () ->
                  new Account(
                      account.get("id").asString(),
                      account.get("name").asString(),
                      account.get("email").asString(),
                      account.get("state").asString(),
                      account.get("parentId").asString(),
                      strings(account.get("tags"))));
      if (model != null) {
        builder.account(model);
      }
    }
    index = 0;
    for (JsonNode policy : node.get("policies")) {
      String pointer = "/organization/policies/" + index++;
      String type = policy.get("type").asString();
      List<String> targets = new ArrayList<>();
      int targetIndex = 0;
      for (JsonNode target : policy.get("targets")) {
        checkNode(nodes, target.asString(), pointer + "/targets/" + targetIndex++, "target");
        targets.add(target.asString());
      }
      PolicyType documentType = ControlPolicy.policyType(type);
      PolicyDocument document =
          documentType == null
              ? null
              : document(policy.get("policy"), documentType, pointer + "/policy");
      if (document == null) {
        continue;
      }
      ControlPolicy model =
          attempt(
              pointer,
              () ->
                  new ControlPolicy(
                      policy.get("id").asString(),
                      policy.get("name").asString(),
                      type,
                      policy.get("description").asString(),
                      policy.get("awsManaged").asBoolean(),
                      document,
                      targets));
      if (model != null) {
        builder.policy(model);
      }
    }
    return problems.any() ? null : attempt("/organization", builder::build);
  }

  private void checkNode(Set<String> nodes, String id, String pointer, String role) {
    if (!nodes.contains(id)) {
      problems.add(
          file,
          pointer,
          "the "
              + role
              + " `"
              + id
              + "` is not in the organization's tree (neither the root, an organizational unit nor"
              + " an account): fix the id or add the node");
    }
  }

  // ---- Identity Center

  private @Nullable IdentityCenter center(JsonNode node, Organization organization) {
    IdentityCenter.Builder builder =
        attempt(
            "/identityCenter",
            () ->
                IdentityCenter.builder(
                    node.get("instanceArn").asString(), node.get("identityStoreId").asString()));
    if (builder == null) {
      return null;
    }
    JsonNode region = node.get("homeRegion");
    if (region != null) {
      builder.homeRegion(region.asString());
    }

    Map<String, PrincipalType> principals = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode user : node.get("users")) {
      String pointer = "/identityCenter/users/" + index++;
      List<Email> emails = new ArrayList<>();
      for (JsonNode email : user.get("emails")) {
        emails.add(
            new Email(
                email.get("value").asString(),
                email.get("type").asString(),
                email.get("primary").asBoolean()));
      }
      User model =
          attempt(
              pointer,
              () ->
                  new User(
                      user.get("id").asString(),
                      user.get("userName").asString(),
                      user.get("displayName").asString(),
                      emails,
                      strings(user.get("attributes"))));
      if (model != null) {
        builder.user(model);
        principals.put(model.id(), PrincipalType.USER);
      }
    }
    index = 0;
    for (JsonNode group : node.get("groups")) {
      Group model =
          attempt(
              "/identityCenter/groups/" + index++,
              () ->
                  new Group(
                      group.get("id").asString(),
                      group.get("displayName").asString(),
                      group.get("description").asString()));
      if (model != null) {
        builder.group(model);
        principals.put(model.id(), PrincipalType.GROUP);
      }
    }
    index = 0;
    for (JsonNode membership : node.get("memberships")) {
      String pointer = "/identityCenter/memberships/" + index++;
      String groupId = membership.get("groupId").asString();
      String userId = membership.get("userId").asString();
      if (principals.get(groupId) != PrincipalType.GROUP) {
        problems.add(
            file,
            pointer + "/groupId",
            "group `" + groupId + "` is not among the groups: add it or fix the id");
      } else if (principals.get(userId) != PrincipalType.USER) {
        problems.add(
            file,
            pointer + "/userId",
            "user `" + userId + "` is not among the users: add it or fix the id");
      } else {
        builder.membership(groupId, userId);
      }
    }

    Set<String> setArns = new HashSet<>();
    index = 0;
    for (JsonNode set : node.get("permissionSets")) {
      PermissionSet model = permissionSet(set, "/identityCenter/permissionSets/" + index++);
      if (model != null) {
        builder.permissionSet(model);
        setArns.add(model.arn());
      }
    }
    index = 0;
    for (JsonNode assignment : node.get("assignments")) {
      String pointer = "/identityCenter/assignments/" + index++;
      String account = assignment.get("accountId").asString();
      String setArn = assignment.get("permissionSetArn").asString();
      PrincipalType type = PrincipalType.valueOf(assignment.get("principalType").asString());
      String principal = assignment.get("principalId").asString();
      if (organization.account(account).isEmpty()) {
        problems.add(
            file,
            pointer + "/accountId",
            "account `" + account + "` is not in the organization: fix the id or add the account");
      } else if (!setArns.contains(setArn)) {
        problems.add(
            file,
            pointer + "/permissionSetArn",
            "permission set `"
                + setArn
                + "` is not among the permission sets: fix the ARN or add it");
      } else if (principals.get(principal) != type) {
        problems.add(
            file,
            pointer + "/principalId",
            type.name().toLowerCase(java.util.Locale.ROOT)
                + " `"
                + principal
                + "` is not among the "
                + (type == PrincipalType.USER ? "users" : "groups")
                + ": fix the id or add it");
      } else {
        builder.assignment(new AccountAssignment(account, setArn, type, principal));
      }
    }
    index = 0;
    for (JsonNode attribute : node.get("accessControlAttributes")) {
      List<String> sources = new ArrayList<>();
      attribute.get("sources").forEach(source -> sources.add(source.asString()));
      AccessControlAttribute model =
          attempt(
              "/identityCenter/accessControlAttributes/" + index++,
              () -> new AccessControlAttribute(attribute.get("key").asString(), sources));
      if (model != null) {
        builder.accessControlAttribute(model);
      }
    }
    return problems.any() ? null : attempt("/identityCenter", builder::build);
  }

  private @Nullable PermissionSet permissionSet(JsonNode node, String pointer) {
    Duration duration;
    try {
      duration = Duration.parse(node.get("sessionDuration").asString());
    } catch (DateTimeParseException e) {
      problems.add(
          file,
          pointer + "/sessionDuration",
          "`"
              + node.get("sessionDuration").asString()
              + "` is not an ISO-8601 duration such as PT4H");
      return null;
    }
    PermissionSet.Builder builder =
        PermissionSet.builder(node.get("arn").asString(), node.get("name").asString())
            .description(node.get("description").asString())
            .sessionDuration(duration);
    node.get("awsManagedPolicyArns").forEach(arn -> builder.awsManagedPolicy(arn.asString()));
    int index = 0;
    for (JsonNode reference : node.get("customerManagedPolicies")) {
      CustomerManagedPolicyReference model =
          attempt(pointer + "/customerManagedPolicies/" + index++, () -> reference(reference));
      if (model != null) {
        builder.customerManagedPolicy(model);
      }
    }
    JsonNode inline = node.get("inlinePolicy");
    if (inline != null) {
      PolicyDocument document = document(inline, PolicyType.IDENTITY, pointer + "/inlinePolicy");
      if (document != null) {
        builder.inlinePolicy(document);
      }
    }
    JsonNode boundary = node.get("permissionsBoundary");
    if (boundary != null) {
      JsonNode managed = boundary.get("managedPolicyArn");
      JsonNode reference = boundary.get("customerManagedPolicy");
      if (managed != null) {
        builder.permissionsBoundary(PermissionsBoundary.awsManaged(managed.asString()));
      } else if (reference != null) {
        CustomerManagedPolicyReference model =
            attempt(
                pointer + "/permissionsBoundary/customerManagedPolicy", () -> reference(reference));
        if (model != null) {
          builder.permissionsBoundary(PermissionsBoundary.customerManaged(model));
        }
      }
    }
    return attempt(pointer, builder::build);
  }

  private static CustomerManagedPolicyReference reference(JsonNode node) {
    return new CustomerManagedPolicyReference(
        node.get("name").asString(), node.get("path").asString());
  }

  // ---- IAM

  private List<ManagedPolicy> managedPolicies(JsonNode list, String pointer) {
    List<ManagedPolicy> out = new ArrayList<>();
    int index = 0;
    for (JsonNode policy : list) {
      String at = pointer + "/" + index++;
      PolicyDocument document = document(policy.get("policy"), PolicyType.IDENTITY, at + "/policy");
      if (document == null) {
        continue;
      }
      ManagedPolicy model =
          attempt(
              at,
              () ->
                  new ManagedPolicy(
                      policy.get("arn").asString(),
                      policy.get("name").asString(),
                      policy.get("path").asString(),
                      document,
                      policy.get("versionId").asString()));
      if (model != null) {
        out.add(model);
      }
    }
    return out;
  }

  private @Nullable AccountIamData accountData(
      JsonNode node, String pointer, @Nullable Organization organization) {
    String account = node.get("accountId").asString();
    if (organization != null && organization.account(account).isEmpty()) {
      problems.add(
          file,
          pointer + "/accountId",
          "account `"
              + account
              + "` is not in the organization: fix the id or remove its IAM data");
      return null;
    }
    List<ManagedPolicy> policies = managedPolicies(node.get("policies"), pointer + "/policies");
    List<ProvisionedRole> roles = new ArrayList<>();
    int index = 0;
    for (JsonNode role : node.get("roles")) {
      JsonNode roleId = role.get("roleId");
      ProvisionedRole model =
          attempt(
              pointer + "/roles/" + index++,
              () ->
                  new ProvisionedRole(
                      role.get("arn").asString(),
                      role.get("name").asString(),
                      role.get("path").asString(),
                      roleId == null ? null : roleId.asString()));
      if (model != null) {
        roles.add(model);
      }
    }
    return attempt(pointer, () -> new AccountIamData(account, policies, roles));
  }

  // ---- helpers

  private @Nullable PolicyDocument document(JsonNode node, PolicyType type, String pointer) {
    return Documents.parse(
        node.get("document"),
        type,
        node.get("source").asString(),
        file,
        pointer + "/document",
        problems);
  }

  private <T> @Nullable T attempt(String pointer, Supplier<T> step) {
    try {
      return step.get();
    } catch (ModelException e) {
      problems.add(file, pointer, String.valueOf(e.getMessage()));
      return null;
    }
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      out.put(entry.getKey(), entry.getValue().asString());
    }
    return out;
  }
}
