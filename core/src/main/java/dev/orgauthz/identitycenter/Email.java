package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

/**
 * An e-mail address of a user.
 *
 * @param value the address
 * @param type the kind, such as {@code work}; empty when unknown
 * @param primary true for the user's primary address
 */
public record Email(String value, String type, boolean primary) {
  public Email {
    requireText(value, "e-mail address");
    requireNonNull(type, "type");
  }

  /** A primary work address. */
  public static Email primary(String value) {
    return new Email(value, "work", true);
  }
}
