package dev.orgauthz.iam;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireAccountId;
import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;

/**
 * An IAM managed policy: AWS managed ({@code arn:aws:iam::aws:policy/...}) or customer managed in
 * one account ({@code arn:aws:iam::<account>:policy/...}).
 *
 * @param arn the policy ARN
 * @param name the policy name
 * @param path the policy path, {@code /} by default
 * @param document the default version's document, parsed as an identity policy
 * @param versionId the id of that version, such as {@code v3}; empty when unknown
 */
public record ManagedPolicy(
    String arn, String name, String path, PolicyDocument document, String versionId) {
  public ManagedPolicy {
    require(
        arn.startsWith("arn:") && arn.contains(":policy/"), "`" + arn + "` is not a policy ARN");
    requireText(name, "name of policy `" + arn + "`");
    require(
        path.startsWith("/") && path.endsWith("/"),
        "path `" + path + "` of policy `" + arn + "` must start and end with `/`");
    requireNonNull(document, "document");
    require(
        document.type() == PolicyType.IDENTITY
            || document.type() == PolicyType.PERMISSIONS_BOUNDARY,
        "managed policy `" + arn + "` must be parsed as an identity policy");
    requireNonNull(versionId, "versionId");
  }

  /** A managed policy whose version id is unknown. */
  public ManagedPolicy(String arn, String name, String path, PolicyDocument document) {
    this(arn, name, path, document, "");
  }

  /** An AWS managed policy, for example path {@code /job-function/} and name {@code Billing}. */
  public static ManagedPolicy awsManaged(String path, String name, PolicyDocument document) {
    return new ManagedPolicy("arn:aws:iam::aws:policy" + path + name, name, path, document);
  }

  /** A customer managed policy of an account. */
  public static ManagedPolicy customerManaged(
      String accountId, String path, String name, PolicyDocument document) {
    requireAccountId(accountId, "account of policy `" + name + "`");
    return new ManagedPolicy(
        "arn:aws:iam::" + accountId + ":policy" + path + name, name, path, document);
  }
}
