package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;

import java.util.List;
import java.util.Optional;

/**
 * An attribute for access control: Identity Center passes the value of {@code source} as the
 * session tag {@code key}, which policies read as {@code aws:PrincipalTag/<key>}.
 *
 * @param key the session tag key
 * @param sources the attribute paths, such as {@code ${path:enterprise.costCenter}}; the first one
 *     the user has gives the value
 */
public record AccessControlAttribute(String key, List<String> sources) {
  private static final String PREFIX = "${path:";

  public AccessControlAttribute {
    requireText(key, "attribute key");
    sources = List.copyOf(sources);
    require(!sources.isEmpty(), "attribute `" + key + "` has no source: give an attribute path");
  }

  /** An attribute with one source. */
  public static AccessControlAttribute of(String key, String source) {
    return new AccessControlAttribute(key, List.of(source));
  }

  /**
   * The value for a user, empty when no source resolves (the tag is then absent from the session).
   * A source that is not of the form {@code ${path:...}} resolves to nothing.
   */
  public Optional<String> valueFor(User user) {
    for (String source : sources) {
      if (source.startsWith(PREFIX) && source.endsWith("}")) {
        Optional<String> value =
            user.attribute(source.substring(PREFIX.length(), source.length() - 1).trim());
        if (value.isPresent()) {
          return value;
        }
      }
    }
    return Optional.empty();
  }
}
