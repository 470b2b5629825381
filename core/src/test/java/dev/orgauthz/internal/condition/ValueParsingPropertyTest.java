package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The hand-written readers of request values agree with the JDK's. */
class ValueParsingPropertyTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  @Property(tries = 1000)
  void isoDatesReadAsTheJdkReadsThem(
      @ForAll @LongRange(min = -62_135_510_400L, max = 253_402_214_399L) long epochSecond,
      @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes) {
    ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
    LocalDateTime local = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
    String text = local.atOffset(offset).format(ISO);

    assertThat(DateValues.epochSeconds(text)).as(text).isEqualTo(epochSecond);
    int zone = text.endsWith("Z") ? text.length() - 1 : text.length() - 6;
    String fraction = text.substring(0, zone) + ".5" + text.substring(zone);
    assertThat(DateValues.epochSeconds(fraction)).as(fraction).isEqualTo(epochSecond);
    assertThat(DateValues.epochSeconds(Long.toString(Math.abs(epochSecond))))
        .isEqualTo(Math.abs(epochSecond));
  }

  @Property(tries = 1000)
  void ipv6AddressesReadAsTheJdkReadsThem(@ForAll @Size(16) byte[] bytes)
      throws UnknownHostException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long high = buffer.getLong();
    long low = buffer.getLong();
    String full = Inet6Address.getByAddress(null, bytes, -1).getHostAddress();
    String compressed = compress(full);

    for (String text : new String[] {full, compressed, compressed.toUpperCase()}) {
      int length = text.length();
      assertThat(IpAddresses.isIpv6(text, 0, length)).as(text).isTrue();
      assertThat(IpAddresses.ipv6Half(text, 0, length, 0)).as(text).isEqualTo(high);
      assertThat(IpAddresses.ipv6Half(text, 0, length, 1)).as(text).isEqualTo(low);
    }
  }

  @Property(tries = 1000)
  void ipv4AddressesReadAsTheJdkReadsThem(@ForAll @Size(4) byte[] bytes)
      throws UnknownHostException {
    String text = InetAddress.getByAddress(bytes).getHostAddress();

    assertThat(IpAddresses.ipv4(text, 0, text.length()))
        .isEqualTo(ByteBuffer.wrap(bytes).getInt() & 0xffff_ffffL);
  }

  /** A CIDR range holds exactly the addresses that share its first {@code prefix} bits. */
  @Property(tries = 1000)
  void ipv4RangesHoldTheirPrefix(
      @ForAll int network, @ForAll int address, @ForAll @IntRange(max = 32) int prefix) {
    String range = dotted(network) + "/" + prefix;
    long mask = prefix == 0 ? 0 : 0xffff_ffffL << (32 - prefix);
    boolean inside = ((network ^ address) & mask) == 0;

    assertThat(Cases.holds("IpAddress", range, "k=" + dotted(address))).isEqualTo(inside);
    assertThat(Cases.holds("NotIpAddress", range, "k=" + dotted(address))).isEqualTo(!inside);
  }

  @Property(tries = 1000)
  void base64ReadsAsTheJdkReadsIt(
      @ForAll @Size(max = 12) byte[] bytes, @ForAll @Size(max = 12) byte[] other) {
    String padded = Base64.getEncoder().encodeToString(bytes);
    String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
    String otherText = Base64.getEncoder().encodeToString(other);

    assertThat(BinaryValues.decodedLength(padded)).isEqualTo(bytes.length);
    assertThat(BinaryValues.decodedLength(unpadded)).isEqualTo(bytes.length);
    assertThat(Cases.holds("BinaryEquals", padded, "k=" + unpadded)).isTrue();
    assertThat(Cases.holds("BinaryEquals", unpadded, "k=" + otherText))
        .isEqualTo(java.util.Arrays.equals(bytes, other));
  }

  private static String dotted(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }

  /** Replaces the longest run of zero groups (two or more) with {@code ::}. */
  private static String compress(String full) {
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, 8));
    return head + "::" + tail;
  }
}
