package dev.orgauthz.internal.snapshot;

import dev.orgauthz.ModelException;
import dev.orgauthz.Provenance;
import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the AWS CLI export layout (see the README) into a {@link Snapshot}. Every file is checked
 * against the schema of the call that wrote it before use; every reference must resolve. All the
 * errors found are reported together, each naming the file, the JSON pointer and the fix.
 */
public final class ExportReader {
  private static final String ORGS = "organizations/";
  private static final String POLICY_TYPE_ENABLED = "ENABLED";

  private final Path directory;
  private final Problems problems = new Problems();
  private final ExportFiles files;

  /** The ids of the root, OUs and accounts in the tree, as the walk from the root finds them. */
  private final Set<String> nodes = new LinkedHashSet<>();

  private final Set<String> accounts = new LinkedHashSet<>();

  /**
   * True once the tree was read without error; until then, references to nodes are not checked, so
   * that one broken file does not turn into an error for every reference.
   */
  private boolean treeKnown;

  private ExportReader(Path directory) {
    this.directory = directory;
    this.files = new ExportFiles(directory, problems);
  }

  /**
   * Reads an export directory.
   *
   * @throws dev.orgauthz.SnapshotException with every error found
   */
  public static Snapshot read(Path directory) {
    return new ExportReader(directory).read();
  }

  private Snapshot read() {
    JsonNode manifest = files.optional("export.json");
    Organization organization = organization();
    String region = manifest == null ? null : text(manifest, "identityCenterRegion");
    Set<String> knownAccounts = treeKnown ? accounts : null;
    IdentityCenterReader center = new IdentityCenterReader(files, knownAccounts, region);
    IdentityCenter identityCenter = center.read();
    IamReader iam = new IamReader(files, knownAccounts, center);
    iam.read();
    problems.throwIfAny();
    if (organization == null) {
      throw new IllegalStateException("an organization without errors was not built");
    }

    Snapshot.Builder builder =
        Snapshot.builder()
            .organization(organization)
            .awsManagedPolicies(AwsManagedPolicies.of(iam.awsManagedPolicies()))
            .provenance(provenance(manifest, organization, iam));
    if (identityCenter != null) {
      builder.identityCenter(identityCenter);
    }
    iam.accountData().forEach(builder::iamData);
    try {
      return builder.build();
    } catch (ModelException e) {
      problems.add("", "", String.valueOf(e.getMessage()));
      problems.throwIfAny();
      throw e;
    }
  }

  private Provenance provenance(
      @Nullable JsonNode manifest, Organization organization, IamReader iam) {
    Map<String, String> details = new TreeMap<>();
    details.put("format", "aws-cli-export");
    Path name = directory.toAbsolutePath().normalize().getFileName();
    if (name != null) {
      details.put("directory", name.toString());
    }
    Instant exportedAt = null;
    if (manifest != null) {
      String partition = text(manifest, "partition");
      if (partition != null) {
        details.put("partition", partition);
      }
      String region = text(manifest, "identityCenterRegion");
      if (region != null) {
        details.put("identityCenterRegion", region);
      }
      JsonNode at = manifest.get("exportedAt");
      if (at != null && !at.isNull()) {
        exportedAt = instant(at, "export.json", "/exportedAt");
      }
    }
    if (!iam.bundledInUse().isEmpty()) {
      details.put(
          "awsManagedPolicies.bundled",
          String.join(", ", iam.bundledInUse())
              + " (from "
              + BundledManagedPolicies.get().source()
              + ")");
    }
    problems.throwIfAny();
    return new Provenance(
        "AWS CLI export of organization " + organization.id(), exportedAt, details);
  }

