package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link PolicyLayers} with every policy compiled. Build once (for example per account and
 * permission set) and evaluate many requests. Immutable and thread-safe.
 */
public final class CompiledLayers {
  private final PolicyLayers layers;
  final @Nullable ControlLevels scp;
  final @Nullable ControlLevels rcp;
  final CompiledPolicy @Nullable [][] scpLevels;
  final CompiledPolicy @Nullable [][] rcpLevels;
  final CompiledPolicy[] identity;
  final CompiledPolicy[] boundaries;
  final @Nullable CompiledPolicy session;
  final @Nullable CompiledPolicy resource;
  final CompiledPolicy[] vpcEndpoints;

  private CompiledLayers(PolicyLayers layers, PolicyCompiler compiler) {
    this.layers = layers;
    List<PolicyLevel> scps = layers.scpLevels();
    List<PolicyLevel> rcps = layers.rcpLevels();
    this.scp = scps == null ? null : compiler.levels(scps);
    this.rcp = rcps == null ? null : compiler.levels(rcps);
    this.scpLevels = scp == null ? null : scp.policies;
    this.rcpLevels = rcp == null ? null : rcp.policies;
    this.identity = policies(layers.identityPolicies(), compiler);
    this.boundaries = policies(layers.permissionsBoundaries(), compiler);
    NamedPolicy sessionPolicy = layers.sessionPolicy();
    this.session = sessionPolicy == null ? null : compiler.compile(sessionPolicy);
    NamedPolicy resourcePolicy = layers.resourcePolicy();
    this.resource = resourcePolicy == null ? null : compiler.compile(resourcePolicy);
    this.vpcEndpoints = policies(layers.vpcEndpointPolicies(), compiler);
  }

  private static CompiledPolicy[] policies(List<NamedPolicy> policies, PolicyCompiler compiler) {
    CompiledPolicy[] out = new CompiledPolicy[policies.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = compiler.compile(policies.get(i));
    }
    return out;
  }

  /**
   * Compiles the layers, sharing compiled policies through the compiler's cache so that a document
   * used in many places is compiled once.
   */
  public static CompiledLayers compile(PolicyLayers layers, PolicyCompiler compiler) {
    return new CompiledLayers(layers, compiler);
  }

  /**
   * How many plans are kept per layers: far more than the actions a role asks in practice, and a
   * bound on the memory of a role asked every action of the catalog.
   */
  static final int PLANS = 1024;

  /**
   * The plans by action, made on first use: an open-addressed table, at most half full, read
   * without a lock and written under the lock of this object. A reader sees the table before or
   * after a write; either holds every plan it finds complete (plans are immutable but for their
   * memo of outcomes, see {@link Plan#memo}). When {@value #PLANS} plans are kept the table starts
   * over empty: plans are cheap to make again, and the bound holds.
   */
  private volatile @Nullable Plan[] plans = new Plan[FIRST_TABLE];

  /** How many plans {@link #plans} holds; guarded by the lock of this object. */
  private int planCount;

  private static final int FIRST_TABLE = 8;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Plan[].class);

  /** The plan for the request's action: kept when the action was asked before (allocation-free). */
  Plan plan(RequestView request) {
    String action = request.action;
    int hash = action.hashCode();
    @Nullable Plan[] table = plans;
    int mask = table.length - 1;
    for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
      Plan plan = (Plan) SLOT.getAcquire(table, i);
      if (plan == null) {
        return added(Plan.of(this, request));
      }
      if (plan.action == action || (plan.actionHash == hash && plan.action.equals(action))) {
        return plan;
      }
    }
  }

  /** How many plans are kept, at most {@value #PLANS}. */
  synchronized int plansKept() {
    return planCount;
  }

  private static int slot(int hash, int mask) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  /** Keeps a plan made for an action not found: the one kept first when threads race. */
  private synchronized Plan added(Plan plan) {
    @Nullable Plan[] table = plans;
    int mask = table.length - 1;
    int i = slot(plan.actionHash, mask);
    for (Plan kept; (kept = table[i]) != null; i = (i + 1) & mask) {
      if (kept.action.equals(plan.action)) {
        return kept;
      }
    }
    if (planCount >= PLANS) {
      table = new Plan[FIRST_TABLE];
      planCount = 0;
    } else if (2 * (planCount + 1) <= table.length) {
      SLOT.setRelease(table, i, plan);
      planCount++;
      return plan;
    } else {
      table = grown(table);
    }
    table[free(table, plan.actionHash)] = plan;
    planCount++;
    plans = table;
    return plan;
  }

  private static @Nullable Plan[] grown(@Nullable Plan[] table) {
    @Nullable Plan[] bigger = new Plan[2 * table.length];
    for (Plan plan : table) {
      if (plan != null) {
        bigger[free(bigger, plan.actionHash)] = plan;
      }
    }
    return bigger;
  }

  private static int free(@Nullable Plan[] table, int hash) {
    int mask = table.length - 1;
    int i = slot(hash, mask);
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Every compiled policy of every layer. */
  List<CompiledPolicy> all() {
    List<CompiledPolicy> out = new java.util.ArrayList<>();
    for (CompiledPolicy[][] levels : new CompiledPolicy[][][] {scpLevels, rcpLevels}) {
      if (levels != null) {
        for (CompiledPolicy[] level : levels) {
          out.addAll(List.of(level));
        }
      }
    }
    out.addAll(List.of(identity));
    out.addAll(List.of(boundaries));
    out.addAll(List.of(vpcEndpoints));
    if (session != null) {
      out.add(session);
    }
    if (resource != null) {
      out.add(resource);
    }
    return out;
  }

  /** The layers as given. */
  public PolicyLayers layers() {
    return layers;
  }
}
