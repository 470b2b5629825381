package dev.orgauthz.internal.engine;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.internal.condition.Keys;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The IAM policy evaluation logic over compiled layers (IAM user guide, "Policy evaluation logic"
 * and "Cross-account policy evaluation logic"):
 *
 * <ol>
 *   <li>a matching {@code Deny} in any applicable policy denies explicitly;
 *   <li>every resource control policy level must allow, then every service control policy level,
 *       then every VPC endpoint policy;
 *   <li>in the same account, the request is allowed when the identity path allows (an identity
 *       policy allows, the permissions boundary allows, the session policy allows) or the resource
 *       policy allows: a grant naming the user, the session or everyone stands alone, a grant
 *       naming the role is still limited by the boundary and the session policy, a grant naming the
 *       account needs the identity path;
 *   <li>across accounts, both the identity path and the resource policy must allow.
 * </ol>
 *
 * Role trust policies and KMS key policies must allow explicitly: when a resource policy is given
 * for {@code sts:AssumeRole*} or a {@code kms:} action, the identity path alone does not suffice.
 * The engine is stateless and thread-safe, and never throws on a valid request.
 */
public final class Engine {
  private static final int ALLOW = 1;
  private static final int DENY = 2;
  private static final int GRANT_SHIFT = 2;
  private static final PrincipalGrant[] GRANTS = PrincipalGrant.values();

  /** How the principal of a statement is checked. */
  private enum Mode {
    /** The policy is attached to the principal or its account: no Principal element. */
    ATTACHED,
    /** A resource or VPC endpoint policy: the statement must name the principal. */
    RESOURCE,
    /** A resource control policy: every statement names everyone. */
    CONTROL
  }

  private Engine() {}

  /** One reusable request view per thread, so that {@link #decide} allocates nothing. */
  private static final ThreadLocal<RequestView> VIEWS =
      ThreadLocal.withInitial(RequestView::padded);

  /** The outcome alone: the fast path, which builds no trace and allocates nothing. */
  public static Outcome decide(CompiledLayers layers, EvaluationRequest request) {
    RequestView view = VIEWS.get().reset(request);
    return decide(layers, view);
  }

  private static Outcome decide(CompiledLayers layers, RequestView view) {
    Plan plan = layers.plan(view);
    Outcome[] memo = plan.memo;
    if (memo == null) {
      return run(layers, plan, view, null);
    }
    return kept(layers, plan, memo, view);
  }

  /** The outcome of a constant plan, kept in the plan. */
  private static Outcome kept(CompiledLayers layers, Plan plan, Outcome[] memo, RequestView view) {
    int slot = Plan.memoSlot(view.kind, view.crossAccount);
    Outcome known = memo[slot];
    if (known != null) {
      return known;
    }
    Outcome outcome = run(layers, plan, view, null);
    memo[slot] = outcome;
    return outcome;
  }

  /**
   * A request view for the decisions of one caller thread, reused across requests and across the
   * roles of one request, so that the decision path allocates nothing: set the request with {@link
   * #request}, then for each role the principal with {@link #principal} and call {@link
   * Engine#decide(CompiledLayers, Scratch)}. Not thread-safe: keep one per thread.
   */
  public static final class Scratch {
    private final RequestView view = RequestView.padded();

    /** This thread's recent outcomes of plans that read the request; made on first use. */
    private @Nullable DecisionMemo memo;

    /** log2 of the number of sets of {@link #plans}. */
    private static final int PLAN_SET_BITS = 9;

    /** Ways per set of {@link #plans}. */
    private static final int PLAN_WAYS = 8;

    // A way of the plan table: layers, action, plan, then a kept outcome's resource and sources
    private static final int PLAN = 2;
    private static final int KEPT_RESOURCE = 3;
    private static final int KEPT_SOURCES = 4;

    /** References per way of {@link #plans}. */
    private static final int PLAN_STRIDE = KEPT_SOURCES + DecisionMemo.SOURCES;

    // The state word of a way: whether it is used, the plan's flags, and the outcome it keeps
    // with what the outcome was kept for beyond the references of the way.
    private static final int USED = 1;
    private static final int ANY_RESOURCE = 1 << 1;
    private static final int PER_USER = 1 << 2;
    private static final int CROSS_ACCOUNT = 1 << 3;

    /** Bits 4 and 5: the kept outcome's ordinal plus one, 0 when none is kept. */
    private static final int OUTCOME_SHIFT = 4;

