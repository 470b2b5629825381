package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.org.Account;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@link WhatCan}.
 *
 * @param question the question
 * @param principal the user name, or {@code permission set <name>} for a question without user
 * @param account the account
 * @param permissionSets the permission sets whose roles were evaluated, by name; empty when the
 *     user has no assignment in the account
 * @param services every service of the catalog, sorted, with what is allowed there
 * @param blockedByScps the actions that a permission set grants but service control policies block,
 *     by permission set and then in catalog order
 * @param actionsEvaluated how many actions of the catalog were asked about, for each role
 */
public record WhatCanAnswer(
    WhatCanQuestion question,
    String principal,
    Account account,
    List<String> permissionSets,
    List<ServiceAccess> services,
    List<BlockedAction> blockedByScps,
    int actionsEvaluated) {
  public WhatCanAnswer {
    requireNonNull(question, "question");
    requireNonNull(principal, "principal");
    requireNonNull(account, "account");
    permissionSets = List.copyOf(permissionSets);
    services = List.copyOf(services);
    blockedByScps = List.copyOf(blockedByScps);
  }

  /** Every action allowed, in catalog order. */
  public List<String> allowedActions() {
    List<String> out = new ArrayList<>();
    services.forEach(service -> out.addAll(service.allowed()));
    return out;
  }

  /** The services with this coverage, in order. */
  public List<ServiceAccess> services(Coverage coverage) {
    return services.stream().filter(s -> s.coverage() == coverage).toList();
  }
}
