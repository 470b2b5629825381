package dev.orgauthz.internal.roles;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.org.Account;
import org.jspecify.annotations.Nullable;

/**
 * One compiled role: the role Identity Center provisions for a permission set in an account.
 *
 * @param account the account
 * @param permissionSet the permission set
 * @param roleArn the role ARN with its path, which a role request names
 * @param layers the compiled layers for resources of the role's own account, with the resource
 *     control policies of that account; null when the role is assigned but not usable
 */
public record RoleHandle(
    Account account, PermissionSet permissionSet, String roleArn, @Nullable CompiledLayers layers) {
  public RoleHandle {
    requireNonNull(account, "account");
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(roleArn, "roleArn");
  }

  /** False when the role is assigned but not usable, and so allows nothing. */
  public boolean usable() {
    return layers != null;
  }
}
