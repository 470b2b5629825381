package dev.orgauthz.internal.match;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read-only hash table keyed by service prefix, looked up with the prefix of an action string in
 * any case, without allocating a substring. Open addressing with linear probing.
 *
 * @param <T> the value type
 */
public final class ServiceTable<T> {
  private final String[] keys;
  private final Object[] values;
  private final int mask;

  /** Builds the table; keys must be lowercase. */
  public ServiceTable(Map<String, T> entries) {
    int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    this.keys = new String[capacity];
    this.values = new Object[capacity];
    this.mask = capacity - 1;
    for (Map.Entry<String, T> entry : entries.entrySet()) {
      String key = entry.getKey();
      int slot = hash(key, key.length()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = entry.getValue();
    }
  }

  /**
   * The value for the service prefix {@code text[0, length)}, compared case-insensitively, or null.
   */
  @SuppressWarnings("unchecked")
  public @Nullable T get(String text, int length) {
    int slot = hash(text, length) & mask;
    String key;
    while ((key = keys[slot]) != null) {
      if (key.length() == length && text.regionMatches(true, 0, key, 0, length)) {
        return (T) values[slot];
      }
      slot = (slot + 1) & mask;
    }
    return null;
  }

  private static int hash(String text, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      h = 31 * h + c;
    }
    return h ^ (h >>> 16);
  }
}