  /** A timestamp as the AWS CLI writes it (ISO-8601 text) or as the API does (epoch seconds). */
  private @Nullable Instant instant(JsonNode node, String file, String pointer) {
    if (node.isNumber()) {
      BigDecimal seconds = node.decimalValue();
      long whole = seconds.longValue();
      long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole, nanos);
    }
    try {
      return OffsetDateTime.parse(node.asString()).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(
          file,
          pointer,
          "`"
              + node.asString()
              + "` is not an ISO-8601 timestamp such as 2026-01-15T10:00:00Z, nor epoch seconds");
      return null;
    }
  }

  // ---- the organization

  private @Nullable Organization organization() {
    JsonNode description = files.required(ORGS + "describe-organization.json");
    JsonNode roots = files.required(ORGS + "list-roots.json");
    if (description == null || roots == null) {
      return null;
    }
    JsonNode org = description.get("Organization");
    String id = org.get("Id").asString();
    JsonNode rootList = roots.get("Roots");
    if (rootList.size() != 1) {
      problems.add(
          ORGS + "list-roots.json",
          "/Roots",
          "the file lists "
              + rootList.size()
              + " roots; an organization has exactly one: export list-roots again");
      return null;
    }
    JsonNode rootNode = rootList.get(0);
    String rootId = rootNode.get("Id").asString();
    Organization.Builder builder =
        files.attempt(
            ORGS + "describe-organization.json",
            "/Organization",
            () ->
                Organization.builder(id, org.get("MasterAccountId").asString())
                    .root(new Root(rootId, textOr(rootNode, "Name", "Root"))));
    if (builder == null) {
      return null;
    }
    Set<String> enabled = enabledTypes(rootNode);
    enabled.forEach(builder::enablePolicyType);

    boolean before = problems.any();
    walkTree(builder, rootId);
    treeKnown = !before && !problems.any();
    for (String type :
        List.of(ControlPolicy.SERVICE_CONTROL_POLICY, ControlPolicy.RESOURCE_CONTROL_POLICY)) {
      policies(builder, type, enabled.contains(type));
    }
    if (problems.any()) {
      return null;
    }
    return files.attempt("", "", builder::build);
  }

  private static Set<String> enabledTypes(JsonNode root) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode type : Json.array(root, "PolicyTypes")) {
      if (type.get("Status").asString().equals(POLICY_TYPE_ENABLED)) {
        out.add(type.get("Type").asString());
      }
    }
    return out;
  }

  /** Walks the tree from the root, reading the OUs and accounts of each parent. */
  private void walkTree(Organization.Builder builder, String rootId) {
    nodes.add(rootId);
    Deque<String> parents = new ArrayDeque<>(List.of(rootId));
    while (!parents.isEmpty()) {
      String parent = parents.poll();
      String unitsFile = ORGS + "list-organizational-units-for-parent/" + parent + ".json";
      JsonNode units = files.required(unitsFile);
      int index = 0;
      for (JsonNode unit : units == null ? List.<JsonNode>of() : units.get("OrganizationalUnits")) {
        String pointer = "/OrganizationalUnits/" + index++;
        String id = unit.get("Id").asString();
        if (!nodes.add(id)) {
          problems.add(
              unitsFile,
              pointer + "/Id",
              "organizational unit `" + id + "` is listed twice in the tree: export it again");
          continue;
        }
        checkPath(unitsFile, pointer, Json.textOrNull(unit, "Path"), parent, id);
        OrganizationalUnit ou =
            files.attempt(
                unitsFile,
                pointer,
                () -> new OrganizationalUnit(id, unit.get("Name").asString(), parent));
        if (ou != null) {
          builder.organizationalUnit(ou);
          parents.add(id);
        }
      }

      String accountsFile = ORGS + "list-accounts-for-parent/" + parent + ".json";
      JsonNode list = files.required(accountsFile);
      index = 0;
      for (JsonNode account : list == null ? List.<JsonNode>of() : list.get("Accounts")) {
        String pointer = "/Accounts/" + index++;
        String id = account.get("Id").asString();
        if (!nodes.add(id)) {
          problems.add(
              accountsFile,
              pointer + "/Id",
              "account `" + id + "` is listed twice in the tree: export it again");
          continue;
        }
        accounts.add(id);
        for (JsonNode path : Json.array(account, "Paths")) {
          checkPath(accountsFile, pointer, path.asString(), parent, id);
        }
        // State replaces the deprecated Status; the schema requires one of them.
        String state = textOr(account, "State", textOr(account, "Status", ""));
        Map<String, String> tags = tags(id);
        Account model =
            files.attempt(
                accountsFile,
                pointer,
                () ->
                    new Account(
                        id,
                        account.get("Name").asString(),
                        textOr(account, "Email", ""),
                        state,
                        parent,
                        tags));
        if (model != null) {
          builder.account(model);
        }
      }
    }
    for (String call :
        List.of("list-organizational-units-for-parent", "list-accounts-for-parent")) {
      for (String name : files.entries(ORGS + call, false)) {
        String parent = ExportFiles.stem(name);
        if (parent == null || !nodes.contains(parent)) {
          problems.add(
              ORGS + call + "/" + name,
              "",
              "the file is for parent `"
                  + name
                  + "`, which is not in the tree under the root: remove it or export again");
        }
      }
    }
  }

  /**
   * Checks an OU's {@code Path} or an account's {@code Paths} entry against the parent it is listed
   * under. A path ends with the node's own id (accounts' paths may omit it).
   */
  private void checkPath(
      String file, String pointer, @Nullable String path, String parent, String id) {
    if (path == null || path.isEmpty()) {
      return;
    }
    List<String> parts = new ArrayList<>(List.of(path.split("/")));
    if (!parts.isEmpty() && parts.get(parts.size() - 1).equals(id)) {
      parts.remove(parts.size() - 1);
    }
    if (parts.isEmpty() || !parts.get(parts.size() - 1).equals(parent)) {
      problems.add(
          file,
          pointer,
          "the path `"
              + path
              + "` of `"
              + id
              + "` does not end at parent `"
              + parent
              + "`, under which it is listed: export the organization again");
    }
  }

  private Map<String, String> tags(String resourceId) {
    JsonNode node = files.optional(ORGS + "list-tags-for-resource/" + resourceId + ".json");
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode tag : node == null ? List.<JsonNode>of() : node.get("Tags")) {
      tags.put(tag.get("Key").asString(), tag.get("Value").asString());
    }
    return tags;
  }

  private void policies(Organization.Builder builder, String type, boolean enabled) {
    String listFile = ORGS + "list-policies/" + type + ".json";
    JsonNode list = enabled ? files.required(listFile) : files.optional(listFile);
    if (list == null) {
      return;
    }
    PolicyType documentType = ControlPolicy.policyType(type);
    int index = 0;
    for (JsonNode summary : list.get("Policies")) {
      String pointer = "/Policies/" + index++;
      String id = summary.get("Id").asString();
      if (!summary.get("Type").asString().equals(type)) {
        problems.add(
            listFile,
            pointer + "/Type",
            "policy `"
                + id
                + "` is of type "
                + summary.get("Type").asString()
                + " in a list of "
                + type
                + ": export list-policies --filter "
                + type
                + " again");
        continue;
      }
      String describeFile = ORGS + "describe-policy/" + id + ".json";
      String targetsFile = ORGS + "list-targets-for-policy/" + id + ".json";
      JsonNode describe = files.required(describeFile);
      JsonNode targetList = files.required(targetsFile);
      if (describe == null || targetList == null || documentType == null) {
        continue;
      }
      JsonNode policy = describe.get("Policy");
      JsonNode details = policy.get("PolicySummary");
      if (!details.get("Id").asString().equals(id)) {
        problems.add(
            describeFile,
            "/Policy/PolicySummary/Id",
            "the file describes policy `"
                + details.get("Id").asString()
                + "`, not `"
                + id
                + "`: export describe-policy --policy-id "
                + id
                + " again");
        continue;
      }
      PolicyDocument document =
          Documents.parse(
              policy.get("Content"),
              documentType,
              describeFile,
              describeFile,
              "/Policy/Content",
              problems);

      List<String> targets = new ArrayList<>();
      int targetIndex = 0;
      for (JsonNode target : targetList.get("Targets")) {
        String targetId = target.get("TargetId").asString();
        if (treeKnown && !nodes.contains(targetId)) {
          problems.add(
              targetsFile,
              "/Targets/" + targetIndex + "/TargetId",
              "policy `"
                  + details.get("Name").asString()
                  + "` is attached to `"
                  + targetId
                  + "`, which is not in the organization's tree: export the tree again, or"
                  + " remove the target");
        }
        targets.add(targetId);
        targetIndex++;
      }
      if (document == null) {
        continue;
      }
      ControlPolicy model =
          files.attempt(
              describeFile,
              "/Policy/PolicySummary",
              () ->
                  new ControlPolicy(
                      id,
                      details.get("Name").asString(),
                      type,
                      textOr(details, "Description", ""),
                      details.has("AwsManaged") && details.get("AwsManaged").asBoolean(),
                      document,
                      targets));
      if (model != null) {
        builder.policy(model);
      }
    }
  }

  // ---- small helpers

  static String textOr(JsonNode node, String field, String fallback) {
    return Json.text(node, field, fallback);
  }

  static @Nullable String text(JsonNode node, String field) {
    return Json.textOrNull(node, field);
  }
}
