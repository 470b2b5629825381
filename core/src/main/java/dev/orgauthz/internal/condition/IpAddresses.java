package dev.orgauthz.internal.condition;

/**
 * Reads IPv4 and IPv6 addresses from a range of a string without allocating. IPv4 is four decimal
 * octets ({@code 203.0.113.7}); IPv6 is eight groups of one to four hex digits, one {@code ::}
 * standing for one or more zero groups, and optionally a dotted IPv4 address as the last 32 bits
 * ({@code ::ffff:203.0.113.7}). Zone ids ({@code %eth0}) are not addresses here.
 */
final class IpAddresses {
  private static final int GROUPS = 8;
  private static final int NO_GAP = -1;
  private static final int TWO_GAPS = -2;

  private IpAddresses() {}

  /** The IPv4 address in {@code text[from, to)} as an unsigned 32-bit value, or -1. */
  static long ipv4(String text, int from, int to) {
    long address = 0;
    int octets = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && text.charAt(i) != '.') {
        continue;
      }
      int octet = decimal(text, start, i);
      if (octet < 0 || octet > 255 || ++octets > 4) {
        return -1;
      }
      address = (address << 8) | octet;
      start = i + 1;
    }
    return octets == 4 ? address : -1;
  }

  /** True when {@code text[from, to)} is an IPv6 address. */
  static boolean isIpv6(String text, int from, int to) {
    int gap = gap(text, from, to);
    if (gap == TWO_GAPS) {
      return false;
    }
    if (gap == NO_GAP) {
      return walk(text, from, to, 0, -1, true) == GROUPS;
    }
    long head = walk(text, from, gap, 0, -1, false);
    long tail = walk(text, gap + 2, to, 0, -1, true);
    return head >= 0 && tail >= 0 && head + tail < GROUPS;
  }

  /**
   * Half of the IPv6 address in {@code text[from, to)}, which must be one (see {@link #isIpv6}).
   *
   * @param half 0 for the high 64 bits, 1 for the low 64 bits
   */
  static long ipv6Half(String text, int from, int to, int half) {
    int gap = gap(text, from, to);
    if (gap == NO_GAP) {
      return walk(text, from, to, 0, half, true);
    }
    int tail = (int) walk(text, gap + 2, to, 0, -1, true);
    return walk(text, from, gap, 0, half, false)
        | walk(text, gap + 2, to, GROUPS - tail, half, true);
  }

  /** Where the {@code ::} is, or {@link #NO_GAP}, or {@link #TWO_GAPS}. */
  private static int gap(String text, int from, int to) {
    int gap = NO_GAP;
    for (int i = from; i + 1 < to; i++) {
      if (text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
        if (gap != NO_GAP) {
          return TWO_GAPS;
        }
        gap = i;
        i++;
      }
    }
    return gap;
  }

  /**
   * Walks colon-separated groups in {@code text[from, to)}, an empty range having none.
   *
   * @param firstGroup the position of the first group in the address, 0 to 7
   * @param half -1 to count the groups; 0 or 1 to collect the bits of the high or low half
   * @param dotted true when the last group may be a dotted IPv4 address (two groups)
   * @return the number of groups, or -1 when malformed; or the bits of the half
   */
  private static long walk(
      String text, int from, int to, int firstGroup, int half, boolean dotted) {
    if (from == to) {
      return 0;
    }
    int count = 0;
    long bits = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && text.charAt(i) != ':') {
        continue;
      }
      int first;
      int second = -1;
      long ipv4 = i == to && dotted ? ipv4(text, start, i) : -1;
      if (ipv4 >= 0) {
        first = (int) (ipv4 >>> 16);
        second = (int) (ipv4 & 0xffff);
      } else {
        first = hex(text, start, i);
        if (first < 0) {
          return -1;
        }
      }
      bits |= place(first, firstGroup + count++, half);
      if (second >= 0) {
        bits |= place(second, firstGroup + count++, half);
      }
      if (count > GROUPS) {
        return -1;
      }
      start = i + 1;
    }
    return half < 0 ? count : bits;
  }

  /** The bits a 16-bit group at a position adds to a half of the address. */
  private static long place(int group, int position, int half) {
    if (half < 0 || position / 4 != half) {
      return 0;
    }
    return (long) group << (16 * (3 - position % 4));
  }

  /** One to four hex digits as a number, or -1. */
  private static int hex(String text, int from, int to) {
    if (from >= to || to - from > 4) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int digit;
      if (Digits.isDigit(c)) {
        digit = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        digit = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        digit = c - 'A' + 10;
      } else {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  /** One to three decimal digits as a number, or -1: an octet or a prefix length. */
  static int decimal(String text, int from, int to) {
    return (int) Digits.value(text, from, to, 3);
  }
}
