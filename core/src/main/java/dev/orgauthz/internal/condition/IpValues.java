package dev.orgauthz.internal.condition;

import dev.orgauthz.policy.ConditionClause;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The values of IpAddress and NotIpAddress: CIDR ranges, IPv4 ({@code 203.0.113.0/24}) and IPv6
 * ({@code 2001:db8::/32}), mixed freely. A bare address is a range of one: {@code /32} or {@code
 * /128}. Host bits in a range are ignored. An IPv4 request address never falls in an IPv6 range,
 * nor the other way round.
 */
final class IpValues extends PolicyValues {
  private static final Range[] NO_RANGES = {};

  /**
   * A network and its mask as two 64-bit halves. An IPv4 range uses the low half only, its high
   * half and high mask being zero.
   */
  private record Range(long high, long low, long highMask, long lowMask) {
    boolean contains(long addressHigh, long addressLow) {
      return (addressHigh & highMask) == high && (addressLow & lowMask) == low;
    }
  }

  private final Range[] v4;
  private final Range[] v6;

  private IpValues(Range[] v4, Range[] v6) {
    this.v4 = v4;
    this.v6 = v6;
  }

  static IpValues compile(ConditionClause clause, String source) {
    List<Range> v4 = new ArrayList<>();
    List<Range> v6 = new ArrayList<>();
    for (String value : clause.values()) {
      Range range = range(value);
      if (range == null) {
        throw unreadable(
            clause,
            source,
            value,
            "an IP address or CIDR range",
            "write an address such as `203.0.113.7` or a range such as `203.0.113.0/24` or"
                + " `2001:db8::/32`");
      }
      (isIpv4(value) ? v4 : v6).add(range);
    }
    return new IpValues(v4.toArray(NO_RANGES), v6.toArray(NO_RANGES));
  }

  private static boolean isIpv4(String value) {
    return value.indexOf(':') < 0;
  }

  /** Parses an address or a CIDR range, or returns null. */
  private static @Nullable Range range(String value) {
    int slash = value.indexOf('/');
    int end = slash < 0 ? value.length() : slash;
    boolean ipv4 = isIpv4(value);
    int maxPrefix = ipv4 ? 32 : 128;
    int prefix = slash < 0 ? maxPrefix : IpAddresses.decimal(value, slash + 1, value.length());
    if (prefix < 0 || prefix > maxPrefix) {
      return null;
    }
    if (ipv4) {
      long address = IpAddresses.ipv4(value, 0, end);
      long mask = mask64(prefix + 32) & 0xffff_ffffL;
      return address < 0 ? null : new Range(0, address & mask, 0, mask);
    }
    if (!IpAddresses.isIpv6(value, 0, end)) {
      return null;
    }
    long highMask = mask64(prefix);
    long lowMask = mask64(prefix - 64);
    return new Range(
        IpAddresses.ipv6Half(value, 0, end, 0) & highMask,
        IpAddresses.ipv6Half(value, 0, end, 1) & lowMask,
        highMask,
        lowMask);
  }

  /** A 64-bit mask of {@code bits} leading ones, {@code bits} clamped to 0..64. */
  private static long mask64(int bits) {
    if (bits <= 0) {
      return 0;
    }
    return bits >= 64 ? -1L : -1L << (64 - bits);
  }

  @Override
  int test(String requestValue) {
    int length = requestValue.length();
    if (isIpv4(requestValue)) {
      long address = IpAddresses.ipv4(requestValue, 0, length);
      return address < 0 ? UNREADABLE : find(v4, 0, address);
    }
    if (!IpAddresses.isIpv6(requestValue, 0, length)) {
      return UNREADABLE;
    }
    return find(
        v6,
        IpAddresses.ipv6Half(requestValue, 0, length, 0),
        IpAddresses.ipv6Half(requestValue, 0, length, 1));
  }

  private static int find(Range[] ranges, long high, long low) {
    for (Range range : ranges) {
      if (range.contains(high, low)) {
        return MATCH;
      }
    }
    return NO_MATCH;
  }
}
