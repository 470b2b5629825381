package dev.orgauthz.internal.condition;

import dev.orgauthz.internal.condition.Operator.Comparison;
import dev.orgauthz.policy.ConditionClause;
import java.util.List;

/**
 * The values of a Date operator, as epoch seconds. Policy and request values are read the same way:
 * a string of digits (optionally with a fraction) is epoch seconds, anything else must be a W3C
 * profile of ISO 8601 ({@code YYYY-MM}, {@code YYYY-MM-DD}, {@code YYYY-MM-DDThh:mmTZD}, {@code
 * YYYY-MM-DDThh:mm:ssTZD}, {@code YYYY-MM-DDThh:mm:ss.sTZD}, where TZD is {@code Z} or {@code
 * +hh:mm} or {@code -hh:mm}). Dates compare at second granularity: fractions are dropped. A bare
 * year such as {@code 2024} is all digits, so it reads as epoch seconds (semantics 5.3).
 */
final class DateValues extends PolicyValues {
  /** Returned by {@link #epochSeconds} for text that is not a date. */
  static final long INVALID = Long.MIN_VALUE;

  private static final long SECONDS_PER_DAY = 86_400;

  private final Comparison comparison;
  private final long[] seconds;

  private DateValues(Comparison comparison, long[] seconds) {
    this.comparison = comparison;
    this.seconds = seconds;
  }

  static DateValues compile(Comparison comparison, ConditionClause clause, String source) {
    List<String> values = clause.values();
    long[] seconds = new long[values.size()];
    for (int i = 0; i < seconds.length; i++) {
      String value = values.get(i);
      seconds[i] = epochSeconds(value);
      if (seconds[i] == INVALID) {
        throw unreadable(
            clause,
            source,
            value,
            "a date",
            "write epoch seconds or an ISO 8601 date such as `2024-01-31` or"
                + " `2024-01-31T12:00:00Z`");
      }
    }
    return new DateValues(comparison, seconds);
  }

  @Override
  int test(String requestValue) {
    long request = epochSeconds(requestValue);
    if (request == INVALID) {
      return UNREADABLE;
    }
    for (long value : seconds) {
      if (comparison.holds(Long.compare(request, value))) {
        return MATCH;
      }
    }
    return NO_MATCH;
  }

  /** Reads a date as whole epoch seconds, or returns {@link #INVALID}. */
  static long epochSeconds(String text) {
    int length = text.length();
    if (length == 0) {
      return INVALID;
    }
    int digits = 0;
    while (digits < length && Digits.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits == length || (digits > 0 && text.charAt(digits) == '.')) {
      return epoch(text, digits);
    }
    return iso(text);
  }

  /** Epoch seconds: {@code digits} leading digits and optionally a point and a fraction. */
  private static long epoch(String text, int digits) {
    if (digits > Digits.MAX) {
      return INVALID;
    }
    if (digits < text.length()) {
      if (digits + 1 == text.length()) {
        return INVALID;
      }
      for (int i = digits + 1; i < text.length(); i++) {
        if (!Digits.isDigit(text.charAt(i))) {
          return INVALID;
        }
      }
    }
    return number(text, 0, digits);
  }

  private static long iso(String text) {
    int length = text.length();
    if (length < 7 || text.charAt(4) != '-') {
      return INVALID;
    }
    long year = number(text, 0, 4);
    long month = number(text, 5, 7);
    long day = 1;
    if (length > 7) {
      if (length < 10 || text.charAt(7) != '-') {
        return INVALID;
      }
      day = number(text, 8, 10);
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
      return INVALID;
    }
    long date = daysSinceEpoch(year, month, day) * SECONDS_PER_DAY;
    if (length <= 10) {
      return date;
    }
    return time(text, date);
  }

  /** Reads {@code Thh:mm[:ss[.s]]TZD} from position 10, after a date of {@code date} seconds. */
  private static long time(String text, long date) {
    int length = text.length();
    if (length < 17 || text.charAt(10) != 'T' || text.charAt(13) != ':') {
      return INVALID;
    }
    long hour = number(text, 11, 13);
    long minute = number(text, 14, 16);
    long second = 0;
    int position = 16;
    if (text.charAt(position) == ':') {
      second = number(text, 17, Math.min(19, length));
      position = 19;
      if (position < length && text.charAt(position) == '.') {
        int start = ++position;
        while (position < length && Digits.isDigit(text.charAt(position))) {
          position++;
        }
        if (position == start) {
          return INVALID;
        }
      }
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return INVALID;
    }
    long offset = offsetSeconds(text, position);
    if (offset == INVALID) {
      return INVALID;
    }
    return date + hour * 3600 + minute * 60 + second - offset;
  }

  /** Reads the time zone designator that must end the text at {@code position}. */
  private static long offsetSeconds(String text, int position) {
    int length = text.length();
    if (position >= length) {
      return INVALID;
    }
    char sign = text.charAt(position);
    if (sign == 'Z') {
      return position + 1 == length ? 0 : INVALID;
    }
    if ((sign != '+' && sign != '-')
        || position + 6 != length
        || text.charAt(position + 3) != ':') {
      return INVALID;
    }
    long hours = number(text, position + 1, position + 3);
    long minutes = number(text, position + 4, position + 6);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      return INVALID;
    }
    long offset = hours * 3600 + minutes * 60;
    return sign == '+' ? offset : -offset;
  }

  /** The digits {@code text[from, to)} as a number, or -1. */
  private static long number(String text, int from, int to) {
    return Digits.value(text, from, to, Digits.MAX);
  }

  private static long daysInMonth(long year, long month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /**
   * Days from 1970-01-01 to a date of the proleptic Gregorian calendar. Counts from March 1 of year
   * 0, so that the leap day ends a year, in whole 400-year cycles of 146,097 days.
   */
  private static long daysSinceEpoch(long year, long month, long day) {
    long shiftedYear = month <= 2 ? year - 1 : year;
    long cycle = Math.floorDiv(shiftedYear, 400);
    long yearOfCycle = shiftedYear - cycle * 400;
    long shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1;
    long dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear;
    return cycle * 146_097 + dayOfCycle - 719_468;
  }
}
