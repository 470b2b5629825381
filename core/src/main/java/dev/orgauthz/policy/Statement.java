package dev.orgauthz.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy document, as written. {@code actions} holds the {@code Action} or the
 * {@code NotAction} list ({@link #notAction()} tells which); likewise for resources and principals.
 *
 * @param index the position of the statement in its document, from 0
 * @param sid the {@code Sid}, or null
 * @param effect allow or deny
 * @param principal the {@code Principal} or {@code NotPrincipal} element, or null when absent
 * @param notPrincipal true when {@code principal} came from {@code NotPrincipal}
 * @param actions the action patterns
 * @param notAction true when {@code actions} came from {@code NotAction}
 * @param resources the resource patterns; empty only in a trust policy without {@code Resource}
 * @param notResource true when {@code resources} came from {@code NotResource}
 * @param conditions the condition clauses, ANDed
 * @param pointer the JSON pointer of the statement in its document
 */
public record Statement(
    int index,
    @Nullable String sid,
    Effect effect,
    @Nullable PrincipalElement principal,
    boolean notPrincipal,
    List<String> actions,
    boolean notAction,
    List<String> resources,
    boolean notResource,
    List<ConditionClause> conditions,
    String pointer) {
  public Statement {
    requireNonNull(effect, "effect");
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
    requireNonNull(pointer, "pointer");
  }

  /** A label for explanations: the {@code Sid} when there is one, else {@code #index}. */
  public String label() {
    return sid != null && !sid.isEmpty() ? sid : "#" + index;
  }
}
