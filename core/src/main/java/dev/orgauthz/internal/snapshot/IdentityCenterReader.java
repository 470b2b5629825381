package dev.orgauthz.internal.snapshot;

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
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads Identity Center (sso-admin) and its identity store (identitystore) from an export. */
final class IdentityCenterReader {
  private static final String SSO = "sso-admin/";
  private static final String STORE = "identitystore/";
  private static final String ENTERPRISE = "aws:identitystore:enterprise";

  private final ExportFiles files;
  private final Problems problems;

  /** The accounts of the tree, or null when the tree could not be read. */
  private final @Nullable Set<String> accounts;

  private final @Nullable String homeRegion;

  /** Where a permission set names a policy: the file and pointer, for messages. */
  record Place(String file, String pointer) {}

  /** A permission set with the places of its references to managed policies. */
  record SetReferences(
      PermissionSet set,
      Map<String, Place> awsManaged,
      Map<CustomerManagedPolicyReference, Place> customerManaged) {}

  private final Map<String, SetReferences> sets = new LinkedHashMap<>();

  /** False when the list of permission sets could not be read: assignments are not checked. */
  private boolean setsKnown;

  /** The ids ({@code ps-...}) of the permission sets listed, whether or not they could be read. */
  private final Set<String> listedIds = new LinkedHashSet<>();

  private final Set<AccountAssignment> assignments = new LinkedHashSet<>();

  IdentityCenterReader(
      ExportFiles files, @Nullable Set<String> accounts, @Nullable String homeRegion) {
    this.files = files;
    this.problems = files.problems();
    this.accounts = accounts;
    this.homeRegion = homeRegion;
  }

  /** The permission sets read, by ARN, with their references. */
  Map<String, SetReferences> permissionSets() {
    return sets;
  }

  /** The assignments read. */
  Set<AccountAssignment> assignments() {
    return assignments;
  }

  /** Identity Center, or null when the export has none (or has errors, which are recorded). */
  @Nullable IdentityCenter read() {
    JsonNode instances =
        files.exists(SSO) || files.exists(STORE)
            ? files.required(SSO + "list-instances.json")
            : files.optional(SSO + "list-instances.json");
    if (instances == null || instances.get("Instances").isEmpty()) {
      return null;
    }
    if (instances.get("Instances").size() > 1) {
      problems.add(
          SSO + "list-instances.json",
          "/Instances",
          "the export holds "
              + instances.get("Instances").size()
              + " Identity Center instances and orgauthz models the one of the organization:"
              + " keep only that one");
      return null;
    }
    JsonNode instance = instances.get("Instances").get(0);
    String instanceArn = instance.get("InstanceArn").asString();
    IdentityCenter.Builder builder =
        files.attempt(
            SSO + "list-instances.json",
            "/Instances/0",
            () -> IdentityCenter.builder(instanceArn, instance.get("IdentityStoreId").asString()));
    if (builder == null) {
      return null;
    }
    if (homeRegion != null) {
      builder.homeRegion(homeRegion);
    }

    Map<String, PrincipalType> principals = new LinkedHashMap<>();
    users(builder, principals);
    groups(builder, principals);
    permissionSets(builder);
    assignments(builder, principals);
    attributes(builder);
    if (problems.any()) {
      return null;
    }
    return files.attempt("", "", builder::build);
  }

  // ---- the identity store

  private void users(IdentityCenter.Builder builder, Map<String, PrincipalType> principals) {
    String file = STORE + "list-users.json";
    JsonNode list = files.required(file);
    int index = 0;
    for (JsonNode user : list == null ? List.<JsonNode>of() : list.get("Users")) {
      String pointer = "/Users/" + index++;
      String id = user.get("UserId").asString();
      List<Email> emails = new ArrayList<>();
      int emailIndex = 0;
      for (JsonNode email : Json.array(user, "Emails")) {
        String value = Json.textOrNull(email, "Value");
        if (value == null || value.isBlank()) {
          problems.add(
              file,
              pointer + "/Emails/" + emailIndex,
              "the e-mail address has no Value: export list-users again");
        } else {
          emails.add(
              new Email(
                  value,
                  Json.text(email, "Type", ""),
                  email.has("Primary") && email.get("Primary").asBoolean()));
        }
        emailIndex++;
      }
      User model =
          files.attempt(
              file,
              pointer,
              () ->
                  new User(
                      id,
                      user.get("UserName").asString(),
                      Json.text(user, "DisplayName", ""),
                      emails,
                      attributes(user)));
      if (model != null) {
        builder.user(model);
        principals.put(id, PrincipalType.USER);
      }
    }
  }

