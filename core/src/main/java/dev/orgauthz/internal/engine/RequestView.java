package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.match.ArnPattern;
import org.jspecify.annotations.Nullable;

/**
 * A request prepared for matching: the colon of the action and the colons of the resource ARN,
 * found once. Mutable so that the decision path can reuse one per thread instead of allocating.
 */
final class RequestView {
  @SuppressWarnings("NullAway.Init")
  EvaluationRequest request;

  @SuppressWarnings("NullAway.Init")
  Principal principal;

  String action = "";
  int actionColon;
  String resource = "";
  private final int[] colonBuffer = new int[5];
  int @Nullable [] colons;
  RequestContext context = RequestContext.empty();

  RequestView() {}

  RequestView(EvaluationRequest request) {
    reset(request);
  }

  RequestView reset(EvaluationRequest request) {
    this.request = request;
    this.principal = request.principal();
    this.action = request.action();
    this.actionColon = action.indexOf(':');
    this.resource = request.resource();
    this.colons = ArnPattern.colons(resource, colonBuffer) ? colonBuffer : null;
    this.context = request.context();
    return this;
  }

  /** True when the action's service prefix is {@code service} (lowercase), in any case. */
  boolean isService(String service) {
    return actionColon == service.length()
        && action.regionMatches(true, 0, service, 0, actionColon);
  }
}