    /** Bits 6 to 8: how many sources the keys had. */
    private static final int SOURCES_SHIFT = 6;

    /**
     * Bit 9: the way keeps an outcome of a constant plan (see {@link Plan#memo}), which depends on
     * the principal's kind and whether the request crosses accounts alone.
     */
    private static final int CONSTANT = 1 << 9;

    /** Bits 10 and up: the principal's kind. */
    private static final int KIND_SHIFT = 10;

    private static final int KIND_BITS = -1 << KIND_SHIFT;

    private static final int WHAT_WAS_ASKED = ~((1 << SOURCES_SHIFT) - 1) | CROSS_ACCOUNT;

    private static final Outcome[] OUTCOMES = Outcome.values();

    /**
     * This thread's recent plans, by layers and action: sets of eight ways, the newest first, each
     * the layers, the action and the plan, then the parts of one outcome of the plan kept with it:
     * the resource and the sources of the keys (see {@link Keys#source}). A plan depends on its
     * layers and action alone, so the one kept here is the one the layers give; finding it here
     * does not read the layers. The outcome is kept for constant plans by what their own memo
     * compares, and for plans the decision memo keeps, when the caller gave no key, by the same
     * parts the memo compares, so a question asked again finds its outcome in the way it found its
     * plan: neither the plan nor the memo is read.
     */
    private final @Nullable Object[] plans = new Object[PLAN_STRIDE * PLAN_WAYS << PLAN_SET_BITS];

    /** Per way of {@link #plans}: the hash of layers and action, then the state word. */
    private final int[] planWords = new int[2 * PLAN_WAYS << PLAN_SET_BITS];

    /** ANDed with every hash of {@link #plans}: -1, or 0 in tests (see {@link #collidePlans}). */
    private int planHashMask = -1;

    /**
     * Puts every plan in one set of {@link #plans} (for tests): only the comparison of layers and
     * action tells them apart, and the set's eight ways are replaced all the time.
     */
    void collidePlans() {
      planHashMask = 0;
    }

    /** The outcome of the layers for the request of the view. */
    Outcome decide(CompiledLayers layers, int layersHash, RequestView view) {
      String action = view.action;
      int hash = planHash(layersHash, action);
      int way = way(layers, hash, action);
      if (way >= 0) {
        int base = PLAN_STRIDE * way;
        Plan plan = (Plan) requireNonNull(plans[base + PLAN]);
        int state = planWords[2 * way + 1];
        int kept = (state >>> OUTCOME_SHIFT) & 3;
        if (kept != 0 && keptFor(state, base, view)) {
          return OUTCOMES[kept - 1];
        }
        Outcome outcome = decide(layers, plan, view);
        int next = keep(state, base, plan, view, outcome);
        if (next != state) {
          // Written only when it changes: a thread's stores stay off lines it need not own
          planWords[2 * way + 1] = next;
        }
        return outcome;
      }
      int first = PLAN_WAYS * planSet(hash);
      @Nullable Object[] table = plans;
      Plan plan = layers.plan(view);
      System.arraycopy(planWords, 2 * first, planWords, 2 * first + 2, 2 * (PLAN_WAYS - 1));
      System.arraycopy(
          table,
          PLAN_STRIDE * first,
          table,
          PLAN_STRIDE * (first + 1),
          PLAN_STRIDE * (PLAN_WAYS - 1));
      int base = PLAN_STRIDE * first;
      table[base] = layers;
      table[base + 1] = plan.action;
      table[base + PLAN] = plan;
      Arrays.fill(table, base + KEPT_RESOURCE, base + PLAN_STRIDE, null);
      Outcome outcome = decide(layers, plan, view);
      int flags = USED | (plan.anyResource ? ANY_RESOURCE : 0) | (plan.memoPerUser ? PER_USER : 0);
      planWords[2 * first] = hash;
      planWords[2 * first + 1] = keep(flags, base, plan, view, outcome);
      return outcome;
    }

