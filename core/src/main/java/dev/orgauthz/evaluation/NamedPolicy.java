package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.policy.PolicyDocument;

/**
 * A policy document with the identity it is known by in explanations.
 *
 * @param id the policy id or ARN, for example {@code p-FullAWSAccess} or an IAM policy ARN
 * @param name the name a person knows it by; the id when there is no other name
 * @param document the parsed document
 */
public record NamedPolicy(String id, String name, PolicyDocument document) {
  public NamedPolicy {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(document, "document");
  }

  /** A policy whose name is its id. */
  public static NamedPolicy of(String id, PolicyDocument document) {
    return new NamedPolicy(id, id, document);
  }
}
