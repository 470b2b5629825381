package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;

/**
 * A permission set's reference to a customer managed policy, by name and path. Identity Center
 * resolves it in each account the permission set is assigned to; a policy with exactly that name
 * and path must exist there.
 *
 * @param name the policy name, case-sensitive
 * @param path the policy path, {@code /} by default; starts and ends with {@code /}
 */
public record CustomerManagedPolicyReference(String name, String path) {
  public CustomerManagedPolicyReference {
    requireText(name, "customer managed policy name");
    require(
        path.startsWith("/") && path.endsWith("/"),
        "path `"
            + path
            + "` of customer managed policy `"
            + name
            + "` must start and end with `/`");
  }

  /** A reference with the path {@code /}. */
  public static CustomerManagedPolicyReference of(String name) {
    return new CustomerManagedPolicyReference(name, "/");
  }

  /** The ARN the reference resolves to in an account. */
  public String arnIn(String partition, String accountId) {
    return "arn:" + partition + ":iam::" + accountId + ":policy" + path + name;
  }

  @Override
  public String toString() {
    return path + name;
  }
}
