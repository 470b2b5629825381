package dev.orgauthz.identitycenter;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A permission set: the policies Identity Center puts on the role it provisions in each account the
 * set is assigned to. Build one with {@link #builder}.
 *
 * @param arn the permission set ARN, {@code arn:aws:sso:::permissionSet/ssoins-.../ps-...}
 * @param name the name, 1 to 32 characters of {@code [\w+=,.@-]}; part of the role name
 * @param description the description, empty when none
 * @param sessionDuration how long a session lasts, from 1 to 12 hours
 * @param awsManagedPolicyArns the AWS managed policies attached
 * @param customerManagedPolicies the customer managed policies attached, resolved per account
 * @param inlinePolicy the inline policy, or null
 * @param permissionsBoundary the permissions boundary, or null
 */
public record PermissionSet(
    String arn,
    String name,
    String description,
    Duration sessionDuration,
    List<String> awsManagedPolicyArns,
    List<CustomerManagedPolicyReference> customerManagedPolicies,
    @Nullable PolicyDocument inlinePolicy,
    @Nullable PermissionsBoundary permissionsBoundary) {

  private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,32}");

  public PermissionSet {
    requireText(arn, "permission set ARN");
    require(
        NAME.matcher(name).matches(),
        "permission set name `"
            + name
            + "` must be 1 to 32 letters, digits or `+=,.@-_`: rename the permission set");
    requireNonNull(description, "description");
    require(
        sessionDuration.compareTo(Duration.ofHours(1)) >= 0
            && sessionDuration.compareTo(Duration.ofHours(12)) <= 0,
        "session duration "
            + sessionDuration
            + " of permission set `"
            + name
            + "` is outside 1 to 12 hours: choose a duration in that range");
    awsManagedPolicyArns = List.copyOf(awsManagedPolicyArns);
    customerManagedPolicies = List.copyOf(customerManagedPolicies);
    require(
        inlinePolicy == null || inlinePolicy.type() == PolicyType.IDENTITY,
        "inline policy of permission set `" + name + "` must be parsed as an identity policy");
  }

  /**
   * A new builder.
   *
   * @param arn the permission set ARN
   * @param name the permission set name
   */
  public static Builder builder(String arn, String name) {
    return new Builder(arn, name);
  }

  /** Builds a {@link PermissionSet}. */
  public static final class Builder {
    private final String arn;
    private final String name;
    private String description = "";
    private Duration sessionDuration = Duration.ofHours(1);
    private final List<String> awsManagedPolicyArns = new ArrayList<>();
    private final List<CustomerManagedPolicyReference> customerManagedPolicies = new ArrayList<>();
    private @Nullable PolicyDocument inlinePolicy;
    private @Nullable PermissionsBoundary permissionsBoundary;

    private Builder(String arn, String name) {
      this.arn = arn;
      this.name = name;
    }

    /** Sets the description. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sets the session duration; one hour when not set. */
    public Builder sessionDuration(Duration duration) {
      this.sessionDuration = duration;
      return this;
    }

    /** Attaches an AWS managed policy by ARN. */
    public Builder awsManagedPolicy(String policyArn) {
      awsManagedPolicyArns.add(policyArn);
      return this;
    }

    /** Attaches a customer managed policy by reference. */
    public Builder customerManagedPolicy(CustomerManagedPolicyReference reference) {
      customerManagedPolicies.add(reference);
      return this;
    }

    /** Sets the inline policy. */
    public Builder inlinePolicy(PolicyDocument document) {
      this.inlinePolicy = document;
      return this;
    }

    /** Sets the permissions boundary. */
    public Builder permissionsBoundary(PermissionsBoundary boundary) {
      this.permissionsBoundary = boundary;
      return this;
    }

    /** The permission set. */
    public PermissionSet build() {
      return new PermissionSet(
          arn,
          name,
          description,
          sessionDuration,
          awsManagedPolicyArns,
          customerManagedPolicies,
          inlinePolicy,
          permissionsBoundary);
    }
  }
}
