package dev.orgauthz.internal.condition;

import dev.orgauthz.internal.condition.Operator.Comparison;
import dev.orgauthz.policy.ConditionClause;
import java.math.BigDecimal;
import java.util.List;

/**
 * The values of a Numeric operator: integers and decimals ({@code -12}, {@code 2.5}), without
 * exponent or leading {@code +}, of at most {@value #MAX_LENGTH} characters (reading a longer one
 * would take time quadratic in its length). Integers of up to 18 digits compare as {@code long}s
 * without allocating; other numbers as {@link BigDecimal}s.
 */
final class NumericValues extends PolicyValues {
  /** The longest text read as a number. */
  static final int MAX_LENGTH = 1_000;

  /** Not a number. */
  static final int INVALID = 0;

  /** An integer of at most 18 digits: {@link Long#parseLong} reads it. */
  static final int LONG = 1;

  /** A decimal, or an integer too long for a {@code long}. */
  static final int DECIMAL = 2;

  private final Comparison comparison;
  private final BigDecimal[] decimals;

  /** The value as a long where {@link #isLong} is set. */
  private final long[] longs;

  private final boolean[] isLong;

  private NumericValues(
      Comparison comparison, BigDecimal[] decimals, long[] longs, boolean[] isLong) {
    this.comparison = comparison;
    this.decimals = decimals;
    this.longs = longs;
    this.isLong = isLong;
  }

  static NumericValues compile(Comparison comparison, ConditionClause clause, String source) {
    List<String> values = clause.values();
    BigDecimal[] decimals = new BigDecimal[values.size()];
    long[] longs = new long[values.size()];
    boolean[] isLong = new boolean[values.size()];
    for (int i = 0; i < decimals.length; i++) {
      String value = values.get(i);
      int shape = shape(value);
      if (shape == INVALID) {
        throw unreadable(
            clause,
            source,
            value,
            "a number",
            "write an integer or a decimal such as `10` or `2.5`, without exponent or `+`, of at"
                + " most "
                + MAX_LENGTH
                + " characters");
      }
      decimals[i] = new BigDecimal(value);
      isLong[i] = shape == LONG;
      longs[i] = shape == LONG ? Long.parseLong(value) : 0;
    }
    return new NumericValues(comparison, decimals, longs, isLong);
  }

  /**
   * Reads the shape of a number: an optional {@code -}, digits, and optionally a {@code .} and more
   * digits.
   *
   * @return {@link #INVALID}, {@link #LONG} or {@link #DECIMAL}
   */
  static int shape(String text) {
    int length = text.length();
    if (length > MAX_LENGTH) {
      return INVALID;
    }
    int i = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < length && Digits.isDigit(text.charAt(i))) {
      i++;
    }
    int digits = i - start;
    if (digits == 0) {
      return INVALID;
    }
    if (i == length) {
      return digits <= Digits.MAX ? LONG : DECIMAL;
    }
    if (text.charAt(i) != '.' || i + 1 == length) {
      return INVALID;
    }
    for (i++; i < length; i++) {
      if (!Digits.isDigit(text.charAt(i))) {
        return INVALID;
      }
    }
    return DECIMAL;
  }

  @Override
  int test(String requestValue) {
    int shape = shape(requestValue);
    if (shape == INVALID) {
      return UNREADABLE;
    }
    if (shape == LONG) {
      long request = Long.parseLong(requestValue);
      for (int i = 0; i < decimals.length; i++) {
        int order =
            isLong[i]
                ? Long.compare(request, longs[i])
                : BigDecimal.valueOf(request).compareTo(decimals[i]);
        if (comparison.holds(order)) {
          return MATCH;
        }
      }
      return NO_MATCH;
    }
    BigDecimal request = new BigDecimal(requestValue);
    for (int i = 0; i < decimals.length; i++) {
      if (comparison.holds(request.compareTo(decimals[i]))) {
        return MATCH;
      }
    }
    return NO_MATCH;
  }
}
