package dev.orgauthz.policy;

/**
 * The kind of a policy document. The kind decides which elements a document may hold (for example a
 * service control policy never has a {@code Principal}, a resource control policy always has {@code
 * "Principal": "*"}) and how the evaluator uses it.
 */
public enum PolicyType {
  /** A policy attached to an IAM user, group or role, or to a permission set. */
  IDENTITY("identity policy"),
  /** A policy attached to a resource: a bucket policy, a key policy, a role trust policy. */
  RESOURCE("resource policy"),
  /** A permissions boundary of an IAM user or role. */
  PERMISSIONS_BOUNDARY("permissions boundary"),
  /** A session policy passed when a session is created. */
  SESSION("session policy"),
  /** A service control policy of AWS Organizations. */
  SERVICE_CONTROL("service control policy"),
  /** A resource control policy of AWS Organizations. */
  RESOURCE_CONTROL("resource control policy"),
  /** A VPC endpoint policy. */
  VPC_ENDPOINT("VPC endpoint policy");

  private final String displayName;

  PolicyType(String displayName) {
    this.displayName = displayName;
  }

  /** The name of the kind as a person reads it, for example {@code service control policy}. */
  public String displayName() {
    return displayName;
  }
}