  /**
   * The attributes of a user by the paths that attributes for access control use: {@code
   * name.givenName}, {@code title}, {@code enterprise.costCenter}, {@code addresses[primary eq
   * true].locality}, ...
   */
  private static Map<String, String> attributes(JsonNode user) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode name = user.get("Name");
    if (name != null && name.isObject()) {
      putStrings(out, "name.", name);
    }
    for (String field :
        List.of(
            "NickName",
            "ProfileUrl",
            "Title",
            "UserType",
            "PreferredLanguage",
            "Locale",
            "Timezone",
            "Website",
            "Birthdate")) {
      String value = Json.textOrNull(user, field);
      if (value != null && user.get(field).isString()) {
        out.put(lowerFirst(field), value);
      }
    }
    for (String field : List.of("Addresses", "PhoneNumbers")) {
      for (JsonNode entry : Json.array(user, field)) {
        if (entry.isObject() && entry.has("Primary") && entry.get("Primary").asBoolean()) {
          putStrings(out, lowerFirst(field) + "[primary eq true].", entry);
        }
      }
    }
    JsonNode extensions = user.get("Extensions");
    JsonNode enterprise = extensions == null ? null : extensions.get(ENTERPRISE);
    if (enterprise != null && enterprise.isObject()) {
      putStrings(out, "enterprise.", enterprise);
      for (Map.Entry<String, JsonNode> entry : enterprise.properties()) {
        if (entry.getValue().isObject()) {
          putStrings(out, "enterprise." + lowerFirst(entry.getKey()) + ".", entry.getValue());
        }
      }
    }
    return out;
  }

  private static void putStrings(Map<String, String> out, String prefix, JsonNode object) {
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (entry.getValue().isString()) {
        out.put(prefix + lowerFirst(entry.getKey()), entry.getValue().stringValue());
      }
    }
  }

  private static String lowerFirst(String name) {
    return name.isEmpty()
        ? name
        : name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
  }

  private void groups(IdentityCenter.Builder builder, Map<String, PrincipalType> principals) {
    String file = STORE + "list-groups.json";
    JsonNode list = files.required(file);
    int index = 0;
    for (JsonNode group : list == null ? List.<JsonNode>of() : list.get("Groups")) {
      String pointer = "/Groups/" + index++;
      String id = group.get("GroupId").asString();
      Group model =
          files.attempt(
              file,
              pointer,
              () ->
                  new Group(
                      id,
                      group.get("DisplayName").asString(),
                      Json.text(group, "Description", "")));
      if (model == null) {
        continue;
      }
      builder.group(model);
      principals.put(id, PrincipalType.GROUP);

      String membershipsFile = STORE + "list-group-memberships/" + id + ".json";
      JsonNode memberships = files.required(membershipsFile);
      int memberIndex = 0;
      for (JsonNode membership :
          memberships == null ? List.<JsonNode>of() : memberships.get("GroupMemberships")) {
        String at = "/GroupMemberships/" + memberIndex++;
        String userId = membership.get("MemberId").get("UserId").asString();
        if (!membership.get("GroupId").asString().equals(id)) {
          problems.add(
              membershipsFile,
              at + "/GroupId",
              "the membership is of group `"
                  + membership.get("GroupId").asString()
                  + "`, not of `"
                  + id
                  + "` that the file is named after: export list-group-memberships again");
        } else if (principals.get(userId) != PrincipalType.USER) {
          problems.add(
              membershipsFile,
              at + "/MemberId/UserId",
              "member `"
                  + userId
                  + "` of group `"
                  + model.displayName()
                  + "` is not a user of "
                  + STORE
                  + "list-users.json: export the users again");
        } else {
          builder.membership(id, userId);
        }
      }
    }
  }

  // ---- permission sets and assignments

  private void permissionSets(IdentityCenter.Builder builder) {
    String listFile = SSO + "list-permission-sets.json";
    JsonNode list = files.required(listFile);
    setsKnown = list != null;
    int index = 0;
    for (JsonNode arnNode : list == null ? List.<JsonNode>of() : list.get("PermissionSets")) {
      String arn = arnNode.asString();
      String id = arn.substring(arn.lastIndexOf('/') + 1);
      listedIds.add(id);
      SetReferences set = permissionSet(arn, id, listFile, "/PermissionSets/" + index++);
      if (set != null) {
        sets.put(arn, set);
        builder.permissionSet(set.set());
      }
    }
  }

  private @Nullable SetReferences permissionSet(
      String arn, String id, String listFile, String listPointer) {
    String describeFile = SSO + "describe-permission-set/" + id + ".json";
    String inlineFile = SSO + "get-inline-policy-for-permission-set/" + id + ".json";
    String managedFile = SSO + "list-managed-policies-in-permission-set/" + id + ".json";
    String customerFile =
        SSO + "list-customer-managed-policy-references-in-permission-set/" + id + ".json";
    String boundaryFile = SSO + "get-permissions-boundary-for-permission-set/" + id + ".json";
    JsonNode describe = files.required(describeFile);
    JsonNode inline = files.required(inlineFile);
    JsonNode managed = files.required(managedFile);
    JsonNode customer = files.required(customerFile);
    JsonNode boundary = files.optional(boundaryFile);
    if (describe == null || inline == null || managed == null || customer == null) {
      return null;
    }

    JsonNode details = describe.get("PermissionSet");
    if (!details.get("PermissionSetArn").asString().equals(arn)) {
      problems.add(
          describeFile,
          "/PermissionSet/PermissionSetArn",
          "the file describes `"
              + details.get("PermissionSetArn").asString()
              + "`, not `"
              + arn
              + "` of "
              + listFile
              + " at "
              + listPointer
              + ": export describe-permission-set again");
      return null;
    }
    String name = details.get("Name").asString();
    Duration duration = Duration.ofHours(1);
    String durationText = Json.textOrNull(details, "SessionDuration");
    if (durationText != null) {
      try {
        duration = Duration.parse(durationText);
      } catch (DateTimeParseException e) {
        problems.add(
            describeFile,
            "/PermissionSet/SessionDuration",
            "`" + durationText + "` is not an ISO-8601 duration such as PT4H");
      }
    }
    PermissionSet.Builder set =
        PermissionSet.builder(arn, name)
            .description(Json.text(details, "Description", ""))
            .sessionDuration(duration);

    // An empty InlinePolicy means the permission set has none.
    String inlineText = Json.textOrNull(inline, "InlinePolicy");
    if (inlineText != null && !inlineText.isBlank()) {
      PolicyDocument document =
          Documents.parse(
              inline.get("InlinePolicy"),
              PolicyType.IDENTITY,
              inlineFile,
              inlineFile,
              "/InlinePolicy",
              problems);
      if (document != null) {
        set.inlinePolicy(document);
      }
    }

    Map<String, Place> awsManaged = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode policy : managed.get("AttachedManagedPolicies")) {
      String policyArn = policy.get("Arn").asString();
      set.awsManagedPolicy(policyArn);
      awsManaged.put(policyArn, new Place(managedFile, "/AttachedManagedPolicies/" + index++));
    }
    Map<CustomerManagedPolicyReference, Place> customerManaged = new LinkedHashMap<>();
    index = 0;
    for (JsonNode reference : customer.get("CustomerManagedPolicyReferences")) {
      String pointer = "/CustomerManagedPolicyReferences/" + index++;
      CustomerManagedPolicyReference model =
          files.attempt(customerFile, pointer, () -> reference(reference));
      if (model != null) {
        set.customerManagedPolicy(model);
        customerManaged.put(model, new Place(customerFile, pointer));
      }
    }
    if (boundary != null) {
      JsonNode content = boundary.get("PermissionsBoundary");
      JsonNode reference = content.get("CustomerManagedPolicyReference");
      String managedArn = Json.textOrNull(content, "ManagedPolicyArn");
      if ((reference == null) == (managedArn == null)) {
        problems.add(
            boundaryFile,
            "/PermissionsBoundary",
            "a permissions boundary names exactly one of CustomerManagedPolicyReference and"
                + " ManagedPolicyArn: export get-permissions-boundary-for-permission-set again");
      } else if (managedArn != null) {
        set.permissionsBoundary(PermissionsBoundary.awsManaged(managedArn));
        awsManaged.put(
            managedArn, new Place(boundaryFile, "/PermissionsBoundary/ManagedPolicyArn"));
      } else if (reference != null) {
        String pointer = "/PermissionsBoundary/CustomerManagedPolicyReference";
        CustomerManagedPolicyReference model =
            files.attempt(boundaryFile, pointer, () -> reference(reference));
        if (model != null) {
          set.permissionsBoundary(PermissionsBoundary.customerManaged(model));
          customerManaged.put(model, new Place(boundaryFile, pointer));
        }
      }
    }
    PermissionSet model = files.attempt(describeFile, "/PermissionSet", set::build);
    return model == null ? null : new SetReferences(model, awsManaged, customerManaged);
  }

  private static CustomerManagedPolicyReference reference(JsonNode node) {
    return new CustomerManagedPolicyReference(
        node.get("Name").asString(), Json.text(node, "Path", "/"));
  }

  private void assignments(IdentityCenter.Builder builder, Map<String, PrincipalType> principals) {
    if (!setsKnown) {
      return;
    }
    String base = SSO + "list-account-assignments/";
    Map<String, String> setsById = new LinkedHashMap<>();
    sets.keySet().forEach(arn -> setsById.put(arn.substring(arn.lastIndexOf('/') + 1), arn));
    for (String stray : files.entries(base, false)) {
      problems.add(
          base + stray,
          "",
          "assignments are kept per account: move the file to "
              + base
              + "<account-id>/<permission-set-id>.json");
    }
    for (String account : files.entries(base, true)) {
      if (accounts != null && !accounts.contains(account)) {
        problems.add(
            base + account,
            "",
            "the directory holds assignments in account `"
                + account
                + "`, which is not in the organization's tree: export the tree again, or remove"
                + " the directory");
        continue;
      }
      for (String name : files.entries(base + account, false)) {
        String file = base + account + "/" + name;
        String setId = ExportFiles.stem(name);
        String setArn = setId == null ? null : setsById.get(setId);
        if (setArn == null && setId != null && listedIds.contains(setId)) {
          continue; // listed, but its files have errors, reported already
        }
        if (setArn == null) {
          problems.add(
              file,
              "",
              "the file holds assignments of permission set `"
                  + (setId == null ? name : setId)
                  + "`, which "
                  + SSO
                  + "list-permission-sets.json does not list: export the permission sets again,"
                  + " or remove the file");
          continue;
        }
        JsonNode list = files.required(file);
        int index = 0;
        for (JsonNode assignment :
            list == null ? List.<JsonNode>of() : list.get("AccountAssignments")) {
          assignment(
              builder,
              principals,
              assignment,
              file,
              "/AccountAssignments/" + index++,
              account,
              setArn);
        }
      }
    }
  }

  private void assignment(
      IdentityCenter.Builder builder,
      Map<String, PrincipalType> principals,
      JsonNode assignment,
      String file,
      String pointer,
      String account,
      String setArn) {
    String accountId = assignment.get("AccountId").asString();
    String arn = assignment.get("PermissionSetArn").asString();
    PrincipalType type = PrincipalType.valueOf(assignment.get("PrincipalType").asString());
    String principal = assignment.get("PrincipalId").asString();
    if (!accountId.equals(account)) {
      problems.add(
          file,
          pointer + "/AccountId",
          "the assignment is in account `"
              + accountId
              + "`, but the file is for account `"
              + account
              + "`: export list-account-assignments again");
    } else if (!arn.equals(setArn)) {
      problems.add(
          file,
          pointer + "/PermissionSetArn",
          "the assignment is of permission set `"
              + arn
              + "`, but the file is for `"
              + setArn
              + "`: export list-account-assignments again");
    } else if (principals.get(principal) != type) {
      problems.add(
          file,
          pointer + "/PrincipalId",
          "the assignment names "
              + type.name().toLowerCase(Locale.ROOT)
              + " `"
              + principal
              + "`, which the identity store export ("
              + STORE
              + (type == PrincipalType.USER ? "list-users.json" : "list-groups.json")
              + ") does not hold: export the identity store again");
    } else {
      AccountAssignment model = new AccountAssignment(accountId, arn, type, principal);
      assignments.add(model);
      builder.assignment(model);
    }
  }

  private void attributes(IdentityCenter.Builder builder) {
    String file = SSO + "describe-instance-access-control-attribute-configuration.json";
    JsonNode config = files.optional(file);
    if (config == null || !config.get("Status").asString().equals("ENABLED")) {
      return;
    }
    JsonNode content = config.get("InstanceAccessControlAttributeConfiguration");
    int index = 0;
    for (JsonNode attribute :
        content == null ? List.<JsonNode>of() : content.get("AccessControlAttributes")) {
      List<String> sources = new ArrayList<>();
      attribute.get("Value").get("Source").forEach(source -> sources.add(source.asString()));
      AccessControlAttribute model =
          files.attempt(
              file,
              "/InstanceAccessControlAttributeConfiguration/AccessControlAttributes/" + index++,
              () -> new AccessControlAttribute(attribute.get("Key").asString(), sources));
      if (model != null) {
        builder.accessControlAttribute(model);
      }
    }
  }
}
