package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The root or an organizational unit in the organization of a case.
 *
 * @param id the root id ({@code r-...}) or OU id ({@code ou-...})
 * @param name the name, the id when the case gives none
 * @param accounts the accounts directly under this node
 * @param children the OUs directly under this node
 */
public record OrgNode(String id, String name, List<OrgAccount> accounts, List<OrgNode> children) {
  public OrgNode {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    accounts = List.copyOf(accounts);
    children = List.copyOf(children);
  }
}
