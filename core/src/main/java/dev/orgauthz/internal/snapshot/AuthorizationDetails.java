package dev.orgauthz.internal.snapshot;

import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The output of {@code aws iam get-account-authorization-details}, already checked against its
 * schema: managed policies (each with the document of its default version) and roles.
 */
final class AuthorizationDetails {
  private final String file;
  private final Map<String, Entry> policiesByArn = new LinkedHashMap<>();
  private final List<ProvisionedRole> identityCenterRoles = new ArrayList<>();

  /** A managed policy not parsed yet: parsing waits until the policy is used. */
  record Entry(
      String arn, String name, String path, String versionId, JsonNode document, String pointer) {}

  /**
   * Reads the policies and roles of a file. Records an error for a policy without a default
   * version.
   */
  AuthorizationDetails(JsonNode root, String file, Problems problems) {
    this.file = file;
    int index = 0;
    for (JsonNode policy : Json.array(root, "Policies")) {
      String pointer = "/Policies/" + index++;
      String defaultVersion = policy.get("DefaultVersionId").asString();
      JsonNode chosen = null;
      int chosenIndex = -1;
      int versionIndex = 0;
      for (JsonNode version : Json.array(policy, "PolicyVersionList")) {
        JsonNode isDefault = version.get("IsDefaultVersion");
        if ((isDefault != null && isDefault.asBoolean())
            || version.get("VersionId").asString().equals(defaultVersion)) {
          chosen = version;
          chosenIndex = versionIndex;
        }
        versionIndex++;
      }
      String arn = policy.get("Arn").asString();
      if (chosen == null) {
        problems.add(
            file,
            pointer + "/PolicyVersionList",
            "policy `"
                + arn
                + "` has no version marked as default ("
                + defaultVersion
                + "): export it with get-account-authorization-details, which lists the default"
                + " version");
        continue;
      }
      policiesByArn.put(
          arn,
          new Entry(
              arn,
              policy.get("PolicyName").asString(),
              policy.get("Path").asString(),
              chosen.get("VersionId").asString(),
              chosen.get("Document"),
              pointer + "/PolicyVersionList/" + chosenIndex + "/Document"));
    }
    for (JsonNode role : Json.array(root, "RoleDetailList")) {
      ProvisionedRole provisioned =
          new ProvisionedRole(
              role.get("Arn").asString(),
              role.get("RoleName").asString(),
              role.get("Path").asString(),
              Json.textOrNull(role, "RoleId"));
      if (provisioned.isIdentityCenterRole()) {
        identityCenterRoles.add(provisioned);
      }
    }
  }

  /** The file the details came from. */
  String file() {
    return file;
  }

  /** The managed policies by ARN, not parsed yet. */
  Map<String, Entry> policies() {
    return policiesByArn;
  }

  /**
   * The roles Identity Center provisioned ({@code AWSReservedSSO_...}); other roles are left out.
   */
  List<ProvisionedRole> identityCenterRoles() {
    return identityCenterRoles;
  }

  /** Parses a policy; null, with an error recorded, when its document is invalid. */
  @Nullable ManagedPolicy parse(Entry entry, String source, Problems problems) {
    PolicyDocument document =
        Documents.parse(
            entry.document(), PolicyType.IDENTITY, source, file, entry.pointer(), problems);
    return document == null
        ? null
        : new ManagedPolicy(entry.arn(), entry.name(), entry.path(), document, entry.versionId());
  }
}
