package dev.orgauthz.policy;

import dev.orgauthz.internal.policy.PolicyReader;

/**
 * Reads policy documents. A document may be given as a JSON object, as a JSON string holding the
 * object (as AWS Organizations returns {@code Content}), or URL-encoded (as the IAM API returns
 * policy documents). Every document is checked against the policy JSON Schema, then against the
 * grammar rules of its policy type; what AWS would reject is a {@link PolicyException}, what it
 * accepts but is suspicious is a {@link Finding} on the document.
 *
 * <p>Rules beyond the schema: {@code Statement} is an object or an array; each statement has
 * exactly one of {@code Action}/{@code NotAction} and of {@code Resource}/{@code NotResource}
 * (resource policies may omit both, as role trust policies do); duplicate JSON keys are rejected;
 * {@code Principal}/{@code NotPrincipal} appear only in resource policies and resource control
 * policies ({@code "Principal": "*"} is required there); {@code NotPrincipal} only with {@code
 * Deny}; resource control policies allow {@code Allow} only in the shape of {@code
 * RCPFullAWSAccess} and no {@code NotAction}; service and resource control policies require Version
 * {@code 2012-10-17}; an action is {@code *} or {@code service:pattern}; a resource is {@code *} or
 * an ARN of six colon-separated parts; condition operators and values are checked per operator.
 */
public final class Policies {
  private Policies() {}

  /**
   * Parses and validates a document.
   *
   * @param text the document: JSON, a JSON string holding JSON, or URL-encoded JSON
   * @param type the kind of policy, which decides the elements allowed
   * @param source where the document came from (a file, a policy id), for messages
   * @throws PolicyException when the document is malformed or AWS would reject it
   */
  public static PolicyDocument parse(String text, PolicyType type, String source) {
    return PolicyReader.read(text, type, source, PolicyLimits.DEFAULT);
  }

  /**
   * Parses and validates a document within the given limits.
   *
   * @param limits the input limits; a document beyond them is a {@link PolicyException}
   * @throws PolicyException when the document is malformed, AWS would reject it, or it exceeds the
   *     limits
   */
  public static PolicyDocument parse(
      String text, PolicyType type, String source, PolicyLimits limits) {
    return PolicyReader.read(text, type, source, limits);
  }
}