    /**
     * The outcome this thread keeps with its plan for the layers and the action, for a request with
     * no key of the caller's, or null when none is kept for the request's parts (then set the view
     * and call {@link Engine#decide(CompiledLayers, int, Scratch)}). The parts are those {@link
     * #decide} keeps an outcome by, the sources those of {@link SessionSources}. Nothing is set or
     * written: under G1, each reference written to a long-lived object such as this thread's view
     * passes a barrier with a memory fence, which waits for the reads in flight, so a question
     * asked again is answered here without one.
     *
     * @param layersHash the identity hash of the layers
     * @param crossAccount whether the principal's account is not the resource's
     * @param resourceKeys the keys of the resource's account
     * @param region the requested region, or null
     * @param roleKeys the role's keys
     * @param userKeys the user's keys
     * @param userId the values of {@code aws:userid}
     */
    public @Nullable Outcome keptOutcome(
        CompiledLayers layers,
        int layersHash,
        String action,
        String resource,
        boolean crossAccount,
        Principal.Kind kind,
        Object resourceKeys,
        @Nullable String region,
        Object roleKeys,
        Object userKeys,
        Object userId) {
      int way = way(layers, planHash(layersHash, action), action);
      if (way < 0) {
        return null;
      }
      int state = planWords[2 * way + 1];
      int kept = (state >>> OUTCOME_SHIFT) & 3;
      if (kept == 0) {
        return null;
      }
      if ((state & CONSTANT) != 0) {
        return keptConstant(state, crossAccount, kind) ? OUTCOMES[kept - 1] : null;
      }
      int base = PLAN_STRIDE * way;
      if (!keptFor(state, base, crossAccount, SessionSources.COUNT, kind, resource)) {
        return null;
      }
      boolean perUser = (state & PER_USER) != 0;
      @Nullable Object[] table = plans;
      for (int i = 0; i < SessionSources.COUNT; i++) {
        Object source =
            SessionSources.source(i, perUser, resourceKeys, region, roleKeys, userKeys, userId);
        if (!DecisionMemo.equal(table[base + KEPT_SOURCES + i], source)) {
          return null;
        }
      }
      return OUTCOMES[kept - 1];
    }

    private int planHash(int layersHash, String action) {
      return (layersHash * 31 + action.hashCode()) & planHashMask;
    }

    private static int planSet(int hash) {
      return (hash * 0x9E3779B9) >>> (32 - PLAN_SET_BITS);
    }

    /** The way of {@link #plans} that holds the plan of the layers for the action, or -1. */
    private int way(CompiledLayers layers, int hash, String action) {
      int first = PLAN_WAYS * planSet(hash);
      @Nullable Object[] table = plans;
      for (int way = first; way < first + PLAN_WAYS; way++) {
        if (planWords[2 * way + 1] == 0 || planWords[2 * way] != hash) {
          continue;
        }
        int base = PLAN_STRIDE * way;
        Object keptAction = table[base + 1];
        if (table[base + PLAN] != null
            && table[base] == layers
            && (keptAction == action || action.equals(keptAction))) {
          return way;
        }
      }
      return -1;
    }

    /** The plan's outcome for the view, from the plan's constant outcomes or the memo. */
    private Outcome decide(CompiledLayers layers, Plan plan, RequestView view) {
      Outcome[] memo = plan.memo;
      if (memo != null) {
        return kept(layers, plan, memo, view);
      }
      String[] read = plan.memoKeys;
      if (read == null) {
        return run(layers, plan, view, null);
      }
      DecisionMemo recent = this.memo;
      if (recent == null) {
        recent = new DecisionMemo();
        this.memo = recent;
      }
      return recent.decide(layers, plan, read, view);
    }

    /**
     * Keeps the outcome in the way, in place of the one it kept, when the plan is constant (by the
     * principal's kind and whether the request crosses accounts alone, as {@link Plan#memo} keeps
     * it) or when the memo would keep it by the parts a way holds (a plan it keeps, no caller key,
     * at most {@value DecisionMemo#SOURCES} sources), and returns the way's new state word;
     * otherwise the way keeps what it kept.
     */
    private int keep(int state, int base, Plan plan, RequestView view, Outcome outcome) {
      int flags = state & (USED | ANY_RESOURCE | PER_USER);
      int asked =
          (view.crossAccount ? CROSS_ACCOUNT : 0)
              | ((outcome.ordinal() + 1) << OUTCOME_SHIFT)
              | (view.kind.ordinal() << KIND_SHIFT);
      if (plan.memo != null) {
        return flags | CONSTANT | asked;
      }
      Keys keys = view.context;
      int sources = keys.sourceCount();
      if (plan.memoKeys == null || !keys.callerEmpty() || !DecisionMemo.keyable(sources)) {
        return state;
      }
      boolean perUser = (flags & PER_USER) != 0;
      @Nullable Object[] table = plans;
      table[base + KEPT_RESOURCE] = (flags & ANY_RESOURCE) != 0 ? null : view.resource;
      for (int i = 0; i < DecisionMemo.SOURCES; i++) {
        table[base + KEPT_SOURCES + i] = i < sources ? keys.source(i, perUser) : null;
      }
      return flags | asked | (sources << SOURCES_SHIFT);
    }

