package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.RequestContext;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The request of a case, as written.
 *
 * @param principal the principal: an ARN, a service principal or {@code anonymous}
 * @param principalAccount the principal's account when the case gives it, else null (then the
 *     account of the principal's ARN)
 * @param action the action, {@code service:Action}
 * @param resource the resource ARN, or {@code *}
 * @param resourceAccount the resource's account when the case gives it, else null (then the account
 *     of the resource ARN, else the principal's account)
 * @param context the request context as the case gives it: numbers and booleans as their JSON text,
 *     arrays as multivalued keys
 * @param absentKeys the context keys the case sets to {@code null}, lowercased: they are absent,
 *     and deriving the context does not add them
 */
public record CaseRequest(
    String principal,
    @Nullable String principalAccount,
    String action,
    String resource,
    @Nullable String resourceAccount,
    RequestContext context,
    Set<String> absentKeys) {
  public CaseRequest {
    requireNonNull(principal, "principal");
    requireNonNull(action, "action");
    requireNonNull(resource, "resource");
    requireNonNull(context, "context");
    absentKeys = Set.copyOf(absentKeys);
  }
}
