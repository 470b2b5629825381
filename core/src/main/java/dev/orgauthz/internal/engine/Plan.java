package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.internal.condition.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The statements of compiled layers that cover one action, layer by layer: what is left to evaluate
 * once the action is known is the resource, the principal of resource policy statements and the
 * conditions. A plan depends only on the layers and the action, so {@link CompiledLayers} keeps
 * recent plans: a role asks few distinct actions, whatever the resources.
 */
final class Plan {
  /** The statements of one policy, or of one layer or level, that cover the request. */
  static final class Segment {
    private static final CompiledStatement[] NONE = new CompiledStatement[0];

    static final Segment EMPTY = new Segment(NONE, new CompiledPolicy[0]);

    final CompiledStatement[] statements;
    final CompiledPolicy[] owners;

    /**
     * True when an Allow without condition covers every resource: where the principal is not
     * checked (identity and control policies), the segment allows whatever the request.
     */
    final boolean allows;

    /**
     * The statements left to test on the decision path where {@link #allows} holds: all but the
     * unconditional allows; all of them otherwise.
     */
    final CompiledStatement[] rest;

    Segment(CompiledStatement[] statements, CompiledPolicy[] owners) {
      this.statements = statements;
      this.owners = owners;
      List<CompiledStatement> rest = new ArrayList<>();
      boolean allows = false;
      for (CompiledStatement statement : statements) {
        if (!statement.deny && statement.condition.isEmpty() && statement.coversEveryResource) {
          allows = true;
        } else {
          rest.add(statement);
        }
      }
      this.allows = allows;
      this.rest = !allows ? statements : rest.isEmpty() ? NONE : rest.toArray(NONE);
    }
  }

  /**
   * The segments of a chain of control levels for one action, with what the decision path needs:
   * which levels allow whatever the request, and the few segments left to test. Shared by the plans
   * of every role that uses the chain.
   */
  static final class Levels {
    final Segment[] segments;

    /** True when there are at most 63 levels, so that the masks below describe them. */
    final boolean summarized;

    /** Bit i: level i has an unconditional allow. */
    final long allows;

    /** Bit i set for every level. */
    final long all;

    /** The segments with statements left to test on the decision path, and their levels. */
    final Segment[] rest;

    final int[] restLevels;

