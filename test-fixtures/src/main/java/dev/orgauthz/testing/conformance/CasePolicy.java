package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyType;

/**
 * A policy of a case, as written: its id, the kind of policy its place in the case makes it, and
 * the document text, not yet parsed.
 *
 * @param id the policy id, for example {@code p-FullAWSAccess}
 * @param type the kind of policy, from where the case puts it ({@code scps} are service control
 *     policies, {@code identityPolicies} identity policies...)
 * @param document the document as JSON text, or the JSON string the case gave
 * @param source where the policy is in the case, for messages: {@code case-name: scps[0]
 *     p-FullAWSAccess}
 */
public record CasePolicy(String id, PolicyType type, String document, String source) {
  public CasePolicy {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(document, "document");
    requireNonNull(source, "source");
  }

  /**
   * Parses the document.
   *
   * @throws PolicyException when the document is malformed or AWS would reject it
   */
  public NamedPolicy parse() {
    return NamedPolicy.of(id, Policies.parse(document, type, source));
  }
}
