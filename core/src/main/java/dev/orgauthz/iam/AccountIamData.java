package dev.orgauthz.iam;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireAccountId;
import static dev.orgauthz.internal.model.Checks.requireNew;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known of IAM in one account: its customer managed policies and its roles. When the model
 * holds this for an account, a permission set's customer managed policy reference must resolve
 * there; without it, the reference cannot be resolved and the role is not usable.
 *
 * @param accountId the account
 * @param policies the customer managed policies of the account
 * @param roles the roles of the account (the {@code AWSReservedSSO_} roles matter)
 */
public record AccountIamData(
    String accountId, List<ManagedPolicy> policies, List<ProvisionedRole> roles) {
  public AccountIamData {
    requireAccountId(accountId, "account of IAM data");
    policies = List.copyOf(policies);
    roles = List.copyOf(roles);
    Map<String, ManagedPolicy> arns = new HashMap<>();
    for (ManagedPolicy policy : policies) {
      requireNew(arns, policy.arn(), policy, "policy ARN in account " + accountId);
      require(
          policy.arn().contains(":" + accountId + ":policy/"),
          "policy `"
              + policy.arn()
              + "` is listed for account "
              + accountId
              + " but its ARN names another account: list it under its own account");
    }
  }

  /** IAM data with customer managed policies and no known role. */
  public static AccountIamData of(String accountId, List<ManagedPolicy> policies) {
    return new AccountIamData(accountId, policies, List.of());
  }

  /** The customer managed policy with exactly this path and name (both case-sensitive). */
  public Optional<ManagedPolicy> policy(String path, String name) {
    for (ManagedPolicy policy : policies) {
      if (policy.path().equals(path) && policy.name().equals(name)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }

  /** The role Identity Center provisioned for the named permission set, if known. */
  public Optional<ProvisionedRole> roleOf(String permissionSetName) {
    for (ProvisionedRole role : roles) {
      if (role.isRoleOf(permissionSetName)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
