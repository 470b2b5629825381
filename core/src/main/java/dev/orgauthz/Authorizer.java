package dev.orgauthz;

import dev.orgauthz.CompiledRole.Session;
import dev.orgauthz.RoleCatalog.UserRoles;
import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.Engine;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers "can principal X perform action Y on resource R in account Z?" for one {@link Snapshot}.
 * Build one with {@link #compile}; it is immutable and thread-safe, and a changed organization
 * needs a new one (swap it with an {@code AtomicReference}).
 *
 * <p>Every permission set assigned to a user in an account, directly or through a group, is a
 * separate role, evaluated on its own: the policies of two permission sets are never merged. The
 * outcome is allowed when any role is allowed; otherwise explicitly denied when any role was
 * explicitly denied; otherwise implicitly denied, which is also the answer for a user without
 * assignment in the account, and for a role that is assigned but not usable (a customer managed
 * policy reference that cannot be resolved in the account).
 *
 * <p>The request context is filled from the model; keys the caller sets win (compared
 * case-insensitively): {@code aws:PrincipalArn} (the role ARN with its {@code
 * /aws-reserved/sso.amazonaws.com/<region>/} path), {@code aws:PrincipalAccount}, {@code
 * aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths}, {@code aws:PrincipalType} ({@code
 * AssumedRole}), {@code aws:userid} ({@code <roleUniqueId>:<userName>}), {@code
 * aws:PrincipalTag/<key>} from the attributes for access control, {@code identitystore:UserId},
 * {@code aws:RequestedRegion} (only when the request names a region), {@code aws:CurrentTime} and
 * {@code aws:EpochTime}, {@code aws:ResourceAccount}, {@code aws:ResourceOrgID}, {@code
 * aws:ResourceOrgPaths}, {@code aws:SecureTransport} ({@code true}), {@code aws:ViaAWSService} and
 * {@code aws:PrincipalIsAWSService} ({@code false}). {@code aws:MultiFactorAuthPresent} is absent
 * unless the caller sets it.
 *
 * <p>A resource belongs to the request's account unless the request names a resource account or the
 * resource ARN names another account (an S3 ARN names none). Resources of other accounts have no
 * resource policy in the model, so such cross-account requests are implicitly denied on the
 * resource side; their layers are compiled the first time such an account is asked about.
 */
public final class Authorizer {

  /** How many known names an error message lists. */
  private static final int LISTED = 20;

  private final Snapshot snapshot;
  private final AuthorizerOptions options;
  private final Organization organization;
  private final RoleCatalog catalog;

  /**
   * This authorizer's token: what a thread's table of sessions keeps its entries by, without
   * holding the authorizer.
   */
  private final Object token = new Object();

  /** The time keys of the last explanation; immutable, so a racing thread sees a whole one. */
  private volatile TimeKeys lastTimes = new TimeKeys(0);

  private Authorizer(Snapshot snapshot, AuthorizerOptions options) {
    this.snapshot = snapshot;
    this.options = options;
    this.organization = snapshot.organization();
    this.catalog = new RoleCatalog(snapshot);
  }

  /** Compiles a snapshot with the default options (the system clock). */
  public static Authorizer compile(Snapshot snapshot) {
    return new Authorizer(snapshot, AuthorizerOptions.defaults());
  }

  /** Compiles a snapshot. */
  public static Authorizer compile(Snapshot snapshot, AuthorizerOptions options) {
    return new Authorizer(snapshot, options);
  }

  /** The snapshot this authorizer answers for. */
  public Snapshot snapshot() {
    return snapshot;
  }

  /**
   * The outcome alone: the fast path. Agrees with {@link #explain} on every request.
   *
   * <p>Allocates nothing once the user's sessions and the role's plan for the action exist, but for
   * the five times at most that a thread's table of kept outcomes grows. Each thread keeps the
   * outcomes of its recent decisions per role and action (256 at first, growing while it misses up
   * to 8,192) by what the role's statements read of the request, so a question that differs from an
   * earlier one only in what no statement reads (another resource under {@code "Resource": "*"},
   * another user of the role where no statement reads who the user is) is answered without
   * evaluating; statements that read {@code aws:CurrentTime} or {@code aws:EpochTime} are evaluated
   * every time. Each thread also keeps the sessions of its 2,048 most recent (authorizer, user,
   * account) names and the plans of its 4,096 most recent (role, action) pairs, each plan with one
   * outcome kept by the same parts as the memo's, so that a repeated question reads neither the
   * authorizer's map of users nor the role's table of plans (about 220 KB per thread), and writes
   * nothing: the thread's reusable view of the request is set only when no outcome is kept (under
   * the G1 collector every reference written to it costs a memory fence).
   *
   * <p>On a virtual thread (Java 21 and later) these tables are not the thread's own: a virtual
   * thread borrows them, for the length of the call, from a pool of about twice as many as there
   * are processors, shared by every authorizer, so an application that starts a virtual thread per
   * request does not build 220 KB of tables per request. The same holds for {@link #prepare} and
   * for {@link DecisionHandle#decide}. With the system property {@code orgauthz.pooledTables} set
   * to {@code true} when the class loads, platform threads borrow from that pool too: memory for
   * the tables no longer grows with the number of threads, for two compare-and-set operations per
   * call (about 3 ns on one thread).
   *
   * @throws IllegalArgumentException when the request names an unknown user, account, permission
   *     set or role; a role ARN is known when it is an {@code AWSReservedSSO_} role of an assigned
   *     permission set (as provisioned in the IAM data, or as synthesized)
   */
  public Outcome decide(AccessRequest request) {
    RequestKeys keys = ThreadKeys.take();
    try {
      return decide(request, keys);
    } finally {
      ThreadKeys.give(keys);
    }
  }

  /** {@link #decide(AccessRequest)} in the keys given, which the caller holds alone. */
  Outcome decide(AccessRequest request, RequestKeys keys) {
    // Resolve the names through precomputed tables, without building a target or a context.
    Session[] sessions;
    String roleArn = request.roleArn();
    if (roleArn != null) {
      Session session = catalog.roleSession(roleArn);
      if (session == null || request.account() != null) {
        return decideSlowly(request);
      }
      sessions = session.alone();
    } else {
      String userKey = String.valueOf(request.user());
      String accountKey = String.valueOf(request.account());
      Session[] kept = keys.sessions(token, userKey, accountKey);
      if (kept == null) {
        UserRoles user = catalog.knownUser(userKey);
        if (user == null) {
          user = catalog.user(userKey);
          if (user == null) {
            return decideSlowly(request);
          }
        }
        Session[] found = user.sessionsIn(accountKey);
        if (found == null || found.length == 0) {
          if (catalog.account(accountKey) == null || found != null) {
            return decideSlowly(request);
          }
          return Outcome.IMPLICIT_DENY;
        }
        keys.keepSessions(token, userKey, accountKey, found);
        kept = found;
      }
      sessions = kept;
    }
    String accountId = sessions[0].accountId;
    String resourceAccount = catalog.resourceAccount(request, accountId);
    if (resourceAccount == null) {
      return decideSlowly(request);
    }
    String setName = request.permissionSet();
    if (setName != null && !catalog.knowsPermissionSet(setName)) {
      return decideSlowly(request);
    }

    // Decide per role. An outcome the thread keeps is found before anything is set: a repeated
    // question writes no reference (see Engine.Scratch#keptOutcome). Otherwise the thread's
    // reusable view of the request and its keys is set, once for all the roles.
    boolean sameAccount = resourceAccount == accountId || resourceAccount.equals(accountId);
    KeyLayer resourceKeys =
        sameAccount ? sessions[0].ownResourceKeys : catalog.resourceKeys(resourceAccount);
    String action = request.action();
    String resource = request.resource();
    String region = request.region();
    boolean callerEmpty = request.context().size() == 0;
    Engine.Scratch scratch = keys.scratch;
    boolean viewSet = false;
    try {
      boolean explicit = false;
      int rcpAction = -1;
      for (Session session : sessions) {
        if (setName != null
            && !session.role().permissionSet.name().equals(setName)
            && !session.role().permissionSet.arn().equals(setName)) {
          continue;
        }
        if (rcpAction < 0) {
          rcpAction = keys.rcpAppliesTo(action) ? 1 : 0;
        }
        CompiledLayers layers =
            sameAccount
                ? session.sameAccountLayers(rcpAction == 1)
                : catalog.layers(session, resourceAccount, rcpAction == 1);
        if (layers == null) {
          continue;
        }
        int layersHash = session.layersHash(layers);
        Outcome outcome =
            callerEmpty
                ? scratch.keptOutcome(
                    layers,
                    layersHash,
                    action,
                    resource,
                    !sameAccount,
                    Session.KIND,
                    resourceKeys,
                    region,
                    session.roleKeys,
                    session.userKeys(),
                    session.userId())
                : null;
        if (outcome == null) {
          if (!viewSet) {
            keys.reset(request.context(), resourceKeys, region, request.time(), options.clock());
            scratch.request(action, resource, resourceAccount, keys);
            viewSet = true;
          }
          keys.session(session);
          outcome =
              Engine.decide(
                  layers, layersHash, scratch.principal(session, accountId, Session.KIND));
        }
        if (outcome == Outcome.ALLOWED) {
          return Outcome.ALLOWED;
        }
        explicit |= outcome == Outcome.EXPLICIT_DENY;
      }
      return explicit ? Outcome.EXPLICIT_DENY : Outcome.IMPLICIT_DENY;
    } finally {
      if (viewSet) {
        keys.clear();
      }
    }
  }

  /**
   * Resolves a request once, for callers that ask the same question repeatedly: the handle's {@link
   * DecisionHandle#decide} skips the name lookups. Since the request is fixed, only the time can
   * change its outcome: unless a statement that covers the action and resource reads {@code
   * aws:CurrentTime} or {@code aws:EpochTime} (and the request leaves the time to the clock), the
   * handle decides once, here, and returns that outcome.
   *
   * @throws IllegalArgumentException as {@link #decide} does
   */
  public DecisionHandle prepare(AccessRequest request) {
    Target target = resolve(request);
    String resourceAccount = target.resourceAccount();
    KeyLayer resourceKeys = catalog.resourceKeys(resourceAccount);
    List<Session> usable = new ArrayList<>();
    List<CompiledLayers> layers = new ArrayList<>();
    boolean dependsOnTime = false;
    RequestKeys keys = ThreadKeys.take();
    try {
      keys.reset(
          request.context(), resourceKeys, request.region(), request.time(), options.clock());
      for (Session session : target.sessions()) {
        CompiledLayers compiled = catalog.layers(session, resourceAccount, request.action());
        if (compiled == null) {
          continue;
        }
        usable.add(session);
        layers.add(compiled);
        dependsOnTime |=
            request.time() == null
                && Engine.dependsOnTime(
                    compiled,
                    session.principal(),
                    request.action(),
                    request.resource(),
                    session.role().account.id(),
                    resourceAccount,
                    keys.session(session));
      }
    } finally {
      keys.clear();
      ThreadKeys.give(keys);
    }
    DecisionHandle handle =
        new DecisionHandle(
            request,
            usable.toArray(new Session[0]),
            layers.toArray(new CompiledLayers[0]),
            resourceAccount,
            resourceKeys,
            options.clock(),
            null);
    if (dependsOnTime) {
      return handle;
    }
    return new DecisionHandle(
        request,
        usable.toArray(new Session[0]),
        layers.toArray(new CompiledLayers[0]),
        resourceAccount,
        resourceKeys,
        options.clock(),
        handle.evaluate());
  }

  /**
   * The general path of {@link #decide}: for requests the fast path does not resolve (an unknown
   * name, which throws with the known names; an account given by an ambiguous name; a role request
   * that also names an account).
   */
  private Outcome decideSlowly(AccessRequest request) {
    Target target = resolve(request);
    if (target.sessions().isEmpty()) {
      return Outcome.IMPLICIT_DENY;
    }
    RequestContext keys = requestKeys(request, target);
    boolean explicit = false;
    for (Session session : target.sessions()) {
      CompiledLayers layers = catalog.layers(session, target.resourceAccount(), request.action());
      if (layers == null) {
        continue;
      }
      Outcome outcome = Engine.decide(layers, evaluationRequest(session, request, target, keys));
      if (outcome == Outcome.ALLOWED) {
        return Outcome.ALLOWED;
      }
      explicit |= outcome == Outcome.EXPLICIT_DENY;
    }
    return explicit ? Outcome.EXPLICIT_DENY : Outcome.IMPLICIT_DENY;
  }

  /**
   * The outcome with its reasons: one result per role, what granted and what blocked.
   *
   * @throws IllegalArgumentException as {@link #decide} does
   */
  public Decision explain(AccessRequest request) {
    Target target = resolve(request);
    RequestContext keys = requestKeys(request, target);
    List<RoleDecision> roles = new ArrayList<>(target.sessions().size());
    boolean allowed = false;
    boolean explicit = false;
    for (Session session : target.sessions()) {
      CompiledRole role = session.role();
      CompiledLayers layers = catalog.layers(session, target.resourceAccount(), request.action());
      EvaluationRequest evaluation = null;
      EvaluationResult result;
      if (layers == null) {
        result =
            new EvaluationResult(
                Outcome.IMPLICIT_DENY,
                List.of(),
                List.of(),
                null,
                List.of(),
                "",
                !target.resourceAccount().equals(role.account.id()),
                Set.of(),
                String.valueOf(role.notUsable));
      } else {
        evaluation = evaluationRequest(session, request, target, keys);
        result = Engine.explain(layers, evaluation);
      }
      allowed |= result.outcome() == Outcome.ALLOWED;
      explicit |= result.outcome() == Outcome.EXPLICIT_DENY;
      roles.add(
          new RoleDecision(
              role.permissionSet.name(),
              role.permissionSet.arn(),
              role.roleArn,
              role.synthesized,
              layers != null,
              evaluation,
              result));
    }
    Outcome outcome =
        allowed ? Outcome.ALLOWED : explicit ? Outcome.EXPLICIT_DENY : Outcome.IMPLICIT_DENY;
    return new Decision(
        request,
        outcome,
        target.principal(),
        target.account(),
        target.resourceAccount(),
        roles,
        roles.isEmpty() ? noRoleNote(request, target) : "");
  }

  /**
   * The access portal of a user: the accounts where the user has at least one assignment, by name,
   * each with the permission sets the user can open there, by name.
   *
   * @throws IllegalArgumentException when the user is unknown
   */
  public List<PortalEntry> portal(String userNameOrId) {
    UserRoles user = user(userNameOrId);
    List<PortalEntry> out = new ArrayList<>();
    for (Map.Entry<String, List<Session>> entry : user.byAccount().entrySet()) {
      List<PortalRole> roles = new ArrayList<>();
      for (Session session : entry.getValue()) {
        CompiledRole role = session.role();
        roles.add(
            new PortalRole(
                role.permissionSet.name(),
                role.permissionSet.arn(),
                role.roleArn,
                role.permissionSet.sessionDuration(),
                role.notUsable == null));
      }
      out.add(new PortalEntry(organization.account(entry.getKey()).orElseThrow(), roles));
    }
    out.sort(
        Comparator.comparing((PortalEntry e) -> e.account().name())
            .thenComparing(e -> e.account().id()));
    return List.copyOf(out);
  }

  // ---- resolving the names of a request to compiled objects

  /** What a request resolves to: the sessions to evaluate and the accounts. */
  private record Target(
      String principal, Account account, String resourceAccount, List<Session> sessions) {}

  private Target resolve(AccessRequest request) {
    String roleArn = request.roleArn();
    String userName = request.user();
    Account account;
    List<Session> sessions;
    String principal;
    if (roleArn != null) {
      Session session = catalog.roleSession(roleArn);
      if (session == null) {
        throw new IllegalArgumentException(
            "unknown principal `"
                + shown(roleArn)
                + "`: give the ARN of an AWSReservedSSO_ role of an assigned permission set"
                + " (see the access portal of a user), or ask for a user");
      }
      account = session.role().account;
      String named = request.account();
      if (named != null && !account(named).id().equals(account.id())) {
        throw new IllegalArgumentException(
            "role `"
                + shown(roleArn)
                + "` is in account "
                + account.label()
                + ", not `"
                + shown(named)
                + "`");
      }
      sessions = List.of(session);
      principal = roleArn;
    } else {
      UserRoles user = user(String.valueOf(userName));
      account = account(String.valueOf(request.account()));
      sessions = user.byAccount().getOrDefault(account.id(), List.of());
      String setName = request.permissionSet();
      if (setName != null) {
        PermissionSet set = permissionSet(setName);
        sessions = onlyOf(sessions, set);
      }
      principal = user.user().userName();
    }
    return new Target(principal, account, resourceAccount(request, account), sessions);
  }

  private static List<Session> onlyOf(List<Session> sessions, PermissionSet set) {
    for (Session session : sessions) {
      if (session.role().permissionSet.arn().equals(set.arn())) {
        return List.of(session);
      }
    }
    return List.of();
  }

  private String resourceAccount(AccessRequest request, Account account) {
    String named = request.resourceAccount();
    if (named != null) {
      return isAccountId(named) ? named : account(named).id();
    }
    String fromArn = EvaluationRequest.accountOf(request.resource());
    if (fromArn != null && isAccountId(fromArn)) {
      return fromArn;
    }
    return account.id();
  }

  private static boolean isAccountId(String text) {
    return RoleCatalog.isAccountId(text, 0, text.length());
  }

  private UserRoles user(String nameOrId) {
    UserRoles user = catalog.user(nameOrId);
    if (user == null) {
      Set<String> known = new TreeSet<>();
      snapshot.identityCenter().ifPresent(c -> c.users().forEach(u -> known.add(u.userName())));
      throw new IllegalArgumentException(
          "unknown user `"
              + shown(nameOrId)
              + "`: use a user name or user id of Identity Center"
              + (known.isEmpty() ? " (the snapshot has no users)" : ", one of " + list(known)));
    }
    return user;
  }

  private Account account(String idOrName) {
    Account byId = organization.account(idOrName).orElse(null);
    if (byId != null) {
      return byId;
    }
    List<Account> named = organization.accountsNamed(idOrName);
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      Set<String> ids = new TreeSet<>();
      named.forEach(a -> ids.add(a.id()));
      throw new IllegalArgumentException(
          "account name `" + shown(idOrName) + "` is ambiguous: use one of the ids " + list(ids));
    }
    Set<String> known = new TreeSet<>();
    organization.accounts().forEach(a -> known.add(a.name()));
    throw new IllegalArgumentException(
        "unknown account `"
            + shown(idOrName)
            + "`: use an account id or one of the names "
            + list(known));
  }

  private PermissionSet permissionSet(String nameOrArn) {
    IdentityCenter center = snapshot.identityCenter().orElse(null);
    PermissionSet set = center == null ? null : center.permissionSet(nameOrArn).orElse(null);
    if (set == null) {
      Set<String> known = new TreeSet<>();
      if (center != null) {
        center.permissionSets().forEach(s -> known.add(s.name()));
      }
      throw new IllegalArgumentException(
          "unknown permission set `" + shown(nameOrArn) + "`: use one of " + list(known));
    }
    return set;
  }

  /** How many characters of a name from the request an error message repeats. */
  private static final int SHOWN = 120;

  /** A name from the request for a message: cut, with its length, when it is long. */
  private static String shown(String text) {
    if (text.length() <= SHOWN) {
      return text;
    }
    return text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
  }

  /** Names for a message: at most {@value #LISTED}, then how many more. */
  private static String list(Set<String> names) {
    if (names.size() <= LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", List.copyOf(names).subList(0, LISTED))
        + " and "
        + (names.size() - LISTED)
        + " more";
  }

  private String noRoleNote(AccessRequest request, Target target) {
    String setName = request.permissionSet();
    return target.principal()
        + (setName == null
            ? " has no assignment in " + target.account().label() + ", so no role to use there"
            : " is not assigned permission set `"
                + setName
                + "` in "
                + target.account().label()
                + ", so no such role to use there");
  }

  // ---- the request context

  /** The time keys of one second, formatted once: explanations asked in one second share them. */
  private static final class TimeKeys {
    final long second;
    final String currentTime;
    final String epochTime;

    TimeKeys(long second) {
      this.second = second;
      this.currentTime = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second));
      this.epochTime = Long.toString(second);
    }
  }

  /**
   * The keys that depend on the request, not on the role: time, region, resource account, then the
   * caller's keys, which win. Built once per request and laid over each session's keys.
   */
  private RequestContext requestKeys(AccessRequest request, Target target) {
    RequestContext.Builder keys = RequestContext.builder();
    Instant time = request.time();
    long second =
        time != null ? time.getEpochSecond() : Math.floorDiv(options.clock().millis(), 1000);
    TimeKeys times = lastTimes;
    if (times.second != second) {
      times = new TimeKeys(second);
      lastTimes = times;
    }
    keys.put("aws:CurrentTime", times.currentTime);
    keys.put("aws:EpochTime", times.epochTime);
    String region = request.region();
    if (region != null) {
      keys.put("aws:RequestedRegion", region);
    }
    String resourceAccount = target.resourceAccount();
    keys.put("aws:ResourceAccount", resourceAccount);
    List<String> paths = catalog.orgPaths(resourceAccount);
    if (paths != null) {
      keys.put("aws:ResourceOrgID", organization.id());
      keys.putAll("aws:ResourceOrgPaths", paths);
    }
    return keys.merge(request.context()).build();
  }

  private static EvaluationRequest evaluationRequest(
      Session session, AccessRequest request, Target target, RequestContext requestKeys) {
    return new EvaluationRequest(
        session.principal(),
        request.action(),
        request.resource(),
        session.role().account.id(),
        target.resourceAccount(),
        session.baseContext(requestKeys));
  }

  @Override
  public String toString() {
    return "Authorizer[" + organization.id() + "]";
  }

  // ---- internal: the compiled roles, for the queries of dev.orgauthz.query (not API)

  static {
    dev.orgauthz.internal.roles.CompiledRoles.install(
        authorizer -> QueryRoles.handles(authorizer.catalog.compiledRoles()));
  }
}
