package dev.orgauthz.internal.snapshot;

import dev.orgauthz.Provenance;
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
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Snapshot} in the library's own format, {@code "schemaVersion": 1} (see {@code
 * snapshot-v1.schema.json}). Policy documents are written as JSON objects, in their normalized
 * text, with the source they were first read from.
 */
public final class SnapshotWriter {
  /** The version of the format this writer writes. */
  public static final int SCHEMA_VERSION = 1;

  /** Two-space indentation, one array element a line: diffs of two snapshots stay readable. */
  private static final ObjectWriter PRETTY =
      Json.MAPPER
          .writer()
          .with(
              new DefaultPrettyPrinter()
                  .withSeparators(
                      Separators.createDefaultInstance()
                          .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                          .withObjectEmptySeparator("")
                          .withArrayEmptySeparator(""))
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private SnapshotWriter() {}

  /** The snapshot as JSON text, indented, ending with a line break. */
  public static String write(Snapshot snapshot) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.set("provenance", provenance(snapshot.provenance()));
    root.set("organization", organization(snapshot.organization()));
    snapshot.identityCenter().ifPresent(center -> root.set("identityCenter", center(center)));
    ObjectNode iam = root.putObject("iam");
    ArrayNode awsManaged = iam.putArray("awsManagedPolicies");
    snapshot.awsManagedPolicies().policies().forEach(p -> awsManaged.add(managedPolicy(p)));
    ArrayNode accounts = iam.putArray("accounts");
    for (AccountIamData data : snapshot.iamData()) {
      ObjectNode account = accounts.addObject().put("accountId", data.accountId());
      ArrayNode policies = account.putArray("policies");
      data.policies().forEach(p -> policies.add(managedPolicy(p)));
      ArrayNode roles = account.putArray("roles");
      for (ProvisionedRole role : data.roles()) {
        ObjectNode node =
            roles
                .addObject()
                .put("arn", role.arn())
                .put("name", role.name())
                .put("path", role.path());
        if (role.roleId() != null) {
          node.put("roleId", role.roleId());
        }
      }
    }
    return PRETTY.writeValueAsString(root) + "\n";
  }

  private static ObjectNode provenance(Provenance provenance) {
    ObjectNode node =
        Json.MAPPER.createObjectNode().put("collectedFrom", provenance.collectedFrom());
    if (provenance.collectedAt() != null) {
      node.put("collectedAt", provenance.collectedAt().toString());
    }
    node.set("details", strings(provenance.details()));
    return node;
  }

  private static ObjectNode organization(Organization organization) {
    ObjectNode node =
        Json.MAPPER
            .createObjectNode()
            .put("id", organization.id())
            .put("managementAccountId", organization.managementAccountId());
    node.putObject("root")
        .put("id", organization.root().id())
        .put("name", organization.root().name());
    ArrayNode types = node.putArray("enabledPolicyTypes");
    organization.enabledPolicyTypes().forEach(types::add);
    ArrayNode units = node.putArray("organizationalUnits");
    for (OrganizationalUnit unit : organization.organizationalUnits()) {
      units
          .addObject()
          .put("id", unit.id())
          .put("name", unit.name())
          .put("parentId", unit.parentId());
    }
    ArrayNode accounts = node.putArray("accounts");
    for (Account account : organization.accounts()) {
      accounts
          .addObject()
          .put("id", account.id())
          .put("name", account.name())
          .put("email", account.email())
          .put("state", account.state())
          .put("parentId", account.parentId())
          .set("tags", strings(account.tags()));
    }
    ArrayNode policies = node.putArray("policies");
    for (ControlPolicy policy : organization.policies()) {
      ObjectNode entry =
          policies
              .addObject()
              .put("id", policy.id())
              .put("name", policy.name())
              .put("type", policy.type())
              .put("description", policy.description())
              .put("awsManaged", policy.awsManaged());
      entry.set("policy", document(policy.document()));
      ArrayNode targets = entry.putArray("targets");
      policy.targets().forEach(targets::add);
    }
    return node;
  }

