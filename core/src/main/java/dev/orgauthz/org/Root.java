package dev.orgauthz.org;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;

/**
 * The root of an organization, the parent of its top-level organizational units and accounts.
 *
 * @param id the root id, {@code r-...}
 * @param name the name AWS gives it, usually {@code Root}
 */
public record Root(String id, String name) {
  public Root {
    require(
        id.startsWith("r-"), "root id `" + id + "` does not start with `r-`: use the root's id");
    requireText(name, "name of root `" + id + "`");
  }

  /** A root named {@code Root}. */
  public static Root of(String id) {
    return new Root(id, "Root");
  }
}
