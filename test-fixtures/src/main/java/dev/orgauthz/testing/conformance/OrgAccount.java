package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

/**
 * An account in the organization of a case.
 *
 * @param id the 12-digit account id
 * @param name the account name, the id when the case gives none
 */
public record OrgAccount(String id, String name) {
  public OrgAccount {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
  }
}
