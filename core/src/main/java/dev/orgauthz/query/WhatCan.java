package dev.orgauthz.query;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Block;
import dev.orgauthz.Decision;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.match.ActionMatcher;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.org.Account;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a user, or a permission set, can do in an account: over every action of an {@link
 * ActionCatalog}, the actions allowed, summarized per service (all, some with their names, none),
 * and the actions that a permission set grants but service control policies block.
 *
 * <pre>{@code
 * WhatCan whatCan = WhatCan.of(authorizer);   // over every action of every AWS service
 * WhatCanAnswer answer =
 *     whatCan.ask(WhatCanQuestion.builder().user("bob").account("Staging").build());
 * answer.services(Coverage.SOME);   // each with the actions allowed
 * answer.blockedByScps();           // granted by a permission set, blocked by an SCP
 * }</pre>
 *
 * <p>A user can perform an action when any of the user's roles in the account can; each role is
 * evaluated on its own. Immutable and thread-safe.
 */
public final class WhatCan {
  private final RoleIndex index;
  private final ActionCatalog catalog;

  private WhatCan(RoleIndex index, ActionCatalog catalog) {
    this.index = index;
    this.catalog = catalog;
  }

  /** A what-can query over every action of every AWS service ({@link ActionCatalog#bundled}). */
  public static WhatCan of(Authorizer authorizer) {
    return of(authorizer, ActionCatalog.bundled());
  }

  /** A what-can query over the actions of a catalog. */
  public static WhatCan of(Authorizer authorizer, ActionCatalog catalog) {
    return new WhatCan(new RoleIndex(authorizer), catalog);
  }

  /** The catalog of actions this query answers for. */
  public ActionCatalog catalog() {
    return catalog;
  }

  /**
   * Answers a question.
   *
   * @throws IllegalArgumentException when the question names an unknown user, account or permission
   *     set, or a permission set alone that is not assigned in the account
   */
  public WhatCanAnswer ask(WhatCanQuestion question) {
    return ask(question, Progress.none());
  }

  /**
   * Answers a question, telling the listener how many actions of each role are done.
   *
   * @throws IllegalArgumentException as {@link #ask(WhatCanQuestion)} does
   */
  public WhatCanAnswer ask(WhatCanQuestion question, Progress progress) {
    Account account = Names.account(index.snapshot.organization(), question.account());
    IdentityCenter center = index.center;
    if (center == null) {
      throw new IllegalArgumentException(
          "the snapshot has no Identity Center, so no user or permission set to ask about");
    }

    // The roles to evaluate
    String setName = question.permissionSet();
    PermissionSet set = setName == null ? null : Names.permissionSet(center, setName);
    String userName = question.user();
    User user = userName == null ? null : Names.user(center, userName);
    List<RoleHandle> roles = new ArrayList<>();
    if (user != null) {
      for (RoleHandle role : index.rolesOf(user.id()).getOrDefault(account.id(), List.of())) {
        if (set == null || role.permissionSet().arn().equals(set.arn())) {
          roles.add(role);
        }
      }
    } else if (set != null) {
      RoleHandle role = index.role(account.id(), set.arn());
      if (role == null) {
        Set<String> assigned = new TreeSet<>();
        index.rolesIn(account.id()).forEach(r -> assigned.add(r.permissionSet().name()));
        throw new IllegalArgumentException(
            "permission set `"
                + set.name()
                + "` is not assigned in account "
                + account.label()
                + ": ask about one that is ("
                + Names.list(assigned)
                + ") or name a user");
      }
      roles.add(role);
    }

    // Every action for every role, and what SCPs block
    List<String> actions = catalog.actions();
    boolean[] allowed = new boolean[actions.size()];
    List<BlockedAction> blocked = new ArrayList<>();
    Evaluator evaluator =
        new Evaluator(
            index, question.resource(), question.region(), question.context(), question.time());
    long total = (long) roles.size() * actions.size();
    long done = 0;
    progress.advanced(0, total);
    for (RoleHandle role : roles) {
      List<ActionMatcherScope> grants = identityAllows(role);
      for (int i = 0; i < actions.size(); i++) {
        String action = actions.get(i);
        Outcome outcome =
            user != null && index.dependsOnUser(role, action)
                ? evaluator.user(role, user, action)
                : evaluator.role(role, action);
        if (outcome == Outcome.ALLOWED) {
          allowed[i] = true;
        } else if (role.usable() && mayGrant(grants, action)) {
          BlockedAction scp = scpBlock(evaluator.explain(role, user, action), role, action);
          if (scp != null) {
            blocked.add(scp);
          }
        }
        progress.advanced(++done, total);
      }
    }

    // Per service: all, some, none
    List<ServiceAccess> services = new ArrayList<>();
    int at = 0;
    for (String service : catalog.services()) {
      List<String> names = catalog.actions(service);
      List<String> yes = new ArrayList<>();
      for (String action : names) {
        if (allowed[at++]) {
          yes.add(action);
        }
      }
      Coverage coverage =
          yes.isEmpty() ? Coverage.NONE : yes.size() == names.size() ? Coverage.ALL : Coverage.SOME;
      services.add(new ServiceAccess(service, coverage, yes, names.size()));
    }
    List<String> sets = roles.stream().map(r -> r.permissionSet().name()).toList();
    String principal =
        user != null ? user.userName() : "permission set " + roles.get(0).permissionSet().name();
    return new WhatCanAnswer(question, principal, account, sets, services, blocked, actions.size());
  }

