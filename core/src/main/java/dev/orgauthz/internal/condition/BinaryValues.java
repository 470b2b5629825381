package dev.orgauthz.internal.condition;

import dev.orgauthz.policy.ConditionClause;
import java.util.Arrays;
import java.util.List;

/**
 * The values of BinaryEquals: bytes, written in the policy as standard base64 (RFC 4648, padding
 * optional). A request value is base64 text too; it is decoded while comparing, without allocating.
 */
final class BinaryValues extends PolicyValues {
  private static final byte[] SEXTETS = new byte[128];

  static {
    Arrays.fill(SEXTETS, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      SEXTETS[alphabet.charAt(i)] = (byte) i;
    }
  }

  private final byte[][] values;

  private BinaryValues(byte[][] values) {
    this.values = values;
  }

  static BinaryValues compile(ConditionClause clause, String source) {
    List<String> texts = clause.values();
    byte[][] values = new byte[texts.size()][];
    for (int i = 0; i < values.length; i++) {
      String text = texts.get(i);
      int length = decodedLength(text);
      if (length < 0) {
        throw unreadable(
            clause,
            source,
            text,
            "base64",
            "write the bytes in standard base64, such as `QmluYXJ5VmFsdWU=`");
      }
      values[i] = new byte[length];
      decode(text, values[i], true);
    }
    return new BinaryValues(values);
  }

  @Override
  int test(String requestValue) {
    int length = decodedLength(requestValue);
    if (length < 0) {
      return UNREADABLE;
    }
    for (byte[] value : values) {
      if (value.length == length && decode(requestValue, value, false)) {
        return MATCH;
      }
    }
    return NO_MATCH;
  }

  /** The number of bytes the base64 text holds, or -1 when it is not base64. */
  static int decodedLength(String text) {
    int data = text.length();
    while (data > 0 && text.charAt(data - 1) == '=') {
      data--;
    }
    int padding = text.length() - data;
    if (data % 4 == 1 || padding > 2 || (padding > 0 && text.length() % 4 != 0)) {
      return -1;
    }
    for (int i = 0; i < data; i++) {
      if (sextet(text.charAt(i)) < 0) {
        return -1;
      }
    }
    return data * 3 / 4;
  }

  /**
   * Decodes valid base64 text (see {@link #decodedLength}) of {@code bytes.length} bytes.
   *
   * @param write true to write the bytes into {@code bytes}; false to compare them with it
   * @return false when comparing and a byte differs
   */
  private static boolean decode(String text, byte[] bytes, boolean write) {
    int buffer = 0;
    int bits = 0;
    int next = 0;
    for (int i = 0; next < bytes.length; i++) {
      buffer = (buffer << 6) | sextet(text.charAt(i));
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        byte decoded = (byte) (buffer >> bits);
        if (write) {
          bytes[next] = decoded;
        } else if (bytes[next] != decoded) {
          return false;
        }
        next++;
      }
    }
    return true;
  }

  private static int sextet(char c) {
    return c < SEXTETS.length ? SEXTETS[c] : -1;
  }
}