  private static ObjectNode center(IdentityCenter center) {
    ObjectNode node =
        Json.MAPPER
            .createObjectNode()
            .put("instanceArn", center.instanceArn())
            .put("identityStoreId", center.identityStoreId());
    center.homeRegion().ifPresent(region -> node.put("homeRegion", region));
    ArrayNode users = node.putArray("users");
    for (User user : center.users()) {
      ObjectNode entry =
          users
              .addObject()
              .put("id", user.id())
              .put("userName", user.userName())
              .put("displayName", user.displayName());
      ArrayNode emails = entry.putArray("emails");
      for (Email email : user.emails()) {
        emails
            .addObject()
            .put("value", email.value())
            .put("type", email.type())
            .put("primary", email.primary());
      }
      entry.set("attributes", strings(user.attributes()));
    }
    ArrayNode groups = node.putArray("groups");
    for (Group group : center.groups()) {
      groups
          .addObject()
          .put("id", group.id())
          .put("displayName", group.displayName())
          .put("description", group.description());
    }
    ArrayNode memberships = node.putArray("memberships");
    for (GroupMembership membership : center.memberships()) {
      memberships
          .addObject()
          .put("groupId", membership.groupId())
          .put("userId", membership.userId());
    }
    ArrayNode sets = node.putArray("permissionSets");
    center.permissionSets().forEach(set -> sets.add(permissionSet(set)));
    ArrayNode assignments = node.putArray("assignments");
    for (AccountAssignment assignment : center.assignments()) {
      assignments
          .addObject()
          .put("accountId", assignment.accountId())
          .put("permissionSetArn", assignment.permissionSetArn())
          .put("principalType", assignment.principalType().name())
          .put("principalId", assignment.principalId());
    }
    ArrayNode attributes = node.putArray("accessControlAttributes");
    for (AccessControlAttribute attribute : center.accessControlAttributes()) {
      ArrayNode sources = attributes.addObject().put("key", attribute.key()).putArray("sources");
      attribute.sources().forEach(sources::add);
    }
    return node;
  }

  private static ObjectNode permissionSet(PermissionSet set) {
    ObjectNode node =
        Json.MAPPER
            .createObjectNode()
            .put("arn", set.arn())
            .put("name", set.name())
            .put("description", set.description())
            .put("sessionDuration", set.sessionDuration().toString());
    ArrayNode awsManaged = node.putArray("awsManagedPolicyArns");
    set.awsManagedPolicyArns().forEach(awsManaged::add);
    ArrayNode customerManaged = node.putArray("customerManagedPolicies");
    set.customerManagedPolicies().forEach(reference -> customerManaged.add(reference(reference)));
    if (set.inlinePolicy() != null) {
      node.set("inlinePolicy", document(set.inlinePolicy()));
    }
    PermissionsBoundary boundary = set.permissionsBoundary();
    if (boundary != null) {
      ObjectNode entry = node.putObject("permissionsBoundary");
      if (boundary.managedPolicyArn() != null) {
        entry.put("managedPolicyArn", boundary.managedPolicyArn());
      }
      if (boundary.customerManagedPolicy() != null) {
        entry.set("customerManagedPolicy", reference(boundary.customerManagedPolicy()));
      }
    }
    return node;
  }

  private static ObjectNode reference(CustomerManagedPolicyReference reference) {
    return Json.MAPPER
        .createObjectNode()
        .put("name", reference.name())
        .put("path", reference.path());
  }

  private static ObjectNode managedPolicy(ManagedPolicy policy) {
    ObjectNode node =
        Json.MAPPER
            .createObjectNode()
            .put("arn", policy.arn())
            .put("name", policy.name())
            .put("path", policy.path())
            .put("versionId", policy.versionId());
    node.set("policy", document(policy.document()));
    return node;
  }

  private static ObjectNode document(PolicyDocument document) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("source", document.source());
    node.set("document", Json.MAPPER.readTree(document.text()));
    return node;
  }

  private static ObjectNode strings(Map<String, String> map) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    map.forEach(node::put);
    return node;
  }
}
