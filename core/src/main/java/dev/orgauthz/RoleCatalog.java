package dev.orgauthz;

import dev.orgauthz.CompiledRole.LayerPair;
import dev.orgauthz.CompiledRole.Session;
import dev.orgauthz.evaluation.ControlPolicyScope;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.condition.Keys;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.PolicyCompiler;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The compile phase of the {@link Authorizer}: per account the SCP and RCP levels and org paths,
 * per (account, permission set) the role and its compiled layers, per user the sessions by account.
 * Every policy goes through one shared {@link PolicyCompiler}, so a document used in many places is
 * compiled once.
 */
final class RoleCatalog {
  /** The session name of a role request, which names no user. */
  static final String ROLE_SESSION_NAME = "orgauthz";

  static final String NO_RCP_FOR_ACTION =
      "RCPs apply only to the services that support them, and never to kms:RetireGrant";

  private static final String SSO_PATH = "/aws-reserved/sso.amazonaws.com/";
  private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final Snapshot snapshot;
  private final Organization organization;
  private final PolicyCompiler compiler = new PolicyCompiler();
  private final String partition;
  private final String rolePath;

  /** The SCP levels by account; empty when SCPs are not enabled. */
  private final Map<String, List<PolicyLevel>> scpLevels = new HashMap<>();

  /** The RCP levels by account; an absent account means RCPs do not apply to its resources. */
  private final Map<String, List<PolicyLevel>> rcpLevels = new HashMap<>();

  private final Map<String, List<String>> orgPaths = new HashMap<>();
  private final Map<String, CompiledRole> roles = new LinkedHashMap<>();
  private final Map<String, Session> roleSessions = new HashMap<>();

  /** The sessions of each user asked about, by user id; at most one entry per user. */
  private final Map<String, UserRoles> users = new java.util.concurrent.ConcurrentHashMap<>();

  /** {@link #users} by the names and ids they were asked by. */
  private final Map<String, UserRoles> usersByKey = new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, User> usersByName = new HashMap<>();

  /** The roles assigned to each principal (user or group id), in assignment order. */
  private final Map<String, List<RoleAssignment>> rolesByPrincipal = new HashMap<>();

  /** An assignment's account and its compiled role (null for an unknown permission set). */
  private record RoleAssignment(String accountId, @Nullable CompiledRole role) {}

  private final @Nullable IdentityCenter identityCenter;

  /** Accounts by id and by name (names shared by several accounts are left out). */
  private final Map<String, Account> accounts = new HashMap<>();

  private final Map<String, KeyLayer> resourceKeys = new HashMap<>();
  private final Set<String> permissionSets = new HashSet<>();

  /**
   * A user with the sessions they can open, by account id, each list ordered by name. For the
   * decision path, the same sessions as arrays by account id and by account name (where the name is
   * unique), in one open-addressed table of keys and arrays side by side, so that a lookup reads
   * one or two cache lines.
   */
  static final class UserRoles {
    private final User user;
    private final Map<String, List<Session>> byAccount;

    /** Key, sessions, key, sessions, ...; at most half the pairs used. */
    private final @Nullable Object[] table;

    UserRoles(User user, Map<String, List<Session>> byAccount, Map<String, List<Session>> byKey) {
      this.user = user;
      this.byAccount = byAccount;
      int pairs = Integer.highestOneBit(Math.max(1, byKey.size()) * 2 - 1) * 2;
      this.table = new Object[2 * pairs];
      byKey.forEach(
          (key, sessions) -> {
            int mask = pairs - 1;
            int i = slot(key.hashCode(), mask);
            while (table[2 * i] != null) {
              i = (i + 1) & mask;
            }
            table[2 * i] = key;
            table[2 * i + 1] = sessions.toArray(new Session[0]);
          });
    }

    private static int slot(int hash, int mask) {
      return (hash ^ (hash >>> 16)) & mask;
    }

    User user() {
      return user;
    }

    /** The sessions by account id, in assignment order of the accounts. */
    Map<String, List<Session>> byAccount() {
      return byAccount;
    }

