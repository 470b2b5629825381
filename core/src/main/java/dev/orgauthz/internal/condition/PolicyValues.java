package dev.orgauthz.internal.condition;

import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.PolicyException;
import java.util.Set;

/**
 * The values of one clause, compiled for its operator's type: strings, globs, ARN patterns,
 * numbers, epoch seconds, IP ranges or bytes. A value is tested against one request value at a
 * time; the clause applies negation, qualifiers and missing keys.
 */
abstract class PolicyValues {
  /** The request value matches one of the policy values. */
  static final int MATCH = 1;

  /** The request value matches none of the policy values. */
  static final int NO_MATCH = 0;

  /**
   * The operator cannot read the request value (not a number, date, IP address, ARN, boolean or
   * base64 text): in an Allow it satisfies neither the operator nor its negation; in a Deny it
   * satisfies both, so that the deny applies.
   */
  static final int UNREADABLE = -1;

  /**
   * Tests one request value against the policy values.
   *
   * @return {@link #MATCH}, {@link #NO_MATCH} or {@link #UNREADABLE}
   */
  abstract int test(String requestValue);

  /** True when some value holds a policy variable, so that {@link #bind} must be called. */
  boolean hasVariables() {
    return false;
  }

  /**
   * True when {@link #test(String, Keys)} substitutes the policy variables itself, without
   * allocating, so that {@link #bind} is not needed.
   */
  boolean testsInPlace() {
    return false;
  }

  /**
   * Tests one request value against the values with their policy variables substituted from the
   * request; only for values that {@link #testsInPlace}.
   */
  int test(String requestValue, Keys context) {
    return test(requestValue);
  }

  /**
   * The values with their policy variables substituted from the request. A value whose variable the
   * request lacks (and that has no default) is left out: it matches nothing.
   */
  PolicyValues bind(Keys context) {
    return this;
  }

  /** Adds the keys (lowercased) that the policy variables read. */
  void collectKeys(Set<String> keys) {}

  /**
   * The load-time error for a policy value the operator cannot read.
   *
   * @param what what the value should be, with its article: {@code a number}
   * @param fix how to write such a value
   */
  static PolicyException unreadable(
      ConditionClause clause, String source, String value, String what, String fix) {
    String problem = "`" + value + "` is not " + what + " for `" + clause.operator() + "`: " + fix;
    return new PolicyException(source, clause.pointer(), problem);
  }

  /**
   * Compiles the values of a clause for its operator.
   *
   * @throws PolicyException when a value cannot be read as the operator's type
   */
  static PolicyValues compile(
      Operator operator, ConditionClause clause, boolean variablesEnabled, String source) {
    return switch (operator.kind()) {
      case STRING, STRING_IGNORE_CASE, STRING_LIKE, BOOL, ARN ->
          TextValues.compile(operator.kind(), clause, variablesEnabled, source);
      case NUMERIC -> NumericValues.compile(operator.comparison(), clause, source);
      case DATE -> DateValues.compile(operator.comparison(), clause, source);
      case BINARY -> BinaryValues.compile(clause, source);
      case IP_ADDRESS -> IpValues.compile(clause, source);
      case NULL -> throw new IllegalArgumentException("Null has no values to compile");
    };
  }
}