    /** True when the way keeps a constant plan's outcome for this principal's kind and accounts. */
    private static boolean keptConstant(int state, boolean crossAccount, Principal.Kind kind) {
      int asked = (crossAccount ? CROSS_ACCOUNT : 0) | (kind.ordinal() << KIND_SHIFT);
      return (state & (CROSS_ACCOUNT | KIND_BITS)) == asked;
    }

    /** True when the outcome the way keeps was kept for the view's request. */
    private boolean keptFor(int state, int base, RequestView view) {
      if ((state & CONSTANT) != 0) {
        return keptConstant(state, view.crossAccount, view.kind);
      }
      Keys keys = view.context;
      int sources = keys.sourceCount();
      if (!keys.callerEmpty()
          || !keptFor(state, base, view.crossAccount, sources, view.kind, view.resource)) {
        return false;
      }
      @Nullable Object[] table = plans;
      boolean perUser = (state & PER_USER) != 0;
      for (int i = 0; i < sources; i++) {
        if (!DecisionMemo.equal(table[base + KEPT_SOURCES + i], keys.source(i, perUser))) {
          return false;
        }
      }
      return true;
    }

    /**
     * True when the outcome the way keeps was kept for a request with these parts, its sources
     * aside.
     */
    private boolean keptFor(
        int state,
        int base,
        boolean crossAccount,
        int sources,
        Principal.Kind kind,
        String resource) {
      int asked =
          (crossAccount ? CROSS_ACCOUNT : 0)
              | (sources << SOURCES_SHIFT)
              | (kind.ordinal() << KIND_SHIFT);
      if ((state & WHAT_WAS_ASKED) != asked) {
        return false;
      }
      Object kept = plans[base + KEPT_RESOURCE];
      return (state & ANY_RESOURCE) != 0 ? kept == null : DecisionMemo.equal(kept, resource);
    }

    /** Sets the memo this scratch keeps outcomes in (tests give one whose hashes collide). */
    void memo(DecisionMemo memo) {
      this.memo = memo;
    }

    /**
     * Sets the request's parts.
     *
     * @param keys the request's condition keys, usually a reusable view over several contexts
     */
    public Scratch request(String action, String resource, String resourceAccount, Keys keys) {
      view.request(action, resource, resourceAccount, keys);
      return this;
    }

    /** Sets the principal asking, and its account. */
    public Scratch principal(Principal principal, @Nullable String principalAccount) {
      view.principal(principal, principalAccount, principal.kind());
      return this;
    }

    /**
     * As {@link #principal(Principal, String)}, with the principal's kind known to the caller (so
     * that a decision whose outcome is kept need not read the principal).
     */
    public Scratch principal(
        Principal principal, @Nullable String principalAccount, Principal.Kind kind) {
      view.principal(principal, principalAccount, kind);
      return this;
    }

    /**
     * As {@link #principal(Principal, String, Principal.Kind)}, with the principal asked of the
     * source only if statements are evaluated: an outcome kept for the request needs its kind
     * alone.
     */
    public Scratch principal(
        PrincipalSource source, @Nullable String principalAccount, Principal.Kind kind) {
      view.principal(source, principalAccount, kind);
      return this;
    }
  }

  /** The outcome alone, for the request and principal set in the scratch: the fast path. */
  public static Outcome decide(CompiledLayers layers, Scratch scratch) {
    return decide(layers, System.identityHashCode(layers), scratch);
  }

  /**
   * As {@link #decide(CompiledLayers, Scratch)}, with the identity hash of the layers known to the
   * caller, so that a plan this thread used before is found without reading the layers.
   */
  public static Outcome decide(CompiledLayers layers, int layersHash, Scratch scratch) {
    return scratch.decide(layers, layersHash, scratch.view);
  }