    /** The sessions in the account of this id or unique name, or null (allocation-free). */
    Session @Nullable [] sessionsIn(String accountIdOrName) {
      @Nullable Object[] pairs = table;
      int mask = pairs.length / 2 - 1;
      for (int i = slot(accountIdOrName.hashCode(), mask); ; i = (i + 1) & mask) {
        Object key = pairs[2 * i];
        if (key == null) {
          return null;
        }
        if (key == accountIdOrName || key.equals(accountIdOrName)) {
          return (Session[]) pairs[2 * i + 1];
        }
      }
    }
  }

  RoleCatalog(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.organization = snapshot.organization();
    Optional<IdentityCenter> center = snapshot.identityCenter();
    this.identityCenter = center.orElse(null);
    this.partition = center.map(IdentityCenter::partition).orElse("aws");
    String region = snapshot.identityCenterRegion().orElse("us-east-1");
    this.rolePath = region.equals("us-east-1") ? SSO_PATH : SSO_PATH + region + "/";

    boolean scps = organization.policyTypeEnabled(ControlPolicy.SERVICE_CONTROL_POLICY);
    for (Account account : organization.accounts()) {
      orgPaths.put(account.id(), List.of(organization.orgPath(account.id())));
      if (scps) {
        scpLevels.put(
            account.id(), levels(account.id(), ControlPolicy.SERVICE_CONTROL_POLICY, null));
      }
    }
    prepareRcpLevels();
    Map<String, Integer> names = new HashMap<>();
    organization.accounts().forEach(a -> names.merge(a.name(), 1, Integer::sum));
    for (Account account : organization.accounts()) {
      if (names.getOrDefault(account.name(), 0) == 1) {
        accounts.put(account.name(), account);
      }
    }
    for (Account account : organization.accounts()) {
      accounts.put(account.id(), account);
      resourceKeys.put(account.id(), resourceKeysOf(account.id()));
    }
    center.ifPresent(
        c ->
            c.permissionSets()
                .forEach(
                    set -> {
                      permissionSets.add(set.name());
                      permissionSets.add(set.arn());
                    }));
    if (center.isPresent()) {
      compileRoles(center.get());
      compileUsers(center.get());
    }
  }

  // ---- organization levels

  private List<PolicyLevel> levels(String accountId, String type, @Nullable NamedPolicy injected) {
    List<String> path = new ArrayList<>(organization.ancestors(accountId));
    path.add(accountId);
    List<PolicyLevel> out = new ArrayList<>(path.size());
    for (String node : path) {
      List<NamedPolicy> policies = new ArrayList<>();
      List<ControlPolicy> attached = organization.policiesAttachedTo(node, type);
      if (injected != null && attached.stream().noneMatch(p -> p.id().equals(injected.id()))) {
        policies.add(injected);
      }
      for (ControlPolicy policy : attached) {
        policies.add(new NamedPolicy(policy.id(), policy.name(), policy.document()));
      }
      out.add(new PolicyLevel(node, organization.nodeName(node), policies));
    }
    return List.copyOf(out);
  }

  private void prepareRcpLevels() {
    if (!organization.policyTypeEnabled(ControlPolicy.RESOURCE_CONTROL_POLICY)) {
      return;
    }
    PolicyDocument full =
        Policies.parse(
            ControlPolicy.RCP_FULL_AWS_ACCESS_TEXT,
            PolicyType.RESOURCE_CONTROL,
            ControlPolicy.RCP_FULL_AWS_ACCESS_ID);
    NamedPolicy injected =
        new NamedPolicy(ControlPolicy.RCP_FULL_AWS_ACCESS_ID, "RCPFullAWSAccess", full);
    for (Account account : organization.accounts()) {
      if (!organization.isManagementAccount(account.id())) {
        rcpLevels.put(
            account.id(), levels(account.id(), ControlPolicy.RESOURCE_CONTROL_POLICY, injected));
      }
    }
  }

  private String rcpNote(String resourceAccount) {
    if (!organization.policyTypeEnabled(ControlPolicy.RESOURCE_CONTROL_POLICY)) {
      return "the RESOURCE_CONTROL_POLICY type is not enabled in the organization";
    }
    if (organization.isManagementAccount(resourceAccount)) {
      return "RCPs do not restrict resources of the management account";
    }
    return "the resource's account " + resourceAccount + " is outside the organization";
  }

