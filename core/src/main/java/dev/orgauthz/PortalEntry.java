package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.org.Account;
import java.util.List;

/**
 * One account in a user's access portal, with the permission sets the user can open there.
 *
 * @param account the account
 * @param roles the permission sets, by name
 */
public record PortalEntry(Account account, List<PortalRole> roles) {
  public PortalEntry {
    requireNonNull(account, "account");
    roles = List.copyOf(roles);
  }
}
