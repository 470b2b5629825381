package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A service or resource control policy of a case with the root, OUs and accounts it is attached to.
 *
 * @param policy the policy
 * @param targets the ids of the root, OUs and accounts the policy is attached to
 */
public record AttachedPolicy(CasePolicy policy, List<String> targets) {
  public AttachedPolicy {
    requireNonNull(policy, "policy");
    targets = List.copyOf(targets);
  }
}
