package dev.orgauthz.internal.condition;

import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.PolicyException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One compiled clause: an operator, with its set qualifier and {@code IfExists} suffix, applied to
 * one condition key and its policy values (semantics 5).
 */
abstract class Clause {
  private static final String FOR_ALL_VALUES = "forallvalues:";
  private static final String FOR_ANY_VALUE = "foranyvalue:";
  private static final String IF_EXISTS = "ifexists";

  /** How the request values of a key combine. */
  enum Qualifier {
    /** No qualifier: the key must have a single value. */
    NONE,
    /** {@code ForAllValues:}: every request value must satisfy the operator. */
    ALL,
    /** {@code ForAnyValue:}: one request value must satisfy the operator. */
    ANY
  }

  /** The condition key, lowercased. */
  final String key;

  /**
   * How costly the clause is to test, relatively: clauses of a block are tested cheapest first
   * (their order cannot change the block's answer, since every clause must hold).
   */
  final int cost;

  private Clause(String key, int cost) {
    this.key = key;
    this.cost = cost;
  }

  /**
   * True when the clause holds for the request. Never throws, never allocates without variables.
   */
  abstract boolean matches(Keys context);

  /** Adds the condition key and the keys of policy variables, lowercased. */
  void collectKeys(Set<String> keys) {
    keys.add(key);
  }

  /**
   * Compiles a clause.
   *
   * @param unreadableHolds what a request value the operator cannot read counts as: true in a Deny
   *     statement, so that the deny still applies; false in an Allow
   * @throws PolicyException for an unknown operator or qualifier, {@code IfExists} or a qualifier
   *     on Null, no value, or a value the operator cannot read
   */
  static Clause compile(
      ConditionClause clause, boolean variablesEnabled, String source, boolean unreadableHolds) {
    String written = clause.operator();
    String name = written.toLowerCase(Locale.ROOT);

    // Split off the qualifier prefix and the IfExists suffix.
    Qualifier qualifier = Qualifier.NONE;
    if (name.startsWith(FOR_ALL_VALUES)) {
      qualifier = Qualifier.ALL;
      name = name.substring(FOR_ALL_VALUES.length());
    } else if (name.startsWith(FOR_ANY_VALUE)) {
      qualifier = Qualifier.ANY;
      name = name.substring(FOR_ANY_VALUE.length());
    } else if (name.indexOf(':') >= 0) {
      String prefix = written.substring(0, name.indexOf(':') + 1);
      throw new PolicyException(
          source,
          clause.pointer(),
          "unknown set qualifier `"
              + prefix
              + "` in `"
              + written
              + "`: use `ForAllValues:` or"
              + " `ForAnyValue:`");
    }
    Operator operator = Operator.named(name);
    boolean ifExists = false;
    if (operator == null && name.endsWith(IF_EXISTS)) {
      operator = Operator.named(name.substring(0, name.length() - IF_EXISTS.length()));
      ifExists = operator != null;
    }
    if (operator == null) {
      String prefix = written.substring(0, written.length() - name.length());
      throw new PolicyException(source, clause.pointer(), unknownOperator(written, prefix, name));
    }

    // Reject what AWS rejects.
    if (operator == Operator.NULL && ifExists) {
      throw new PolicyException(
          source,
          clause.pointer(),
          "`"
              + written
              + "` is not an operator: Null itself tests whether the key exists,"
              + " so write `Null` without `IfExists`");
    }
    if (operator == Operator.NULL && qualifier != Qualifier.NONE) {
      throw new PolicyException(
          source,
          clause.pointer(),
          "`"
              + written
              + "` is not an operator: Null tests whether the key exists and"
              + " takes no set qualifier, so write `Null`");
    }
    if (clause.values().isEmpty()) {
      throw new PolicyException(
          source,
          clause.pointer(),
          "`"
              + written
              + "` on `"
              + clause.key()
              + "` has no value: give at least one value"
              + " or remove the key");
    }

    String key = clause.key().toLowerCase(Locale.ROOT);
    if (operator == Operator.NULL) {
      return NullClause.compile(key, clause, source);
    }
    PolicyValues values = PolicyValues.compile(operator, clause, variablesEnabled, source);
    int cost =
        switch (operator.kind()) {
          case STRING, STRING_IGNORE_CASE, BOOL, NUMERIC, NULL -> 1;
          case DATE, BINARY, IP_ADDRESS -> 2;
          case STRING_LIKE, ARN -> 3;
        };
    if (values.hasVariables()) {
      cost++;
    }
    return new ValueClause(
        key, qualifier, operator.negated(), ifExists, unreadableHolds, values, cost);
  }

