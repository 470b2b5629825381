package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The organization of a case: its tree of root, OUs and accounts.
 *
 * @param id the organization id ({@code o-...}), or null when the case gives none (then no {@code
 *     aws:*OrgID} or {@code aws:*OrgPaths} key is derived)
 * @param managementAccountId the management account, or null when the case gives none
 * @param root the root of the tree
 */
public record CaseOrganization(
    @Nullable String id, @Nullable String managementAccountId, OrgNode root) {
  public CaseOrganization {
    requireNonNull(root, "root");
  }

  /**
   * The nodes from the root down to the account's direct parent, or empty when the account is not
   * in the tree.
   */
  public Optional<List<OrgNode>> ancestorsOf(String accountId) {
    List<OrgNode> path = new ArrayList<>();
    return find(root, accountId, path) ? Optional.of(List.copyOf(path)) : Optional.empty();
  }

  /** The account with this id, or empty when it is not in the tree. */
  public Optional<OrgAccount> account(String accountId) {
    return ancestorsOf(accountId)
        .flatMap(
            path ->
                path.get(path.size() - 1).accounts().stream()
                    .filter(account -> account.id().equals(accountId))
                    .findFirst());
  }

  /**
   * The value of {@code aws:PrincipalOrgPaths} (or {@code aws:ResourceOrgPaths}) for an account:
   * the organization id, the root id and each OU down to the account's direct parent, each followed
   * by {@code /}, without the account id, for example {@code o-a1b2/r-ab12/ou-ab12-1/}. Empty when
   * the account is not in the tree or the organization has no id.
   */
  public Optional<String> orgPath(String accountId) {
    if (id == null) {
      return Optional.empty();
    }
    String orgId = id;
    return ancestorsOf(accountId)
        .map(
            path -> {
              StringBuilder out = new StringBuilder(orgId).append('/');
              path.forEach(node -> out.append(node.id()).append('/'));
              return out.toString();
            });
  }

  /** True when the id names the root, an OU or an account of the tree. */
  public boolean hasTarget(String targetId) {
    return hasTarget(root, targetId);
  }

  private static boolean find(OrgNode node, String accountId, List<OrgNode> path) {
    path.add(node);
    for (OrgAccount account : node.accounts()) {
      if (account.id().equals(accountId)) {
        return true;
      }
    }
    for (OrgNode child : node.children()) {
      if (find(child, accountId, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  private static boolean hasTarget(OrgNode node, String targetId) {
    if (node.id().equals(targetId)) {
      return true;
    }
    for (OrgAccount account : node.accounts()) {
      if (account.id().equals(targetId)) {
        return true;
      }
    }
    for (OrgNode child : node.children()) {
      if (hasTarget(child, targetId)) {
        return true;
      }
    }
    return false;
  }
}