  /**
   * True when the outcome for these parts and keys can change with the time: some statement that
   * covers the action and resource reads {@code aws:CurrentTime} or {@code aws:EpochTime}. Every
   * other input of a decision is fixed once the request is, so when false a caller may keep the
   * outcome.
   */
  public static boolean dependsOnTime(
      CompiledLayers layers,
      Principal principal,
      String action,
      String resource,
      @Nullable String principalAccount,
      String resourceAccount,
      Keys keys) {
    RequestView view =
        new RequestView()
            .reset(principal, action, resource, principalAccount, resourceAccount, keys);
    for (CompiledPolicy policy : layers.all()) {
      for (CompiledStatement statement : policy.candidates(view)) {
        if (statement.readsTime(view)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The outcome with its trace. Agrees with {@link #decide} on every request. */
  public static EvaluationResult explain(CompiledLayers layers, EvaluationRequest request) {
    RequestView view = new RequestView(request);
    Trace trace = new Trace(view);
    Outcome outcome = run(layers, layers.plan(view), view, trace);
    return trace.result(outcome);
  }

  static Outcome run(CompiledLayers layers, Plan plan, RequestView request, @Nullable Trace trace) {
    Principal principal = request.principal();
    Principal.Kind kind = principal.kind();
    boolean hasBoundary = plan.boundaries.length > 0;
    boolean denied = false;

    // Resource control policies, along the path to the resource's account.
    int rcpBlocked = -1;
    Plan.Segment[] rcps = plan.rcpLevels;
    if (rcps == null) {
      if (trace != null) {
        trace.skipped(Layer.RESOURCE_CONTROL_POLICY, layers.layers().rcpNote());
      }
    } else if (trace == null && quick(plan.rcps)) {
      rcpBlocked = quickLevels(plan.rcps, request);
      if (rcpBlocked == DENIED) {
        return Outcome.EXPLICIT_DENY;
      }
    } else {
      List<PolicyLevel> named = trace == null ? List.of() : levels(layers.layers().rcpLevels());
      for (int i = 0; i < rcps.length; i++) {
        if (trace != null) {
          begin(trace, Layer.RESOURCE_CONTROL_POLICY, named.get(i));
        }
        int flags = scan(rcps[i], request, Mode.CONTROL, hasBoundary, trace);
        end(trace, (flags & ALLOW) != 0);
        denied |= (flags & DENY) != 0;
        if ((flags & ALLOW) == 0 && rcpBlocked < 0) {
          rcpBlocked = i;
        }
        if (denied && trace == null) {
          return Outcome.EXPLICIT_DENY;
        }
      }
    }

    // Service control policies, along the path to the principal's account.
    int scpBlocked = -1;
    Plan.Segment[] scps = plan.scpLevels;
    if (scps == null) {
      if (trace != null) {
        trace.skipped(Layer.SERVICE_CONTROL_POLICY, layers.layers().scpNote());
      }
    } else if (trace == null && quick(plan.scps)) {
      scpBlocked = quickLevels(plan.scps, request);
      if (scpBlocked == DENIED) {
        return Outcome.EXPLICIT_DENY;
      }
    } else {
      List<PolicyLevel> named = trace == null ? List.of() : levels(layers.layers().scpLevels());
      for (int i = 0; i < scps.length; i++) {
        if (trace != null) {
          begin(trace, Layer.SERVICE_CONTROL_POLICY, named.get(i));
        }
        int flags = scan(scps[i], request, Mode.ATTACHED, hasBoundary, trace);
        end(trace, (flags & ALLOW) != 0);
        denied |= (flags & DENY) != 0;
        if ((flags & ALLOW) == 0 && scpBlocked < 0) {
          scpBlocked = i;
        }
        if (denied && trace == null) {
          return Outcome.EXPLICIT_DENY;
        }
      }
    }

    // VPC endpoint policies: each must allow.
    int vpcBlocked = -1;
    for (int i = 0; i < plan.vpcEndpoints.length; i++) {
      begin(trace, Layer.VPC_ENDPOINT_POLICY, null);
      int flags = scan(plan.vpcEndpoints[i], request, Mode.RESOURCE, hasBoundary, trace);
      end(trace, (flags & ALLOW) != 0);
      denied |= (flags & DENY) != 0;
      if ((flags & ALLOW) == 0 && vpcBlocked < 0) {
        vpcBlocked = i;
      }
    }

    // The resource policy: its denies, and how strongly its allows name the principal.
    PrincipalGrant grant = PrincipalGrant.NONE;
    Plan.Segment resource = plan.resourcePolicy;
    if (resource == null) {
      if (trace != null) {
        trace.skipped(Layer.RESOURCE_POLICY, "the resource has no resource-based policy");
      }
    } else {
      begin(trace, Layer.RESOURCE_POLICY, null);
      int flags = scan(resource, request, Mode.RESOURCE, hasBoundary, trace);
      grant = GRANTS[flags >>> GRANT_SHIFT];
      end(trace, grant != PrincipalGrant.NONE);
      denied |= (flags & DENY) != 0;
    }

    // Identity policies, the permissions boundary and the session policy.
    boolean identityApplies = kind != Principal.Kind.SERVICE && kind != Principal.Kind.ANONYMOUS;
    boolean identityAllows = kind == Principal.Kind.ACCOUNT_ROOT;
    if (!identityApplies) {
      if (trace != null) {
        trace.skipped(
            Layer.IDENTITY_POLICY, "identity-based policies do not apply to " + describe(kind));
      }
    } else {
      begin(trace, Layer.IDENTITY_POLICY, null);
      int flags = scan(plan.identity, request, Mode.ATTACHED, hasBoundary, trace);
      identityAllows |= (flags & ALLOW) != 0;
      denied |= (flags & DENY) != 0;
      if (trace != null) {
        trace.end(
            true,
            identityAllows,
            kind == Principal.Kind.ACCOUNT_ROOT
                ? "the root user is allowed by default in its own account"
                : "");
      }
    }

    boolean boundaryAllows = true;
    if (identityApplies && hasBoundary) {
      for (Plan.Segment boundary : plan.boundaries) {
        begin(trace, Layer.PERMISSIONS_BOUNDARY, null);
        int flags = scan(boundary, request, Mode.ATTACHED, hasBoundary, trace);
        end(trace, (flags & ALLOW) != 0);
        boundaryAllows &= (flags & ALLOW) != 0;
        denied |= (flags & DENY) != 0;
      }
    } else if (trace != null) {
      trace.skipped(Layer.PERMISSIONS_BOUNDARY, "no permissions boundary");
    }

    boolean sessionAllows;
    Plan.Segment session = plan.session;
    if (!principal.isSession()) {
      sessionAllows = true;
      if (trace != null) {
        trace.skipped(Layer.SESSION_POLICY, "the principal is not a session");
      }
    } else if (session == null) {
      // A role session without a session policy is not limited; a federated user session
      // (GetFederationToken) without one is denied.
      sessionAllows = kind != Principal.Kind.FEDERATED_USER;
      if (trace != null) {
        trace.skipped(
            Layer.SESSION_POLICY,
            sessionAllows
                ? "no session policy"
                : "a federated user session without a session policy has no permissions");
      }
    } else {
      begin(trace, Layer.SESSION_POLICY, null);
      int flags = scan(session, request, Mode.ATTACHED, hasBoundary, trace);
      sessionAllows = (flags & ALLOW) != 0;
      end(trace, sessionAllows);
      denied |= (flags & DENY) != 0;
    }

    if (denied) {
      return Outcome.EXPLICIT_DENY;
    }

    // Control policies: an allow at every level.
    if (rcpBlocked >= 0) {
      if (trace != null) {
        block(trace, Layer.RESOURCE_CONTROL_POLICY, rcpBlocked, "no resource control policy");
      }
      return Outcome.IMPLICIT_DENY;
    }
    if (scpBlocked >= 0) {
      if (trace != null) {
        block(trace, Layer.SERVICE_CONTROL_POLICY, scpBlocked, "no service control policy");
      }
      return Outcome.IMPLICIT_DENY;
    }
    if (vpcBlocked >= 0) {
      if (trace != null) {
        block(trace, Layer.VPC_ENDPOINT_POLICY, vpcBlocked, "no VPC endpoint policy");
      }
      return Outcome.IMPLICIT_DENY;
    }

    // The identity path and the resource-policy path.
    boolean identityPath = identityApplies && identityAllows && boundaryAllows && sessionAllows;
    boolean resourcePath =
        switch (grant) {
          case DIRECT -> true;
          case ROLE -> boundaryAllows && sessionAllows;
          case ACCOUNT -> identityPath;
          case NONE -> false;
        };
    boolean mustUseResourcePolicy = resource != null && explicitGrantRequired(request);

    if (request.crossAccount) {
      boolean principalSide = identityPath || !identityApplies;
      boolean resourceSide = grant != PrincipalGrant.NONE;
      if (principalSide && resourceSide) {
        if (trace != null) {
          trace.allowed(
              "resource policy",
              "allowed across accounts: the "
                  + (identityApplies ? "identity path and the " : "")
                  + "resource-based policy allow",
              Layer.IDENTITY_POLICY,
              Layer.RESOURCE_POLICY);
        }
        return Outcome.ALLOWED;
      }
      if (trace != null) {
        if (!resourceSide) {
          blockLayer(
              trace,
              Layer.RESOURCE_POLICY,
              resource == null
                  ? "cross-account request and the resource has no resource-based policy"
                  : "cross-account request and no resource-based policy statement allows the"
                      + " principal");
        } else {
          blockIdentityPath(trace, identityAllows, boundaryAllows, principal);
        }
      }
      return Outcome.IMPLICIT_DENY;
    }

    if (resourcePath) {
      if (trace != null) {
        trace.allowed(
            "resource policy",
            "allowed by the resource-based policy, which names the "
                + switch (grant) {
                  case DIRECT -> "principal";
                  case ROLE -> "role";
                  default -> "account";
                },
            Layer.RESOURCE_POLICY,
            Layer.IDENTITY_POLICY);
      }
      return Outcome.ALLOWED;
    }
    if (identityPath && !mustUseResourcePolicy) {
      if (trace != null) {
        trace.allowed("identity", "allowed by an identity-based policy", Layer.IDENTITY_POLICY);
      }
      return Outcome.ALLOWED;
    }
    if (trace != null) {
      if (identityPath) {
        blockLayer(
            trace,
            Layer.RESOURCE_POLICY,
            "the " + (request.isService("kms") ? "key" : "trust") + " policy must allow");
      } else if (grant == PrincipalGrant.ROLE) {
        blockIdentityPath(trace, true, boundaryAllows, principal);
      } else {
        blockIdentityPath(trace, identityAllows, boundaryAllows, principal);
      }
    }
    return Outcome.IMPLICIT_DENY;
  }

  private static boolean explicitGrantRequired(RequestView request) {
    return request.isService("kms")
        || request.action.regionMatches(true, 0, "sts:AssumeRole", 0, 14);
  }

  private static void blockIdentityPath(
      Trace trace, boolean identityAllows, boolean boundaryAllows, Principal principal) {
    if (principal.kind() == Principal.Kind.SERVICE
        || principal.kind() == Principal.Kind.ANONYMOUS) {
      blockLayer(
          trace,
          Layer.RESOURCE_POLICY,
          "only a resource-based policy can allow " + describe(principal.kind()));
    } else if (!identityAllows) {
      blockLayer(trace, Layer.IDENTITY_POLICY, "no identity-based policy allows the action");
    } else if (!boundaryAllows) {
      blockLayer(trace, Layer.PERMISSIONS_BOUNDARY, "the permissions boundary does not allow it");
    } else {
      blockLayer(trace, Layer.SESSION_POLICY, "the session policy does not allow it");
    }
  }

  private static void blockLayer(Trace trace, Layer layer, String why) {
    LayerResult result = trace.last(layer);
    if (result != null) {
      trace.block(result, "implicitly denied: " + why);
    } else {
      trace.reason("implicitly denied: " + why);
    }
  }

  private static void block(Trace trace, Layer layer, int level, String what) {
    int seen = 0;
    LayerResult found = null;
    for (LayerResult result : trace.layers(layer)) {
      if (seen++ == level) {
        found = result;
        break;
      }
    }
    if (found == null) {
      trace.reason("implicitly denied");
      return;
    }
    trace.block(
        found,
        "implicitly denied: "
            + what
            + " attached to "
            + describeLevel(found)
            + " allows the action (every level of the organization must allow)");
  }

  private static String describeLevel(LayerResult level) {
    String id = level.levelId();
    String name = level.levelName();
    if (id == null) {
      return "the level";
    }
    return name == null || name.equals(id) ? id : name + " (" + id + ")";
  }

  private static String describe(Principal.Kind kind) {
    return kind == Principal.Kind.SERVICE ? "a service principal" : "an anonymous caller";
  }

  private static List<PolicyLevel> levels(@Nullable List<PolicyLevel> levels) {
    return levels == null ? List.of() : levels;
  }

  private static void begin(@Nullable Trace trace, Layer layer, @Nullable PolicyLevel level) {
    if (trace != null) {
      trace.begin(
          layer,
          level == null ? null : level.targetId(),
          level == null ? null : level.targetName());
    }
  }

  private static void end(@Nullable Trace trace, boolean allows) {
    if (trace != null) {
      trace.end(allows);
    }
  }

  /**
   * Scans the statements of one plan segment. Returns {@link #ALLOW} and {@link #DENY} bits, and
   * for {@link Mode#RESOURCE} the strongest {@link PrincipalGrant} of a matching allow, shifted by
   * {@link #GRANT_SHIFT}. Without a trace it stops at the first matching deny.
   */
  private static int scan(
      Plan.Segment segment,
      RequestView request,
      Mode mode,
      boolean hasBoundary,
      @Nullable Trace trace) {
    if (trace == null && mode != Mode.RESOURCE) {
      return scanQuickly(segment, request);
    }
    int flags = 0;
    int grant = 0;
    CompiledStatement[] statements = segment.statements;
    for (int i = 0; i < statements.length; i++) {
      CompiledStatement statement = statements[i];
      if (!statement.coversResource(request)) {
        continue;
      }
      PrincipalGrant named = PrincipalGrant.DIRECT;
      if (mode == Mode.RESOURCE) {
        named = principalGrant(statement, request.principal(), hasBoundary);
        if (named == PrincipalGrant.NONE) {
          continue;
        }
      }
      if (!statement.condition.matches(request.context)) {
        if (trace != null) {
          trace.conditionFailed(statement);
        }
        continue;
      }
      if (trace != null) {
        trace.matched(segment.owners[i], statement);
      }
      if (statement.deny) {
        flags |= DENY;
        if (trace == null) {
          return flags;
        }
      } else {
        flags |= ALLOW;
        if (named.ordinal() > grant) {
          grant = named.ordinal();
        }
      }
    }
    return flags | (grant << GRANT_SHIFT);
  }

  /** What {@link #quickLevels} returns when a level denies explicitly. */
  private static final int DENIED = -2;

  private static boolean quick(Plan.@Nullable Levels levels) {
    return levels != null && levels.summarized;
  }

  /**
   * The control levels on the decision path: {@link #DENIED} when a level denies explicitly, else
   * the first level that does not allow, or -1 when every level allows. Reads only the levels with
   * statements left to test; the others' answers are in the plan.
   */
  private static int quickLevels(Plan.@Nullable Levels levels, RequestView request) {
    if (levels == null) {
      return -1;
    }
    long allowed = levels.allows;
    Plan.Segment[] rest = levels.rest;
    for (int k = 0; k < rest.length; k++) {
      int flags = scanQuickly(rest[k], request);
      if ((flags & DENY) != 0) {
        return DENIED;
      }
      if ((flags & ALLOW) != 0) {
        allowed |= 1L << levels.restLevels[k];
      }
    }
    return allowed == levels.all ? -1 : Long.numberOfTrailingZeros(~allowed);
  }

  /**
   * {@link #scan} on the decision path, for segments whose principal is not checked: the segment's
   * unconditional allows are known, so only the other statements are read.
   */
  private static int scanQuickly(Plan.Segment segment, RequestView request) {
    int flags = segment.allows ? ALLOW : 0;
    CompiledStatement[] statements = segment.rest;
    for (int i = 0; i < statements.length; i++) {
      CompiledStatement statement = statements[i];
      if (statement.coversResource(request) && statement.condition.matches(request.context)) {
        if (statement.deny) {
          return flags | DENY;
        }
        flags |= ALLOW;
      }
    }
    return flags;
  }

  /** How a resource policy statement names the principal; for a deny, whether it applies. */
  private static PrincipalGrant principalGrant(
      CompiledStatement statement, Principal principal, boolean hasBoundary) {
    PrincipalMatcher matcher = statement.principal;
    if (matcher == null) {
      // No Principal: an allow grants no one; a deny denies everyone.
      return statement.deny ? PrincipalGrant.DIRECT : PrincipalGrant.NONE;
    }
    PrincipalGrant grant = matcher.grant(principal);
    if (!statement.notPrincipal) {
      return grant;
    }
    // NotPrincipal (deny only): applies to every principal it does not name, and, as documented,
    // to every principal that has a permissions boundary.
    return grant == PrincipalGrant.NONE || hasBoundary
        ? PrincipalGrant.DIRECT
        : PrincipalGrant.NONE;
  }
}
