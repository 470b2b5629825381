package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One entry under an account in a user's access portal: a permission set the user can open there.
 *
 * @param permissionSet the permission set name
 * @param permissionSetArn the permission set ARN
 * @param roleArn the role the entry opens, with its path
 * @param sessionDuration how long a session lasts
 * @param usable false when the role is assigned but not usable (a customer managed policy reference
 *     cannot be resolved in the account)
 */
public record PortalRole(
    String permissionSet,
    String permissionSetArn,
    String roleArn,
    Duration sessionDuration,
    boolean usable) {
  public PortalRole {
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(permissionSetArn, "permissionSetArn");
    requireNonNull(roleArn, "roleArn");
    requireNonNull(sessionDuration, "sessionDuration");
  }
}
