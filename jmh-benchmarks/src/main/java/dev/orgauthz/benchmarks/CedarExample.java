package dev.orgauthz.benchmarks;

import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.entity.Entity;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.orgauthz.AccessRequest;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.PortalRole;
import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The example organization encoded in Cedar, for {@link CedarPeerBenchmark}. Accounts sit in OUs in
 * the root as an entity hierarchy; a session of a user belongs to its role, which belongs to its
 * permission set and its account. Each SCP level becomes a {@code forbid ... unless} the action is
 * in what the level's allow statements list, each SCP deny statement a {@code forbid}, each
 * statement of a permission set's policies a {@code permit} or {@code forbid} on the sessions of
 * that set (customer managed policies on the role of one account). SCPs spare the management
 * account, as in AWS. Action patterns become action groups: an action entity's parents are the
 * groups whose patterns match it, computed here, since Cedar has no wildcard on actions.
 *
 * <p>The statements with conditions are translated one by one (region lock, OU-path deny, MFA deny,
 * ABAC on the cost center); a conditional statement this class does not know is an error, so a
 * change to the example organization cannot silently make the two encodings differ.
 */
final class CedarExample {
  private static final EntityTypeName ROOT = type("Root");
  private static final EntityTypeName UNIT = type("OU");
  private static final EntityTypeName ACCOUNT = type("Account");
  private static final EntityTypeName SET = type("PermissionSet");
  private static final EntityTypeName ROLE = type("Role");
  private static final EntityTypeName SESSION = type("Session");
  private static final EntityTypeName ACTION = type("Action");
  private static final EntityTypeName RESOURCE = type("Resource");

  /** One question, as orgauthz and as Cedar ask it, with the Cedar entities it needs. */
  record Question(AccessRequest request, AuthorizationRequest cedar, Set<Entity> entities) {}

  private final Snapshot snapshot;
  private final Organization org;
  private final StringBuilder policies = new StringBuilder();
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final Map<String, Entity> nodes = new HashMap<>();

  CedarExample(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.org = snapshot.organization();
    encodeControlPolicies();
    encodeIdentityPolicies();
  }

  /** The policy set in Cedar's syntax. */
  String policies() {
    return policies.toString();
  }

  // ---- policies

  private void encodeControlPolicies() {
    String spare = "principal in " + uid(ACCOUNT, org.managementAccountId());
    List<String> nodeIds = new ArrayList<>();
    nodeIds.add(org.root().id());
    org.organizationalUnits().forEach(u -> nodeIds.add(u.id()));
    org.accounts().forEach(a -> nodeIds.add(a.id()));
    for (String node : nodeIds) {
      String scope = "principal in " + nodeUid(node);
      List<String> allowed = new ArrayList<>();
      for (ControlPolicy policy :
          org.policiesAttachedTo(node, ControlPolicy.SERVICE_CONTROL_POLICY)) {
        for (Statement statement : policy.document().statements()) {
          requireAnyResource(statement, policy.id());
          if (statement.effect() == Effect.ALLOW) {
            if (statement.notAction() || !statement.conditions().isEmpty()) {
              throw new IllegalStateException("no Cedar form for SCP allow " + statement);
            }
            allowed.addAll(statement.actions());
            continue;
          }
          String group = group(policy.id() + "#" + statement.index(), statement.actions());
          String action = statement.notAction() ? "action" : "action in " + group;
          String when = condition(statement);
          if (statement.notAction()) {
            when = "!(action in " + group + ") && " + when;
          }
          policies.append(
              "forbid("
                  + scope
                  + ", "
                  + action
                  + ", resource) when { "
                  + when
                  + " } unless { "
                  + spare
                  + " };\n");
        }
      }
      String group = group("scp-allow/" + node, allowed);
      policies.append(
          "forbid("
              + scope
              + ", action, resource) unless { action in "
              + group
              + " || "
              + spare
              + " };\n");
    }
  }

