package dev.orgauthz.iam;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;

import org.jspecify.annotations.Nullable;

/**
 * A role as it exists in an account, as {@code get-account-authorization-details} reports it. The
 * model uses the {@code AWSReservedSSO_} roles that Identity Center provisioned: they give the real
 * role name (with its suffix), path and unique id.
 *
 * @param arn the role ARN, with its path
 * @param name the role name
 * @param path the role path, such as {@code /aws-reserved/sso.amazonaws.com/eu-west-1/}
 * @param roleId the unique id ({@code AROA...}), or null when unknown
 */
public record ProvisionedRole(String arn, String name, String path, @Nullable String roleId) {
  /** The prefix of the roles Identity Center provisions. */
  public static final String SSO_PREFIX = "AWSReservedSSO_";

  public ProvisionedRole {
    require(arn.startsWith("arn:") && arn.contains(":role/"), "`" + arn + "` is not a role ARN");
    requireText(name, "name of role `" + arn + "`");
    require(
        path.startsWith("/") && path.endsWith("/"),
        "path `" + path + "` of role `" + arn + "` must start and end with `/`");
  }

  /** A role built from its account, path, name and unique id. */
  public static ProvisionedRole of(
      String accountId, String path, String name, @Nullable String roleId) {
    return new ProvisionedRole(
        "arn:aws:iam::" + accountId + ":role" + path + name, name, path, roleId);
  }

  /** True for a role that Identity Center provisioned for a permission set. */
  public boolean isIdentityCenterRole() {
    return name.startsWith(SSO_PREFIX) && path.startsWith("/aws-reserved/sso.amazonaws.com/");
  }

  /**
   * True when this is the role provisioned for the named permission set: {@code
   * AWSReservedSSO_<name>_<suffix>} with a suffix without underscore.
   */
  public boolean isRoleOf(String permissionSetName) {
    String prefix = SSO_PREFIX + permissionSetName + "_";
    return isIdentityCenterRole()
        && name.startsWith(prefix)
        && name.length() > prefix.length()
        && name.indexOf('_', prefix.length()) < 0;
  }
}
