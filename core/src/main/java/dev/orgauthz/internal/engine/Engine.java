package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Outcome;

/** The evaluation procedure over compiled layers. Stateless and thread-safe. */
public final class Engine {
  private Engine() {}

  /** The outcome alone: the fast path, which builds no trace. */
  public static Outcome decide(CompiledLayers layers, EvaluationRequest request) {
    return explain(layers, request).outcome();
  }

  /** The outcome with its trace. Agrees with {@link #decide} on every request. */
  public static EvaluationResult explain(CompiledLayers layers, EvaluationRequest request) {
    throw new UnsupportedOperationException("not written yet");
  }
}
