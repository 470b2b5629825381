package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One level of the organization on the path to an account, with the service control policies (or
 * resource control policies) attached directly to it.
 *
 * @param targetId the root, OU or account id
 * @param targetName the name a person knows the node by (the id when unknown)
 * @param policies the policies attached directly at this level
 */
public record PolicyLevel(String targetId, String targetName, List<NamedPolicy> policies) {
  public PolicyLevel {
    requireNonNull(targetId, "targetId");
    requireNonNull(targetName, "targetName");
    policies = List.copyOf(policies);
  }
}
