package dev.orgauthz.internal.condition;

/** Reads runs of ASCII digits, for the number, date and IP address readers. */
final class Digits {
  /** The most digits {@link #value} reads: every such number fits in a {@code long}. */
  static final int MAX = 18;

  private Digits() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The digits {@code text[from, to)} as a number, or -1 when the range is empty, longer than
   * {@code maxDigits} (at most {@link #MAX}), past the end of the text, or holds another character.
   */
  static long value(String text, int from, int to, int maxDigits) {
    if (from >= to || to - from > Math.min(maxDigits, MAX) || to > text.length()) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
