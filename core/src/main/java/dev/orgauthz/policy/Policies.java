package dev.orgauthz.policy;

/**
 * Reads policy documents. A document may be given as a JSON object, as a JSON string holding the
 * object (as AWS Organizations returns {@code Content}), or URL-encoded (as the IAM API returns
 * policy documents). Every document is checked against the policy JSON Schema, then against the
 * grammar rules of its policy type; what AWS would reject is a {@link PolicyException}, what it
 * accepts but is suspicious is a {@link Finding} on the document.
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
    throw new UnsupportedOperationException("not written yet");
  }
}
