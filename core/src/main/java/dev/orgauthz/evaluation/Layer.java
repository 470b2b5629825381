package dev.orgauthz.evaluation;

/** The policy layers of the IAM evaluation logic, in the order AWS evaluates them. */
public enum Layer {
  /** Resource control policies along the path to the resource's account. */
  RESOURCE_CONTROL_POLICY("resource control policy"),
  /** Service control policies along the path to the principal's account. */
  SERVICE_CONTROL_POLICY("service control policy"),
  /** VPC endpoint policies on the path of the request. */
  VPC_ENDPOINT_POLICY("VPC endpoint policy"),
  /** The policy attached to the resource. */
  RESOURCE_POLICY("resource-based policy"),
  /** The identity policies of the principal. */
  IDENTITY_POLICY("identity-based policy"),
  /** The permissions boundary of the principal. */
  PERMISSIONS_BOUNDARY("permissions boundary"),
  /** The session policy of the session. */
  SESSION_POLICY("session policy");

  private final String displayName;

  Layer(String displayName) {
    this.displayName = displayName;
  }

  /** The layer as AWS's access-denied messages name it. */
  public String displayName() {
    return displayName;
  }
}