  /** The actions of an allow statement of an identity-based policy. */
  private record ActionMatcherScope(ActionMatcher actions, boolean notAction) {}

  private static List<ActionMatcherScope> identityAllows(RoleHandle role) {
    CompiledLayers layers = role.layers();
    List<ActionMatcherScope> out = new ArrayList<>();
    if (layers == null) {
      return out;
    }
    for (NamedPolicy policy : layers.layers().identityPolicies()) {
      for (Statement statement : policy.document().statements()) {
        if (statement.effect() == Effect.ALLOW) {
          out.add(
              new ActionMatcherScope(
                  ActionMatcher.compile(statement.actions()), statement.notAction()));
        }
      }
    }
    return out;
  }

  private static boolean mayGrant(List<ActionMatcherScope> grants, String action) {
    int colon = action.indexOf(':');
    for (ActionMatcherScope grant : grants) {
      if (grant.actions().matches(action, colon) != grant.notAction()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The SCP block of a role's decision: identity policies and boundary allow, nothing but SCPs
   * denies, and SCPs deny or a level does not allow. Null otherwise.
   */
  private static @Nullable BlockedAction scpBlock(
      Decision decision, RoleHandle role, String action) {
    if (decision.roles().size() != 1 || decision.blockedBy().size() != 1) {
      return null;
    }
    RoleDecision only = decision.roles().get(0);
    EvaluationResult result = only.result();
    boolean identityAllows = false;
    boolean boundaryAllows = true;
    boolean scpDenies = false;
    boolean otherDenies = false;
    for (LayerResult layer : result.layers()) {
      switch (layer.layer()) {
        case IDENTITY_POLICY -> {
          identityAllows |= layer.applies() && layer.allows();
          otherDenies |= layer.denies();
        }
        case PERMISSIONS_BOUNDARY -> {
          boundaryAllows &= !layer.applies() || layer.allows();
          otherDenies |= layer.denies();
        }
        case SERVICE_CONTROL_POLICY -> scpDenies |= layer.denies();
        default -> otherDenies |= layer.denies();
      }
    }
    if (!identityAllows || !boundaryAllows || otherDenies) {
      return null;
    }
    LayerResult blockedBy = result.blockedBy();
    boolean scp =
        scpDenies || (blockedBy != null && blockedBy.layer() == Layer.SERVICE_CONTROL_POLICY);
    if (!scp) {
      return null;
    }
    Block block = decision.blockedBy().get(0);
    return new BlockedAction(role.permissionSet().name(), action, block);
  }

  @Override
  public String toString() {
    return "WhatCan[" + catalog + "]";
  }
}