    Levels(Segment[] segments) {
      this.segments = segments;
      this.summarized = segments.length < 64;
      long allows = 0;
      List<Segment> rest = new ArrayList<>();
      List<Integer> levels = new ArrayList<>();
      for (int i = 0; i < segments.length && summarized; i++) {
        if (segments[i].allows) {
          allows |= 1L << i;
        }
        if (segments[i].rest.length > 0) {
          rest.add(segments[i]);
          levels.add(i);
        }
      }
      this.allows = allows;
      this.all = summarized ? (1L << segments.length) - 1 : 0;
      this.rest = rest.toArray(new Segment[0]);
      this.restLevels = levels.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  final String action;

  /** The hash of {@link #action}, which the table of plans compares first. */
  final int actionHash;

  /**
   * True when nothing in the plan depends on the request beyond the principal's kind, whether the
   * request crosses accounts and the resource: no condition, no policy variable in a resource, no
   * statement that must name the principal. The outcome can then be kept.
   */
  final boolean constant;

  /** True when every statement of the plan covers every resource. */
  final boolean anyResource;

  /**
   * The kept outcomes of a constant plan that covers every resource, by principal kind and whether
   * the request crosses accounts (null until decided; null for other plans). Slots are written once
   * per value with an enum constant, so a racing reader sees null or the outcome.
   */
  final Outcome @Nullable [] memo;

  /**
   * The keys (lowercase, sorted) that the plan's statements read, when {@link DecisionMemo} may
   * keep the plan's outcomes by the request's values: the plan is not constant (then {@link #memo}
   * keeps them), has no resource or VPC endpoint policy (whose statements check the principal) and
   * no statement that reads the time. Null otherwise.
   */
  final String @Nullable [] memoKeys;

  /** The length of {@link #memoKeys} (0 when null), kept here so that a kept outcome reads less. */
  final int memoWidth;

  /** True when a key of {@link #memoKeys} may differ between two users of one role. */
  final boolean memoPerUser;

  // The fields above are those a kept outcome reads; declared first, they share a cache line.

  final @Nullable Levels rcps;
  final @Nullable Levels scps;
  final Segment @Nullable [] rcpLevels;
  final Segment @Nullable [] scpLevels;
  final Segment[] vpcEndpoints;
  final @Nullable Segment resourcePolicy;
  final Segment identity;
  final Segment[] boundaries;
  final @Nullable Segment session;

  private Plan(CompiledLayers layers, RequestView request) {
    this.action = request.action;
    this.actionHash = request.action.hashCode();
    ControlLevels rcp = layers.rcp;
    ControlLevels scp = layers.scp;
    this.rcps = rcp == null ? null : rcp.segments(request);
    this.scps = scp == null ? null : scp.segments(request);
    this.rcpLevels = rcps == null ? null : rcps.segments;
    this.scpLevels = scps == null ? null : scps.segments;
    this.vpcEndpoints = each(layers.vpcEndpoints, request);
    CompiledPolicy resourcePolicy = layers.resource;
    this.resourcePolicy =
        resourcePolicy == null ? null : segment(new CompiledPolicy[] {resourcePolicy}, request);
    this.identity = segment(layers.identity, request);
    this.boundaries = each(layers.boundaries, request);
    CompiledPolicy session = layers.session;
    this.session = session == null ? null : segment(new CompiledPolicy[] {session}, request);
    boolean plain = this.resourcePolicy == null && vpcEndpoints.length == 0;
    plain &= plain(rcpLevels) && plain(scpLevels) && plain(boundaries) && plain(identity);
    this.constant = plain && (this.session == null || plain(this.session));
    boolean everything = every(rcpLevels) && every(scpLevels) && every(boundaries);
    everything &= every(vpcEndpoints) && every(identity);
    everything &= this.session == null || every(this.session);
    everything &= this.resourcePolicy == null || every(this.resourcePolicy);
    this.anyResource = everything;
    this.memo = constant && everything ? new Outcome[2 * KINDS.length] : null;

    TreeSet<String> keys = new TreeSet<>();
    boolean time = collect(rcpLevels, keys) | collect(scpLevels, keys);
    time |= collect(boundaries, keys) | collect(identity, keys);
    time |= this.session != null && collect(this.session, keys);
    boolean memoizable = memo == null && plain(this.resourcePolicy, vpcEndpoints) && !time;
    this.memoKeys = memoizable ? keys.toArray(new String[0]) : null;
    this.memoWidth = memoizable ? keys.size() : 0;
    this.memoPerUser = keys.stream().anyMatch(Keys::variesByUser);
  }

  private static boolean plain(@Nullable Segment resourcePolicy, Segment[] vpcEndpoints) {
    return resourcePolicy == null && vpcEndpoints.length == 0;
  }

  /** Adds the keys the statements read; true when one reads the time. */
  private static boolean collect(Segment @Nullable [] segments, TreeSet<String> keys) {
    boolean time = false;
    if (segments != null) {
      for (Segment segment : segments) {
        time |= collect(segment, keys);
      }
    }
    return time;
  }

  private static boolean collect(Segment segment, TreeSet<String> keys) {
    boolean time = false;
    for (CompiledStatement statement : segment.statements) {
      time |= statement.readsTime;
      keys.addAll(List.of(statement.keys));
    }
    return time;
  }

  private static final Principal.Kind[] KINDS = Principal.Kind.values();

  /** The memo slot of a request. */
  static int memoSlot(Principal.Kind kind, boolean crossAccount) {
    return 2 * kind.ordinal() + (crossAccount ? 1 : 0);
  }

  private static boolean every(Segment @Nullable [] segments) {
    if (segments != null) {
      for (Segment segment : segments) {
        if (!every(segment)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean every(Segment segment) {
    for (CompiledStatement statement : segment.statements) {
      if (!statement.coversEveryResource) {
        return false;
      }
    }
    return true;
  }

  private static boolean plain(Segment @Nullable [] segments) {
    if (segments != null) {
      for (Segment segment : segments) {
        if (!plain(segment)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean plain(Segment segment) {
    for (CompiledStatement statement : segment.statements) {
      if (!statement.condition.isEmpty() || statement.resourceVariables) {
        return false;
      }
    }
    return true;
  }

  static Plan of(CompiledLayers layers, RequestView request) {
    return new Plan(layers, request);
  }

  private static Segment[] each(CompiledPolicy[] policies, RequestView request) {
    Segment[] out = new Segment[policies.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = segment(new CompiledPolicy[] {policies[i]}, request);
    }
    return out;
  }

  static Segment segment(CompiledPolicy[] policies, RequestView request) {
    List<CompiledStatement> statements = new ArrayList<>();
    List<CompiledPolicy> owners = new ArrayList<>();
    for (CompiledPolicy policy : policies) {
      for (CompiledStatement statement : policy.candidates(request)) {
        if (statement.coversAction(request)) {
          statements.add(statement);
          owners.add(policy);
        }
      }
    }
    if (statements.isEmpty()) {
      return Segment.EMPTY;
    }
    return new Segment(
        statements.toArray(new CompiledStatement[0]), owners.toArray(new CompiledPolicy[0]));
  }
}