  private static String unknownOperator(String written, String prefix, String name) {
    String suggestion = null;
    int best = 3;
    StringBuilder all = new StringBuilder();
    for (Operator operator : Operator.values()) {
      all.append(all.length() == 0 ? "" : ", ").append(operator.awsName());
      String[] candidates = {operator.awsName(), operator.awsName() + "IfExists"};
      for (String candidate : candidates) {
        int distance = distance(name, candidate.toLowerCase(Locale.ROOT));
        if (distance < best && !candidate.equals("NullIfExists")) {
          best = distance;
          suggestion = candidate;
        }
      }
    }
    String fix =
        suggestion != null
            ? "did you mean `" + prefix + suggestion + "`?"
            : "use one of " + all + ", with an optional `IfExists` suffix";
    return "unknown condition operator `"
        + written
        + "`: "
        + fix
        + " (see the IAM condition operators)";
  }

  /** The edit distance between two strings (insertions, deletions and substitutions). */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** {@code Null}: whether the key is absent (or present with no value). */
  private static final class NullClause extends Clause {
    private final boolean whenAbsent;
    private final boolean whenPresent;

    private NullClause(String key, boolean whenAbsent, boolean whenPresent) {
      super(key, 0);
      this.whenAbsent = whenAbsent;
      this.whenPresent = whenPresent;
    }

    static NullClause compile(String key, ConditionClause clause, String source) {
      boolean whenAbsent = false;
      boolean whenPresent = false;
      for (String value : clause.values()) {
        if (value.equalsIgnoreCase("true")) {
          whenAbsent = true;
        } else if (value.equalsIgnoreCase("false")) {
          whenPresent = true;
        } else {
          throw PolicyValues.unreadable(
              clause,
              source,
              value,
              "a boolean",
              "write `true` (the key is absent) or `false` (the key is present)");
        }
      }
      return new NullClause(key, whenAbsent, whenPresent);
    }

    @Override
    boolean matches(Keys context) {
      List<String> values = context.values(key);
      return (values == null || values.isEmpty()) ? whenAbsent : whenPresent;
    }
  }

  /** Every operator but Null: the request values are tested against the policy values. */
  private static final class ValueClause extends Clause {
    private final Qualifier qualifier;
    private final boolean negated;
    private final boolean whenMissing;

    /** What a request value the operator cannot read counts as: true in a Deny (fail closed). */
    private final boolean whenUnreadable;

    private final PolicyValues values;

    /**
     * True for costly clauses (patterns) whose answer depends on the request values alone (no
     * policy variable): views may keep their answers (see {@link Keys#recall}).
     */
    private final boolean memoized;

    private ValueClause(
        String key,
        Qualifier qualifier,
        boolean negated,
        boolean ifExists,
        boolean whenUnreadable,
        PolicyValues values,
        int cost) {
      super(key, cost);
      this.memoized = cost >= 3 && !values.hasVariables();
      this.qualifier = qualifier;
      this.negated = negated;
      this.whenUnreadable = whenUnreadable;
      this.values = values;
      this.whenMissing =
          switch (qualifier) {
            case NONE -> ifExists || negated;
            case ALL -> true;
            case ANY -> false;
          };
    }

    @Override
    boolean matches(Keys context) {
      List<String> present = context.values(key);
      if (present == null) {
        return whenMissing;
      }
      int size = present.size();
      if (qualifier == Qualifier.NONE && (size != 1 || context.isMultivalued(key))) {
        return false;
      }
      if (!memoized) {
        return test(present, context);
      }
      // The answer depends on the values alone: a view may have kept it for this list.
      int known = context.recall(this, present);
      if (known != Keys.UNKNOWN) {
        return known == 1;
      }
      boolean holds = test(present, context);
      context.remember(this, present, holds);
      return holds;
    }

    private boolean test(List<String> present, Keys context) {
      int size = present.size();
      PolicyValues bound =
          values.hasVariables() && !values.testsInPlace() ? values.bind(context) : values;
      if (qualifier == Qualifier.ANY) {
        for (int i = 0; i < size; i++) {
          if (satisfies(bound, present.get(i), context)) {
            return true;
          }
        }
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!satisfies(bound, present.get(i), context)) {
          return false;
        }
      }
      return true;
    }

    /**
     * True when one request value satisfies the operator: it matches one policy value (none, when
     * negated). A value the operator cannot read satisfies it only in a Deny.
     */
    private boolean satisfies(PolicyValues bound, String requestValue, Keys context) {
      int result = bound.test(requestValue, context);
      if (result == PolicyValues.UNREADABLE) {
        return whenUnreadable;
      }
      return (result == PolicyValues.MATCH) != negated;
    }

    @Override
    void collectKeys(Set<String> keys) {
      super.collectKeys(keys);
      values.collectKeys(keys);
    }
  }
}