  // ---- roles

  private void compileRoles(IdentityCenter center) {
    for (AccountAssignment assignment : center.assignments()) {
      String key = assignment.accountId() + " " + assignment.permissionSetArn();
      if (!roles.containsKey(key)) {
        Account account = organization.account(assignment.accountId()).orElseThrow();
        PermissionSet set = center.permissionSet(assignment.permissionSetArn()).orElseThrow();
        CompiledRole role = compileRole(center, account, set);
        roles.put(key, role);
        Session session = new Session(role, partition, ROLE_SESSION_NAME, KeyLayer.EMPTY);
        roleSessions.put(role.roleArn, session);
        roleSessions.put(
            "arn:" + partition + ":iam::" + account.id() + ":role/" + role.roleName, session);
      }
    }
  }

  private CompiledRole compileRole(IdentityCenter center, Account account, PermissionSet set) {
    // The role's name, ARN and unique id: provisioned when the IAM data knows it, else synthesized
    Optional<AccountIamData> iam = snapshot.iamData(account.id());
    Optional<ProvisionedRole> provisioned = iam.flatMap(data -> data.roleOf(set.name()));
    String roleName;
    String roleArn;
    String roleId;
    if (provisioned.isPresent()) {
      roleName = provisioned.get().name();
      roleArn = provisioned.get().arn();
      String known = provisioned.get().roleId();
      roleId = known != null ? known : syntheticRoleId(roleArn);
    } else {
      String suffix = hash(center.instanceArn() + "\n" + set.arn()).substring(0, 16);
      roleName = "AWSReservedSSO_" + set.name() + "_" + suffix;
      roleArn = "arn:" + partition + ":iam::" + account.id() + ":role" + rolePath + roleName;
      roleId = syntheticRoleId(roleArn);
    }
    RequestContext principalContext =
        RequestContext.builder()
            .put("aws:PrincipalArn", roleArn)
            .put("aws:PrincipalAccount", account.id())
            .put("aws:PrincipalOrgID", organization.id())
            .putAll("aws:PrincipalOrgPaths", List.of(organization.orgPath(account.id())))
            .put("aws:PrincipalType", "AssumedRole")
            .put("aws:SecureTransport", "true")
            .put("aws:ViaAWSService", "false")
            .put("aws:PrincipalIsAWSService", "false")
            .build();

    // The policies, with customer managed references resolved in this account
    List<NamedPolicy> identity = new ArrayList<>();
    List<NamedPolicy> boundaries = new ArrayList<>();
    String notUsable = null;
    for (String arn : set.awsManagedPolicyArns()) {
      identity.add(named(snapshot.awsManagedPolicies().policy(arn).orElseThrow()));
    }
    List<CustomerManagedPolicyReference> references = Snapshot.customerManagedReferences(set);
    if (!references.isEmpty() && iam.isEmpty()) {
      notUsable =
          "assigned but not usable: permission set `"
              + set.name()
              + "` references customer managed policies "
              + references
              + " that cannot be resolved in account "
              + account.label()
              + ", whose IAM data is unknown";
    }
    for (CustomerManagedPolicyReference reference : set.customerManagedPolicies()) {
      resolve(iam, reference).ifPresent(policy -> identity.add(named(policy)));
    }
    PolicyDocument inline = set.inlinePolicy();
    if (inline != null) {
      identity.add(new NamedPolicy(set.arn() + "/inline", set.name() + " inline policy", inline));
    }
    PermissionsBoundary boundary = set.permissionsBoundary();
    if (boundary != null) {
      String managed = boundary.managedPolicyArn();
      CustomerManagedPolicyReference reference = boundary.customerManagedPolicy();
      if (managed != null) {
        boundaries.add(named(snapshot.awsManagedPolicies().policy(managed).orElseThrow()));
      } else if (reference != null) {
        resolve(iam, reference).ifPresent(policy -> boundaries.add(named(policy)));
      }
    }

    PolicyLayers base = null;
    LayerPair sameAccount = null;
    if (notUsable == null) {
      PolicyLayers.Builder builder = PolicyLayers.builder().identityPolicies(identity);
      boundaries.forEach(builder::permissionsBoundary);
      Principal session =
          new Principal(Principal.Kind.ROLE_SESSION, roleArn, account.id(), roleArn, roleName);
      String scpExemption =
          ControlPolicyScope.scpExemption(session, organization.managementAccountId());
      List<PolicyLevel> scps = scpLevels.get(account.id());
      if (scps == null) {
        builder.noScps("the SERVICE_CONTROL_POLICY type is not enabled in the organization");
      } else if (scpExemption != null) {
        builder.noScps(scpExemption);
      } else {
        builder.scpLevels(scps);
      }
      base = builder.noRcps(NO_RCP_FOR_ACTION).build();
      sameAccount = layerPair(base, account.id());
    }
    return new CompiledRole(
        account,
        set,
        roleName,
        roleArn,
        roleId,
        provisioned.isEmpty(),
        notUsable,
        principalContext,
        resourceKeys(account.id()),
        base,
        sameAccount);
  }

