package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.require;

import org.jspecify.annotations.Nullable;

/**
 * The permissions boundary of a permission set: either an AWS managed policy or a customer managed
 * policy reference, never both.
 *
 * @param managedPolicyArn the AWS managed policy, or null
 * @param customerManagedPolicy the customer managed policy reference, or null
 */
public record PermissionsBoundary(
    @Nullable String managedPolicyArn,
    @Nullable CustomerManagedPolicyReference customerManagedPolicy) {
  public PermissionsBoundary {
    require(
        (managedPolicyArn == null) != (customerManagedPolicy == null),
        "a permissions boundary names either an AWS managed policy ARN or a customer managed"
            + " policy reference: give exactly one");
  }

  /** A boundary that is an AWS managed policy. */
  public static PermissionsBoundary awsManaged(String arn) {
    return new PermissionsBoundary(arn, null);
  }

  /** A boundary that is a customer managed policy, resolved in each assigned account. */
  public static PermissionsBoundary customerManaged(CustomerManagedPolicyReference reference) {
    return new PermissionsBoundary(null, reference);
  }
}
