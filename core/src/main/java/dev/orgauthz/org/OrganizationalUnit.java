package dev.orgauthz.org;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;

/**
 * An organizational unit.
 *
 * @param id the OU id, {@code ou-...}
 * @param name the OU's name
 * @param parentId the root or OU that holds it
 */
public record OrganizationalUnit(String id, String name, String parentId) {
  public OrganizationalUnit {
    require(
        id.startsWith("ou-"),
        "organizational unit id `" + id + "` does not start with `ou-`: use the OU's id");
    requireText(name, "name of organizational unit `" + id + "`");
    requireText(parentId, "parent of organizational unit `" + id + "`");
  }

  /** An OU. */
  public static OrganizationalUnit of(String id, String name, String parentId) {
    return new OrganizationalUnit(id, name, parentId);
  }
}
