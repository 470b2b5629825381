package dev.orgauthz.evaluation;

import dev.orgauthz.internal.match.ServiceTable;
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

  private static final ServiceTable<Boolean> RCP_SERVICE_TABLE =
      new ServiceTable<>(
          RCP_SERVICES.stream()
              .collect(java.util.stream.Collectors.toMap(service -> service, service -> true)));

  private ControlPolicyScope() {}

  /**
   * True when resource control policies can restrict the action: its service supports RCPs and it
   * is not {@code kms:RetireGrant}. Case-insensitive; allocates nothing.
   */
  public static boolean rcpAppliesTo(String action) {
    int colon = action.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    return RCP_SERVICE_TABLE.get(action, colon) != null
        && !action.equalsIgnoreCase("kms:RetireGrant");
  }

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
    if (!rcpAppliesTo(action)) {
      int colon = action.indexOf(':');
      return action.equalsIgnoreCase("kms:RetireGrant")
          ? "RCPs never restrict kms:RetireGrant"
          : "service `"
              + (colon < 0 ? action : action.substring(0, colon).toLowerCase(Locale.ROOT))
              + "` does not support RCPs";
    }
    return null;
  }
}