  private static Optional<ManagedPolicy> resolve(
      Optional<AccountIamData> iam, CustomerManagedPolicyReference reference) {
    return iam.flatMap(data -> data.policy(reference.path(), reference.name()));
  }

  private static NamedPolicy named(ManagedPolicy policy) {
    return new NamedPolicy(policy.arn(), policy.name(), policy.document());
  }

  /** Compiles the layers of a role for resources of one account. Thread-safe. */
  LayerPair layerPair(PolicyLayers base, String resourceAccount) {
    List<PolicyLevel> rcps = rcpLevels.get(resourceAccount);
    synchronized (compiler) {
      if (rcps == null) {
        CompiledLayers none =
            CompiledLayers.compile(withRcps(base, null, rcpNote(resourceAccount)), compiler);
        return new LayerPair(none, none);
      }
      return new LayerPair(
          CompiledLayers.compile(withRcps(base, rcps, ""), compiler),
          CompiledLayers.compile(withRcps(base, null, NO_RCP_FOR_ACTION), compiler));
    }
  }

  /** The base layers of a role (SCPs, identity policies, boundary) with the RCP layer given. */
  private static PolicyLayers withRcps(
      PolicyLayers base, @Nullable List<PolicyLevel> rcps, String note) {
    PolicyLayers.Builder builder = PolicyLayers.builder().identityPolicies(base.identityPolicies());
    base.permissionsBoundaries().forEach(builder::permissionsBoundary);
    List<PolicyLevel> scps = base.scpLevels();
    if (scps != null) {
      builder.scpLevels(scps);
    } else {
      builder.noScps(base.scpNote());
    }
    if (rcps != null) {
      builder.rcpLevels(rcps);
    } else {
      builder.noRcps(note);
    }
    return builder.build();
  }

  // ---- users and sessions

  /**
   * Indexes the users by id and name and the assignments by principal. A user's sessions are made
   * the first time the user is asked about (see {@link #user}): an organization whose groups give
   * millions of (user, role) pairs compiles without building them all.
   */
  private void compileUsers(IdentityCenter center) {
    for (AccountAssignment assignment : center.assignments()) {
      CompiledRole role = roles.get(assignment.accountId() + " " + assignment.permissionSetArn());
      rolesByPrincipal
          .computeIfAbsent(assignment.principalId(), k -> new ArrayList<>())
          .add(new RoleAssignment(assignment.accountId(), role));
    }
    for (User user : center.users()) {
      usersByName.put(user.id(), user);
      usersByName.put(user.userName(), user);
    }
  }

  /** The user's id and the ids of the user's groups: the principals of the user's assignments. */
  private static List<String> principalsOf(User user, IdentityCenter center) {
    List<String> out = new ArrayList<>();
    out.add(user.id());
    out.addAll(center.groupsOf(user.id()));
    return out;
  }

