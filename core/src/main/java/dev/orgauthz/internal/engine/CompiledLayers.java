package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
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
   * The plans by action, made on first use. A plan is immutable (but for its memo of outcomes), so
   * two threads that race on a new action make two equal plans and keep one. When the map is full
   * it is emptied and refilled: plans are cheap to make again, and the bound holds.
   */
  private final ConcurrentHashMap<String, Plan> plans = new ConcurrentHashMap<>();

  /** The plan for the request's action: kept when the action was asked before (allocation-free). */
  Plan plan(RequestView request) {
    Plan plan = plans.get(request.action);
    if (plan == null) {
      plan = Plan.of(this, request);
      if (plans.size() >= PLANS) {
        plans.clear();
      }
      Plan raced = plans.putIfAbsent(request.action, plan);
      if (raced != null) {
        plan = raced;
      }
    }
    return plan;
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