  private void encodeIdentityPolicies() {
    IdentityCenter center = snapshot.identityCenter().orElseThrow();
    for (PermissionSet set : center.permissionSets()) {
      String scope = "principal in " + uid(SET, set.name());
      for (String arn : set.awsManagedPolicyArns()) {
        ManagedPolicy policy = snapshot.awsManagedPolicies().policy(arn).orElseThrow();
        encodeIdentity(scope, arn, policy.document());
      }
      if (set.inlinePolicy() != null) {
        encodeIdentity(scope, set.name() + "/inline", set.inlinePolicy());
      }
      for (CustomerManagedPolicyReference reference : set.customerManagedPolicies()) {
        for (Account account : org.accounts()) {
          snapshot
              .iamData(account.id())
              .flatMap(data -> data.policy(reference.path(), reference.name()))
              .ifPresent(
                  policy ->
                      encodeIdentity(
                          "principal in " + uid(ROLE, account.id() + "/" + set.name()),
                          policy.arn(),
                          policy.document()));
        }
      }
      if (set.permissionsBoundary() != null) {
        throw new IllegalStateException("no Cedar form for the boundary of " + set.name());
      }
    }
  }

  private void encodeIdentity(String scope, String name, PolicyDocument document) {
    for (Statement statement : document.statements()) {
      String group = group(name + "#" + statement.index(), statement.actions());
      String when = condition(statement);
      if (statement.notAction()) {
        when = "!(action in " + group + ") && " + when;
      }
      if (!statement.resources().equals(List.of("*"))) {
        List<String> likes = new ArrayList<>();
        for (String resource : statement.resources()) {
          likes.add("resource.arn like \"" + resource + "\"");
        }
        when = "(" + String.join(" || ", likes) + ") && " + when;
      }
      String effect = statement.effect() == Effect.ALLOW ? "permit" : "forbid";
      String action = statement.notAction() ? "action" : "action in " + group;
      policies.append(
          effect + "(" + scope + ", " + action + ", resource) when { " + when + " };\n");
    }
  }

  /** The Cedar form of a statement's conditions, known by the statement's Sid. */
  private String condition(Statement statement) {
    if (statement.conditions().isEmpty()) {
      return "true";
    }
    String sid = String.valueOf(statement.sid());
    return switch (sid) {
      case "DenyOutsideApprovedRegions" ->
          "!(context.region == \"eu-west-1\" || context.region == \"us-east-1\")"
              + " && !(principal in "
              + uid(SET, "AdministratorAccess")
              + ")";
      case "DenyTerminateAndDeleteBucket" ->
          "(principal in "
              + nodeUid("ou-ex12-sandboxou")
              + " || principal in "
              + nodeUid("ou-ex12-testingou")
              + ")";
      case "DenyDestructiveWithoutMfa" -> "!(context has mfa && context.mfa)";
      case "ReadSecretsOfOwnCostCenter" ->
          "resource has costCenter && principal has costCenter"
              + " && resource.costCenter == principal.costCenter";
      default -> throw new IllegalStateException("no Cedar form for the conditions of " + sid);
    };
  }

  private static void requireAnyResource(Statement statement, String policy) {
    if (statement.notResource() || !statement.resources().equals(List.of("*"))) {
      throw new IllegalStateException("no Cedar form for the resources of " + policy);
    }
  }

  private String group(String name, List<String> patterns) {
    groups.put(name, List.copyOf(patterns));
    return uid(ACTION, name);
  }

  // ---- entities and questions

