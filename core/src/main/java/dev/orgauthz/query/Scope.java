package dev.orgauthz.query;

import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The part of the organization a query looks in, resolved: its label and its accounts. */
record Scope(String label, List<Account> accounts) {
  Scope {
    accounts = List.copyOf(accounts);
  }

  /**
   * Resolves an account, OU or root by id or name; null for the whole organization.
   *
   * @throws IllegalArgumentException when nothing has that id or name, or the name is ambiguous
   */
  static Scope resolve(Organization organization, @Nullable String idOrName) {
    if (idOrName == null || idOrName.isEmpty()) {
      return new Scope("the organization", organization.accounts());
    }
    String node = Names.requireNode(organization, idOrName, "account or organizational unit");
    String label;
    if (node.equals(organization.root().id())) {
      label = "the organization";
    } else if (organization.account(node).isPresent()) {
      label = "account " + organization.account(node).get().label();
    } else {
      label = "OU " + organization.nodeName(node) + " (" + node + ")";
    }
    return new Scope(label, Names.accountsUnder(organization, node));
  }
}
