package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * One authorization question at the level of layered evaluation: a principal performs an action on
 * a resource, with a request context.
 *
 * @param principal the principal making the request
 * @param action the action, {@code service:Action}, in any case
 * @param resource the resource ARN, or {@code *} for actions without resource-level permissions
 * @param principalAccount the principal's account; null only for service principals and anonymous
 * @param resourceAccount the account that owns the resource
 * @param context the request context, as the caller gives it
 */
public record EvaluationRequest(
    Principal principal,
    String action,
    String resource,
    @Nullable String principalAccount,
    String resourceAccount,
    RequestContext context) {
  public EvaluationRequest {
    requireNonNull(principal, "principal");
    requireNonNull(action, "action");
    requireNonNull(resource, "resource");
    requireNonNull(resourceAccount, "resourceAccount");
    requireNonNull(context, "context");
  }

  /**
   * A request whose accounts default as the conformance format says: the principal's account is the
   * account of its ARN; the resource's account is the account field of the resource ARN, else the
   * principal's account.
   *
   * @throws IllegalArgumentException when no resource account can be found (a service principal or
   *     anonymous acting on a resource whose ARN names no account)
   */
  public static EvaluationRequest of(
      Principal principal,
      String action,
      String resource,
      @Nullable String principalAccount,
      @Nullable String resourceAccount,
      RequestContext context) {
    String fromPrincipal = principalAccount != null ? principalAccount : principal.account();
    String owner = resourceAccount != null ? resourceAccount : accountOf(resource);
    if (owner == null) {
      owner = fromPrincipal;
    }
    if (owner == null) {
      throw new IllegalArgumentException(
          "resource `" + resource + "` names no account: give the resource account");
    }
    return new EvaluationRequest(principal, action, resource, fromPrincipal, owner, context);
  }

  /** The account field of an ARN, or null when it has none (S3) or the text is not an ARN. */
  public static @Nullable String accountOf(String arn) {
    if (!arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || parts[4].isEmpty()) {
      return null;
    }
    return parts[4];
  }

  /** True when the principal's account differs from the resource's account. */
  public boolean crossAccount() {
    return principalAccount == null || !principalAccount.equals(resourceAccount);
  }
}
