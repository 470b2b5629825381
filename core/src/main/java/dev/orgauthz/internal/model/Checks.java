package dev.orgauthz.internal.model;

import dev.orgauthz.ModelException;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks shared by the model's compact constructors and builders. */
public final class Checks {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private Checks() {}

  /**
   * Throws a {@link ModelException} with the message when the condition is false.
   *
   * @param message what is wrong and how to fix it
   */
  public static void require(boolean condition, String message) {
    if (!condition) {
      throw new ModelException(message);
    }
  }

  /** Requires a non-blank text; {@code what} names it in the message. */
  public static String requireText(String text, String what) {
    require(!text.isBlank(), what + " is empty: give a value");
    return text;
  }

  /** Requires a 12-digit account id; {@code what} names the place in the message. */
  public static String requireAccountId(String id, String what) {
    require(
        ACCOUNT_ID.matcher(id).matches(),
        what
            + " `"
            + id
            + "` is not a 12-digit account id: write all 12 digits, leading zeros too");
    return id;
  }

  /** Throws when the map already holds the key: two things share one id. */
  public static <V> void requireNew(Map<String, V> seen, String key, V value, String what) {
    V previous = seen.putIfAbsent(key, value);
    require(previous == null, "duplicate " + what + " `" + key + "`: give each its own id");
  }
}
