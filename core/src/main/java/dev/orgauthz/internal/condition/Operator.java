package dev.orgauthz.internal.condition;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The IAM condition operators without qualifier or {@code IfExists} suffix. A negated operator
 * holds when the request value matches none of the policy values; its positive twin, when it
 * matches one of them.
 */
enum Operator {
  STRING_EQUALS("StringEquals", Kind.STRING, false),
  STRING_NOT_EQUALS("StringNotEquals", Kind.STRING, true),
  STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, false),
  STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Kind.STRING_IGNORE_CASE, true),
  STRING_LIKE("StringLike", Kind.STRING_LIKE, false),
  STRING_NOT_LIKE("StringNotLike", Kind.STRING_LIKE, true),
  NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, false, Comparison.EQUAL),
  NUMERIC_NOT_EQUALS("NumericNotEquals", Kind.NUMERIC, true, Comparison.EQUAL),
  NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, false, Comparison.LESS),
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, false, Comparison.LESS_OR_EQUAL),
  NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, false, Comparison.GREATER),
  NUMERIC_GREATER_THAN_EQUALS(
      "NumericGreaterThanEquals", Kind.NUMERIC, false, Comparison.GREATER_OR_EQUAL),
  DATE_EQUALS("DateEquals", Kind.DATE, false, Comparison.EQUAL),
  DATE_NOT_EQUALS("DateNotEquals", Kind.DATE, true, Comparison.EQUAL),
  DATE_LESS_THAN("DateLessThan", Kind.DATE, false, Comparison.LESS),
  DATE_LESS_THAN_EQUALS("DateLessThanEquals", Kind.DATE, false, Comparison.LESS_OR_EQUAL),
  DATE_GREATER_THAN("DateGreaterThan", Kind.DATE, false, Comparison.GREATER),
  DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Kind.DATE, false, Comparison.GREATER_OR_EQUAL),
  BOOL("Bool", Kind.BOOL, false),
  BINARY_EQUALS("BinaryEquals", Kind.BINARY, false),
  IP_ADDRESS("IpAddress", Kind.IP_ADDRESS, false),
  NOT_IP_ADDRESS("NotIpAddress", Kind.IP_ADDRESS, true),
  ARN_EQUALS("ArnEquals", Kind.ARN, false),
  ARN_LIKE("ArnLike", Kind.ARN, false),
  ARN_NOT_EQUALS("ArnNotEquals", Kind.ARN, true),
  ARN_NOT_LIKE("ArnNotLike", Kind.ARN, true),
  NULL("Null", Kind.NULL, false);

  /** The type an operator reads its values as, which decides how they are compiled. */
  enum Kind {
    STRING(true),
    STRING_IGNORE_CASE(true),
    STRING_LIKE(true),
    NUMERIC(false),
    DATE(false),
    BOOL(true),
    BINARY(false),
    IP_ADDRESS(false),
    ARN(true),
    NULL(false);

    private final boolean variables;

    Kind(boolean variables) {
      this.variables = variables;
    }

    /** True when policy variables may appear in the values (Version 2012-10-17 only). */
    boolean allowsVariables() {
      return variables;
    }
  }

  /** How a request value must compare with a policy value, for numbers and dates. */
  enum Comparison {
    EQUAL,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL;

    /** True when {@code request.compareTo(policy)} returning {@code order} satisfies this. */
    boolean holds(int order) {
      return switch (this) {
        case EQUAL -> order == 0;
        case LESS -> order < 0;
        case LESS_OR_EQUAL -> order <= 0;
        case GREATER -> order > 0;
        case GREATER_OR_EQUAL -> order >= 0;
      };
    }
  }

  private static final Map<String, Operator> BY_LOWER_NAME = new HashMap<>();

  static {
    for (Operator operator : values()) {
      BY_LOWER_NAME.put(operator.awsName.toLowerCase(Locale.ROOT), operator);
    }
  }

  private final String awsName;
  private final Kind kind;
  private final boolean negated;
  private final Comparison comparison;

  Operator(String awsName, Kind kind, boolean negated) {
    this(awsName, kind, negated, Comparison.EQUAL);
  }

  Operator(String awsName, Kind kind, boolean negated, Comparison comparison) {
    this.awsName = awsName;
    this.kind = kind;
    this.negated = negated;
    this.comparison = comparison;
  }

  /** The operator named, in any case, or null. */
  static @Nullable Operator named(String lowerName) {
    return BY_LOWER_NAME.get(lowerName);
  }

  /** The name as AWS documents it, for example {@code StringNotEqualsIgnoreCase}. */
  String awsName() {
    return awsName;
  }

  Kind kind() {
    return kind;
  }

  /** True for the operators that hold when no policy value matches, and on a missing key. */
  boolean negated() {
    return negated;
  }

  /** The comparison of a Numeric or Date operator; {@link Comparison#EQUAL} for the others. */
  Comparison comparison() {
    return comparison;
  }
}
