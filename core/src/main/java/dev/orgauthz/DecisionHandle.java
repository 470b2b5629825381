package dev.orgauthz;

import dev.orgauthz.CompiledRole.Session;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.Engine;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * A request resolved once, to be decided many times: the principal, the account, the roles and
 * their compiled layers are looked up when the handle is made, by {@link Authorizer#prepare}. The
 * request's keys are fixed, so the outcome can change only with the time: when no statement that
 * covers the action and resource reads {@code aws:CurrentTime} or {@code aws:EpochTime}, or when
 * the request fixes the time, {@link #decide} returns the outcome decided when the handle was made;
 * otherwise it evaluates the prepared layers at the current time of the authorizer's clock.
 * Immutable and thread-safe.
 */
public final class DecisionHandle {
  private final AccessRequest request;
  private final Session[] sessions;
  private final CompiledLayers[] layers;
  private final String resourceAccount;
  private final KeyLayer resourceKeys;
  private final Clock clock;
  private final @Nullable Outcome constant;

  DecisionHandle(
      AccessRequest request,
      Session[] sessions,
      CompiledLayers[] layers,
      String resourceAccount,
      KeyLayer resourceKeys,
      Clock clock,
      @Nullable Outcome constant) {
    this.request = request;
    this.sessions = sessions;
    this.layers = layers;
    this.resourceAccount = resourceAccount;
    this.resourceKeys = resourceKeys;
    this.clock = clock;
    this.constant = constant;
  }

  /** The request this handle answers. */
  public AccessRequest request() {
    return request;
  }

  /**
   * True when the outcome cannot change (no statement that applies reads the time, or the request
   * fixes it), so {@link #decide} returns a kept answer.
   */
  public boolean isConstant() {
    return constant != null;
  }

  /** The outcome, as {@link Authorizer#decide} gives it for the same request now. */
  public Outcome decide() {
    Outcome known = constant;
    return known != null ? known : evaluate();
  }

  Outcome evaluate() {
    RequestKeys keys = ThreadKeys.take();
    try {
      keys.reset(request.context(), resourceKeys, request.region(), request.time(), clock);
      Engine.Scratch scratch =
          keys.scratch.request(request.action(), request.resource(), resourceAccount, keys);
      boolean explicit = false;
      for (int i = 0; i < sessions.length; i++) {
        Session session = sessions[i];
        keys.session(session);
        Outcome outcome =
            Engine.decide(
                layers[i], scratch.principal(session.principal(), session.role().account.id()));
        if (outcome == Outcome.ALLOWED) {
          return Outcome.ALLOWED;
        }
        explicit |= outcome == Outcome.EXPLICIT_DENY;
      }
      return explicit ? Outcome.EXPLICIT_DENY : Outcome.IMPLICIT_DENY;
    } finally {
      keys.clear();
      ThreadKeys.give(keys);
    }
  }

  @Override
  public String toString() {
    return "DecisionHandle[" + request + (constant != null ? " -> " + constant : "") + "]";
  }
}
