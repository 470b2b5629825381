package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.match.ArnPattern;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A request prepared for matching: the action lowercased once, the colons of the resource ARN found
 * once.
 */
final class RequestView {
  final EvaluationRequest request;
  final Principal principal;
  final String action;
  final int actionColon;
  final String service;
  final String resource;
  final int @Nullable [] colons;
  final RequestContext context;

  RequestView(EvaluationRequest request) {
    this.request = request;
    this.principal = request.principal();
    this.action = request.action().toLowerCase(Locale.ROOT);
    int colon = action.indexOf(':');
    this.actionColon = colon;
    this.service = colon < 0 ? action : action.substring(0, colon);
    this.resource = request.resource();
    int[] found = new int[5];
    this.colons = ArnPattern.colons(resource, found) ? found : null;
    this.context = request.context();
  }
}