  /** The question as both ask it: a user acting with one permission set in one account. */
  Question question(
      PortalEntry entry,
      PortalRole role,
      User user,
      String action,
      String resource,
      String region,
      boolean mfa,
      String costCenterTag) {
    String account = entry.account().id();
    AccessRequest.Builder request =
        AccessRequest.builder()
            .permissionSet(user.userName(), role.permissionSet())
            .account(account)
            .action(action)
            .resource(resource)
            .region(region);
    Map<String, Value> context = new HashMap<>();
    context.put("region", new PrimString(region));
    if (mfa) {
      request.context("aws:MultiFactorAuthPresent", "true");
      context.put("mfa", new PrimBool(true));
    }
    Map<String, Value> resourceAttributes = new HashMap<>();
    resourceAttributes.put("arn", new PrimString(resource));
    if (!costCenterTag.isEmpty()) {
      request.context("aws:ResourceTag/CostCenter", costCenterTag);
      resourceAttributes.put("costCenter", new PrimString(costCenterTag));
    }

    // The slice of the hierarchy the question touches
    Set<Entity> entities = new HashSet<>();
    EntityUID setUid = SET.of(role.permissionSet());
    EntityUID roleUid = ROLE.of(account + "/" + role.permissionSet());
    EntityUID accountUid = ACCOUNT.of(account);
    entities.add(new Entity(setUid));
    entities.add(new Entity(roleUid, Map.of(), Set.of(setUid, accountUid)));
    addNode(account, entities);
    Map<String, Value> sessionAttributes = new HashMap<>();
    IdentityCenter center = snapshot.identityCenter().orElseThrow();
    for (AccessControlAttribute attribute : center.accessControlAttributes()) {
      if (attribute.key().equals("CostCenter")) {
        attribute
            .valueFor(user)
            .ifPresent(v -> sessionAttributes.put("costCenter", new PrimString(v)));
      }
    }
    EntityUID sessionUid = SESSION.of(user.userName() + "/" + account + "/" + role.permissionSet());
    entities.add(new Entity(sessionUid, sessionAttributes, Set.of(roleUid)));
    Set<EntityUID> actionGroups = new HashSet<>();
    groups.forEach(
        (name, patterns) -> {
          for (String pattern : patterns) {
            if (matches(pattern, action)) {
              actionGroups.add(ACTION.of(name));
              break;
            }
          }
        });
    EntityUID actionUid = ACTION.of(action);
    entities.add(new Entity(actionUid, Map.of(), actionGroups));
    EntityUID resourceUid = RESOURCE.of(resource);
    entities.add(new Entity(resourceUid, resourceAttributes, Set.of()));

    AuthorizationRequest cedar =
        new AuthorizationRequest(sessionUid, actionUid, resourceUid, context);
    return new Question(request.build(), cedar, entities);
  }

  private void addNode(String node, Set<Entity> into) {
    Entity entity =
        nodes.computeIfAbsent(
            node,
            id -> {
              Set<EntityUID> parents = new HashSet<>();
              List<String> ancestors = org.ancestors(id);
              if (!ancestors.isEmpty()) {
                parents.add(nodeEntity(ancestors.get(ancestors.size() - 1)));
              }
              return new Entity(nodeEntity(id), Map.of(), parents);
            });
    into.add(entity);
    List<String> ancestors = org.ancestors(node);
    if (!ancestors.isEmpty()) {
      addNode(ancestors.get(ancestors.size() - 1), into);
    }
  }

  private EntityUID nodeEntity(String id) {
    if (id.equals(org.root().id())) {
      return ROOT.of(id);
    }
    return org.organizationalUnit(id).isPresent() ? UNIT.of(id) : ACCOUNT.of(id);
  }

  private String nodeUid(String id) {
    EntityUID uid = nodeEntity(id);
    return uid(uid.getType(), id);
  }

  private static String uid(EntityTypeName type, String id) {
    return type.getBaseName() + "::\"" + id + "\"";
  }

  private static EntityTypeName type(String name) {
    return EntityTypeName.parse(name).orElseThrow();
  }

  /** IAM action matching: {@code *} and {@code ?} wildcards, case-insensitive. */
  static boolean matches(String pattern, String action) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String a = action.toLowerCase(Locale.ROOT);
    int pi = 0;
    int ai = 0;
    int star = -1;
    int mark = 0;
    while (ai < a.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == a.charAt(ai))) {
        pi++;
        ai++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = ai;
      } else if (star >= 0) {
        pi = star + 1;
        ai = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}
