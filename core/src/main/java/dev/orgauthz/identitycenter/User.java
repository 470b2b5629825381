package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A user of the Identity Center identity store.
 *
 * @param id the {@code UserId}
 * @param userName the {@code UserName}, unique in the store; the session name of the user's roles
 * @param displayName the display name, empty when none
 * @param emails the e-mail addresses
 * @param attributes further attributes by their path as attributes for access control name them
 *     (without {@code ${path:}}), for example {@code name.givenName}, {@code title}, {@code
 *     enterprise.costCenter}, {@code enterprise.department}
 */
public record User(
    String id,
    String userName,
    String displayName,
    List<Email> emails,
    Map<String, String> attributes) {
  public User {
    requireText(id, "user id");
    requireText(userName, "user name of user `" + id + "`");
    requireNonNull(displayName, "displayName");
    emails = List.copyOf(emails);
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
  }

  /** A user with a display name and a primary e-mail address. */
  public static User of(String id, String userName, String displayName, String email) {
    return new User(id, userName, displayName, List.of(Email.primary(email)), Map.of());
  }

  /** This user with one more attribute, for example {@code enterprise.costCenter}. */
  public User withAttribute(String path, String value) {
    Map<String, String> more = new TreeMap<>(attributes);
    more.put(path, value);
    return new User(id, userName, displayName, emails, more);
  }

  /** The primary e-mail address, else the first one. */
  public Optional<String> primaryEmail() {
    for (Email email : emails) {
      if (email.primary()) {
        return Optional.of(email.value());
      }
    }
    return emails.isEmpty() ? Optional.empty() : Optional.of(emails.get(0).value());
  }

  /**
   * The value of an attribute path as the attributes for access control use it: {@code userName},
   * {@code displayName}, {@code emails[primary eq true].value} (also {@code email} and {@code
   * emails}) from the fields, any other path from {@link #attributes}.
   */
  public Optional<String> attribute(String path) {
    return switch (path) {
      case "userName" -> Optional.of(userName);
      case "displayName" -> displayName.isEmpty() ? Optional.empty() : Optional.of(displayName);
      case "email", "emails", "emails[primary eq true].value" -> primaryEmail();
      default -> Optional.ofNullable(attributes.get(path));
    };
  }
}
