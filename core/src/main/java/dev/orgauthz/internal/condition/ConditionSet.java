package dev.orgauthz.internal.condition;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.PolicyException;
import java.util.List;
import java.util.Set;

/**
 * The compiled {@code Condition} block of one statement: every clause must hold. Compiled once,
 * when the policy is loaded; {@link #matches} is called on the request path.
 */
public final class ConditionSet {
  /** The condition of a statement without a {@code Condition} block: always true. */
  public static final ConditionSet EMPTY = new ConditionSet();

  private ConditionSet() {}

  /**
   * Compiles the clauses of a statement.
   *
   * @param clauses the clauses, as parsed
   * @param variablesEnabled true under Version 2012-10-17, when {@code ${...}} is a variable
   * @param source where the policy came from, for messages
   * @throws PolicyException for an unknown operator, a qualifier or {@code IfExists} where it is
   *     not allowed, or a policy value that the operator cannot read (a number, date, IP range or
   *     base64 value that does not parse)
   */
  public static ConditionSet compile(
      List<ConditionClause> clauses, boolean variablesEnabled, String source) {
    throw new UnsupportedOperationException("not written yet");
  }

  /** True when the block has no clause. */
  public boolean isEmpty() {
    return true;
  }

  /** True when every clause holds for the request context. */
  public boolean matches(RequestContext context) {
    return true;
  }

  /** Adds the keys (lowercased) that the clauses and their policy variables read. */
  public void collectKeys(Set<String> keys) {}
}
