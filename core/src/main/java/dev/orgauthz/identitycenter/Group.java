package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

/**
 * A group of the Identity Center identity store. Groups hold users only; they do not nest.
 *
 * @param id the {@code GroupId}
 * @param displayName the group's name
 * @param description the description, empty when none
 */
public record Group(String id, String displayName, String description) {
  public Group {
    requireText(id, "group id");
    requireText(displayName, "display name of group `" + id + "`");
    requireNonNull(description, "description");
  }

  /** A group without description. */
  public static Group of(String id, String displayName) {
    return new Group(id, displayName, "");
  }
}