  private UserRoles compileUser(User user, IdentityCenter center) {
    KeyLayer keys = userKeys(user, center);
    Map<String, List<Session>> byAccount = new LinkedHashMap<>();
    for (String principal : principalsOf(user, center)) {
      for (RoleAssignment assignment : rolesByPrincipal.getOrDefault(principal, List.of())) {
        List<Session> sessions =
            byAccount.computeIfAbsent(assignment.accountId(), k -> new ArrayList<>());
        CompiledRole role = assignment.role();
        if (role != null && sessions.stream().noneMatch(s -> s.role() == role)) {
          sessions.add(new Session(role, partition, user.userName(), keys));
        }
      }
    }
    byAccount.replaceAll(
        (account, sessions) -> {
          sessions.sort(Comparator.comparing(s -> s.role().permissionSet.name()));
          return List.copyOf(sessions);
        });
    // Names first, then ids: an id wins over a name that looks like it, as in account(...)
    Map<String, List<Session>> byKey = new HashMap<>();
    byAccount.forEach(
        (id, sessions) -> {
          Account account = accounts.get(id);
          if (account != null && accounts.get(account.name()) == account) {
            byKey.put(account.name(), sessions);
          }
        });
    byKey.putAll(byAccount);
    return new UserRoles(user, Collections.unmodifiableMap(byAccount), byKey);
  }

  /** The keys of a user's sessions that come from the user: user id and principal tags. */
  private static KeyLayer userKeys(User user, IdentityCenter center) {
    RequestContext.Builder context =
        RequestContext.builder().put("identitystore:UserId", user.id());
    for (AccessControlAttribute attribute : center.accessControlAttributes()) {
      attribute
          .valueFor(user)
          .ifPresent(value -> context.put("aws:PrincipalTag/" + attribute.key(), value));
    }
    RequestContext built = context.build();
    // The decision memo shares outcomes between the users of a role unless a statement reads a
    // key that varies by user: every key of this layer must be one (see Keys.variesByUser).
    for (String key : built.keys()) {
      if (!Keys.variesByUser(key.toLowerCase(Locale.ROOT))) {
        throw new IllegalStateException("a user's key that does not vary by user: " + key);
      }
    }
    return KeyLayer.of(built);
  }

  // ---- lookups for the request path

  /** The user with this user name or id, or null. */
  @Nullable UserRoles user(String nameOrId) {
    User user = usersByName.get(nameOrId);
    IdentityCenter center = identityCenter;
    if (user == null || center == null) {
      return null;
    }
    UserRoles roles = users.get(user.id());
    if (roles == null) {
      roles = users.computeIfAbsent(user.id(), id -> compileUser(user, center));
    }
    // A get first: putIfAbsent locks the bin even when the key is there.
    if (usersByKey.get(nameOrId) == null) {
      usersByKey.putIfAbsent(nameOrId, roles);
    }
    return roles;
  }

  /**
   * The user with this user name or id, when asked about before: one lookup, for the decision path;
   * null otherwise (then ask {@link #user}).
   */
  @Nullable UserRoles knownUser(String nameOrId) {
    return usersByKey.get(nameOrId);
  }

  /** The session of a role request by role ARN (with or without path), or null. */
  @Nullable Session roleSession(String roleArn) {
    return roleSessions.get(roleArn);
  }

  /** The org paths of an account in the organization, or null for an outside account. */
  @Nullable List<String> orgPaths(String accountId) {
    return orgPaths.get(accountId);
  }

  /**
   * The compiled layers of a role for one request, or null when the role is not usable. Layers for
   * resources of another account of the organization are compiled on first use and kept (at most
   * one pair per account); all accounts outside the organization share one pair. Allocates nothing
   * once the layers exist.
   */
  @Nullable CompiledLayers layers(Session session, String resourceAccount, String action) {
    return layers(session, resourceAccount, ControlPolicyScope.rcpAppliesTo(action));
  }

