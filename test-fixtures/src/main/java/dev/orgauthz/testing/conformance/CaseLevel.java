package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One level of an already resolved list of control-policy levels ({@code scpLevels} or {@code
 * rcpLevels}).
 *
 * @param target the root, OU or account id of the level
 * @param policies the policies attached directly at this level, in case order
 */
public record CaseLevel(String target, List<CasePolicy> policies) {
  public CaseLevel {
    requireNonNull(target, "target");
    policies = List.copyOf(policies);
  }
}
