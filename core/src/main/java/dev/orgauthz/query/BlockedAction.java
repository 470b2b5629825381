package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Block;

/**
 * An action that a permission set grants in an account but service control policies block there:
 * its identity-based policies allow it, its permissions boundary (if any) allows it, and a service
 * control policy denies it or a level of the organization has no SCP that allows it.
 *
 * @param permissionSet the permission set name
 * @param action the action
 * @param block what blocked it: the SCP statements of an explicit deny, or the level that did not
 *     allow
 */
public record BlockedAction(String permissionSet, String action, Block block) {
  public BlockedAction {
    requireNonNull(permissionSet, "permissionSet");
    requireNonNull(action, "action");
    requireNonNull(block, "block");
  }
}
