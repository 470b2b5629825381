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
class RequestView extends ThreadPadding {
  /** The principal, or null until {@link #principal()} asks {@link #source} for it. */
  private @Nullable Principal principal;

  /** Where {@link #principal()} finds the principal when it was not given. */
  private @Nullable PrincipalSource source;

  /** The kind of {@link #principal}. */
  Principal.Kind kind = Principal.Kind.ANONYMOUS;

  String action = "";

  /** What {@link #actionColon} holds until {@link #actionColon()} finds it. */
  private static final int UNKNOWN = -2;

  /** The colon of the action, found on first use ({@link #actionColon()}). */
  private int actionColon = UNKNOWN;

  String resource = "";
  private final int[] colonBuffer = new int[5];

  /** Whether {@link #colons} is found ({@link #colons()}): a kept outcome needs neither. */
  private boolean colonsFound;

  private int @Nullable [] colons;
  @Nullable String principalAccount;
  String resourceAccount = "";
  boolean crossAccount;
  Keys context = ContextKeys.EMPTY;

  /** A reusable view of a plain request context. */
  private final ContextKeys contextKeys = new ContextKeys();

  RequestView() {}

  /** A view for one thread to reuse: padded on both sides (see {@link ThreadPadding}). */
  static RequestView padded() {
    return new Padded();
  }

  @SuppressWarnings("unused") // padding: never read
  private static final class Padded extends RequestView {
    private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
  }

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
        .principal(principal, principalAccount, principal.kind());
  }

  /** Sets what a request asks, whoever asks it; {@link #principal} must follow. */
  RequestView request(String action, String resource, String resourceAccount, Keys context) {
    this.action = action;
    this.actionColon = UNKNOWN;
    this.resource = resource;
    this.colonsFound = false;
    this.resourceAccount = resourceAccount;
    this.context = context;
    return this;
  }

  /** Sets who asks. */
  RequestView principal(
      Principal principal, @Nullable String principalAccount, Principal.Kind kind) {
    return asking(principal, null, principalAccount, kind);
  }

  /**
   * As {@link #principal(Principal, String, Principal.Kind)}, with the principal asked of the
   * source only if statements are evaluated.
   */
  RequestView principal(
      PrincipalSource source, @Nullable String principalAccount, Principal.Kind kind) {
    return asking(null, source, principalAccount, kind);
  }

  private RequestView asking(
      @Nullable Principal principal,
      @Nullable PrincipalSource source,
      @Nullable String principalAccount,
      Principal.Kind kind) {
    this.principal = principal;
    this.source = source;
    this.kind = kind;
    this.principalAccount = principalAccount;
    this.crossAccount = principalAccount == null || !principalAccount.equals(resourceAccount);
    return this;
  }

  /** The principal asking. */
  Principal principal() {
    Principal known = principal;
    if (known == null) {
      PrincipalSource from = source;
      if (from == null) {
        throw new IllegalStateException("no principal was set for this request");
      }
      known = from.principal();
      principal = known;
    }
    return known;
  }

  /** The index of the colon of the action, or -1. */
  int actionColon() {
    int colon = actionColon;
    if (colon == UNKNOWN) {
      colon = action.indexOf(':');
      actionColon = colon;
    }
    return colon;
  }

  /** The indexes of the first five colons of the resource, or null when it has fewer. */
  int @Nullable [] colons() {
    if (!colonsFound) {
      colons = ArnPattern.colons(resource, colonBuffer) ? colonBuffer : null;
      colonsFound = true;
    }
    return colons;
  }

  /** True when the action's service prefix is {@code service} (lowercase), in any case. */
  boolean isService(String service) {
    int colon = actionColon();
    return colon == service.length() && action.regionMatches(true, 0, service, 0, colon);
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