  /**
   * As {@link #layers(Session, String, String)}, with whether RCPs apply to the action (see {@link
   * ControlPolicyScope#rcpAppliesTo}) known: the decision path finds it once per request.
   */
  @Nullable CompiledLayers layers(Session session, String resourceAccount, boolean rcpAction) {
    CompiledRole role = session.role();
    PolicyLayers base = role.base;
    LayerPair same = role.sameAccount;
    if (base == null || same == null) {
      return null;
    }
    LayerPair pair;
    if (resourceAccount.equals(role.account.id())) {
      pair = same;
    } else if (orgPaths.containsKey(resourceAccount)) {
      pair = role.otherAccounts.get(resourceAccount);
      if (pair == null) {
        pair = role.otherAccounts.computeIfAbsent(resourceAccount, ra -> layerPair(base, ra));
      }
    } else {
      pair = role.outsideAccounts;
      if (pair == null) {
        pair = layerPair(base, resourceAccount);
        role.outsideAccounts = pair;
      }
    }
    if (pair.rcpsApply() && (!rcpAction || session.serviceLinked())) {
      return pair.withoutRcps();
    }
    return pair.withRcps();
  }

  /**
   * The account with this id, or the one account with this name; null when unknown or ambiguous.
   */
  @Nullable Account account(String idOrName) {
    return accounts.get(idOrName);
  }

  /** True when the snapshot has a permission set of this name or ARN. */
  boolean knowsPermissionSet(String nameOrArn) {
    return permissionSets.contains(nameOrArn);
  }

  /**
   * The account that owns the resource of a request: the one the request names, else the one its
   * ARN names, else the request's account. Null when the request names the resource account by an
   * unknown or ambiguous name (the caller then reports it). Allocates nothing unless the ARN names
   * another account.
   */
  @Nullable String resourceAccount(AccessRequest request, String accountId) {
    String named = request.resourceAccount();
    if (named != null) {
      if (isAccountId(named, 0, named.length())) {
        return named;
      }
      Account byName = accounts.get(named);
      return byName == null ? null : byName.id();
    }
    String resource = request.resource();
    if (!resource.startsWith("arn:")) {
      return accountId;
    }
    int colon = -1;
    for (int i = 0; i < 4; i++) {
      colon = resource.indexOf(':', colon + 1);
      if (colon < 0) {
        return accountId;
      }
    }
    int end = resource.indexOf(':', colon + 1);
    if (end < 0 || !isAccountId(resource, colon + 1, end)) {
      return accountId;
    }
    return resource.regionMatches(colon + 1, accountId, 0, accountId.length())
        ? accountId
        : resource.substring(colon + 1, end);
  }

  /** True when {@code text} from {@code from} to {@code to} is twelve ASCII digits. */
  static boolean isAccountId(String text, int from, int to) {
    if (to - from != 12) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The keys of the resource's account: {@code aws:ResourceAccount}, and for an account of the
   * organization {@code aws:ResourceOrgID} and {@code aws:ResourceOrgPaths}. Kept for the accounts
   * of the organization; made on each call for others.
   */
  KeyLayer resourceKeys(String accountId) {
    KeyLayer keys = resourceKeys.get(accountId);
    return keys != null ? keys : resourceKeysOf(accountId);
  }

  private KeyLayer resourceKeysOf(String accountId) {
    RequestContext.Builder keys = RequestContext.builder().put("aws:ResourceAccount", accountId);
    List<String> paths = orgPaths.get(accountId);
    if (paths != null) {
      keys.put("aws:ResourceOrgID", organization.id());
      keys.putAll("aws:ResourceOrgPaths", paths);
    }
    return KeyLayer.of(keys.build());
  }

  // ---- synthesized names

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** A stable role unique id of the AWS form: {@code AROA} and 17 characters. */
  private static String syntheticRoleId(String roleArn) {
    String hex = hash(roleArn);
    StringBuilder out = new StringBuilder("AROA");
    for (int i = 0; i < 17; i++) {
      out.append(ID_ALPHABET[Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16) & 31]);
    }
    return out.toString();
  }

  // ---- internal: for the queries of dev.orgauthz.query (not API)

  /** Every compiled role, one per assigned (account, permission set), in assignment order. */
  java.util.Collection<CompiledRole> compiledRoles() {
    return Collections.unmodifiableCollection(roles.values());
  }
}
