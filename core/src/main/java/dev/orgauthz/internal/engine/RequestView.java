package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.condition.Keys;
import dev.orgauthz.internal.match.ArnPattern;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request prepared for matching: the colon of the action and the colons of the resource ARN,
 * found once. Mutable so that the decision path can reuse one per thread instead of allocating.
 */
final class RequestView {
  @SuppressWarnings("NullAway.Init") // set by reset before any use
  Principal principal;

  String action = "";
  int actionColon;
  String resource = "";
  private final int[] colonBuffer = new int[5];
  int @Nullable [] colons;
  @Nullable String principalAccount;
  String resourceAccount = "";
  boolean crossAccount;
  Keys context = ContextKeys.EMPTY;

  /** A reusable view of a plain request context. */
  private final ContextKeys contextKeys = new ContextKeys();

  RequestView() {}

  RequestView(EvaluationRequest request) {
    reset(request);
  }

  RequestView reset(EvaluationRequest request) {
    contextKeys.context = request.context();
    return reset(
        request.principal(),
        request.action(),
        request.resource(),
        request.principalAccount(),
        request.resourceAccount(),
        contextKeys);
  }

  RequestView reset(
      Principal principal,
      String action,
      String resource,
      @Nullable String principalAccount,
      String resourceAccount,
      Keys context) {
    return request(action, resource, resourceAccount, context)
        .principal(principal, principalAccount);
  }

  /** Sets what a request asks, whoever asks it; {@link #principal} must follow. */
  RequestView request(String action, String resource, String resourceAccount, Keys context) {
    this.action = action;
    this.actionColon = action.indexOf(':');
    this.resource = resource;
    this.colons = ArnPattern.colons(resource, colonBuffer) ? colonBuffer : null;
    this.resourceAccount = resourceAccount;
    this.context = context;
    return this;
  }

  /** Sets who asks. */
  RequestView principal(Principal principal, @Nullable String principalAccount) {
    this.principal = principal;
    this.principalAccount = principalAccount;
    this.crossAccount = principalAccount == null || !principalAccount.equals(resourceAccount);
    return this;
  }

  /** True when the action's service prefix is {@code service} (lowercase), in any case. */
  boolean isService(String service) {
    return actionColon == service.length()
        && action.regionMatches(true, 0, service, 0, actionColon);
  }

  /** True when the request has the key. */
  boolean has(String key) {
    return context.values(key) != null;
  }

  /** A mutable view of one {@link RequestContext}. */
  static final class ContextKeys implements Keys {
    static final Keys EMPTY = Keys.of(RequestContext.empty());

    RequestContext context = RequestContext.empty();

    @Override
    public @Nullable List<String> values(String key) {
      return context.valuesOfLowercaseKey(key);
    }

    @Override
    public boolean isMultivalued(String key) {
      return context.isMultivaluedLowercaseKey(key);
    }
  }
}
