package dev.orgauthz.evaluation;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * When service control policies and resource control policies apply, per AWS Organizations: SCPs
 * never restrict principals of the management account nor service-linked roles; RCPs never restrict
 * resources of the management account, service-linked roles, {@code kms:RetireGrant}, nor services
 * that do not support RCPs.
 */
public final class ControlPolicyScope {
  /**
   * The service prefixes that support resource control policies: S3, STS, KMS, SQS and Secrets
   * Manager (launch, November 2024), ECR and OpenSearch Serverless (June 2025), Cognito user pools
   * and CloudWatch Logs (2026). The list changes; check the AWS Organizations user guide.
   */
  public static final Set<String> RCP_SERVICES =
      Set.of("s3", "sts", "kms", "sqs", "secretsmanager", "ecr", "aoss", "cognito-idp", "logs");

  private ControlPolicyScope() {}

  /**
   * Why SCPs do not apply to the principal, or null when they do.
   *
   * @param managementAccount the organization's management account
   */
  public static @Nullable String scpExemption(Principal principal, String managementAccount) {
    if (principal.kind() == Principal.Kind.SERVICE
        || principal.kind() == Principal.Kind.ANONYMOUS) {
      return "SCPs restrict only principals of member accounts";
    }
    if (managementAccount.equals(principal.account())) {
      return "SCPs do not restrict principals of the management account";
    }
    if (principal.isServiceLinkedRole()) {
      return "SCPs do not restrict service-linked roles";
    }
    return null;
  }

  /**
   * Why RCPs do not apply to the request, or null when they do.
   *
   * @param resourceAccount the account that owns the resource
   * @param managementAccount the organization's management account
   */
  public static @Nullable String rcpExemption(
      Principal principal, String action, String resourceAccount, String managementAccount) {
    if (managementAccount.equals(resourceAccount)) {
      return "RCPs do not restrict resources of the management account";
    }
    if (principal.isServiceLinkedRole()) {
      return "RCPs do not restrict service-linked roles";
    }
    int colon = action.indexOf(':');
    String service = colon < 0 ? action : action.substring(0, colon).toLowerCase(Locale.ROOT);
    if (!RCP_SERVICES.contains(service)) {
      return "service `" + service + "` does not support RCPs";
    }
    if (action.equalsIgnoreCase("kms:RetireGrant")) {
      return "RCPs never restrict kms:RetireGrant";
    }
    return null;
  }
}
