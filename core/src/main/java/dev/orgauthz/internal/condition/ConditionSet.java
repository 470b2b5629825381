package dev.orgauthz.internal.condition;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.PolicyException;
import java.util.List;
import java.util.Set;

/**
 * The compiled {@code Condition} block of one statement: every clause must hold. Compiled once,
 * when the policy is loaded; {@link #matches} is called on the request path.
 *
 * <p>Choices where AWS documents nothing (semantics 5): an operator without a set qualifier never
 * matches a multivalued key, even negated or with {@code IfExists}, unless the key is absent; a
 * request value the operator cannot read (not a number, date, IP address, ARN, boolean or base64)
 * satisfies neither the operator nor its negation in an {@code Allow}, and makes the clause hold in
 * a {@code Deny} (compiled with {@link #compile(List, boolean, String, Effect)}), so that an error
 * never lets a request past a deny (semantics 1.2, step 9); an Arn policy value without six parts
 * matches no request value, so a negated Arn operator ignores it; {@code Null} counts a key present
 * with no value as absent.
 */
public final class ConditionSet {
  /** The condition of a statement without a {@code Condition} block: always true. */
  public static final ConditionSet EMPTY = new ConditionSet(new Clause[0]);

  private final Clause[] clauses;

  private ConditionSet(Clause[] clauses) {
    this.clauses = clauses;
  }

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
    return compile(clauses, variablesEnabled, source, Effect.ALLOW);
  }

  /**
   * Compiles the clauses of a statement with the given effect, which decides how a request value
   * that the operator cannot read counts: in an {@code Allow} it satisfies nothing, so the
   * statement does not allow; in a {@code Deny} it makes its clause hold, so the statement still
   * denies.
   *
   * @throws PolicyException as {@link #compile(List, boolean, String)} does
   */
  public static ConditionSet compile(
      List<ConditionClause> clauses, boolean variablesEnabled, String source, Effect effect) {
    if (clauses.isEmpty()) {
      return EMPTY;
    }
    boolean unreadableHolds = effect == Effect.DENY;
    Clause[] compiled = new Clause[clauses.size()];
    for (int i = 0; i < compiled.length; i++) {
      compiled[i] = Clause.compile(clauses.get(i), variablesEnabled, source, unreadableHolds);
    }
    // Cheapest first: every clause must hold, so the order changes the cost, not the answer.
    java.util.Arrays.sort(compiled, java.util.Comparator.comparingInt(clause -> clause.cost));
    return new ConditionSet(compiled);
  }

  /** True when the block has no clause. */
  public boolean isEmpty() {
    return clauses.length == 0;
  }

  /** True when every clause holds for the request context. */
  public boolean matches(RequestContext context) {
    return matches(Keys.of(context));
  }

  /** True when every clause holds for the request's keys. Allocates nothing without variables. */
  public boolean matches(Keys context) {
    for (Clause clause : clauses) {
      if (!clause.matches(context)) {
        return false;
      }
    }
    return true;
  }

  /** Adds the keys (lowercased) that the clauses and their policy variables read. */
  public void collectKeys(Set<String> keys) {
    for (Clause clause : clauses) {
      clause.collectKeys(keys);
    }
  }
}
