package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.policy.Effect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Collects what {@link Engine#explain} reports. Used on the explanation path only. */
final class Trace {
  private final List<LayerResult> layers = new ArrayList<>();
  private final List<MatchedStatement> denies = new ArrayList<>();
  private final List<MatchedStatement> allows = new ArrayList<>();
  private final Set<String> missingKeys = new LinkedHashSet<>();
  private final RequestView request;

  private @Nullable Layer currentLayer;
  private @Nullable String currentLevelId;
  private @Nullable String currentLevelName;
  private List<MatchedStatement> current = new ArrayList<>();

  private @Nullable LayerResult blockedBy;
  private final List<MatchedStatement> allowedBy = new ArrayList<>();
  private String allowPath = "";
  private String reason = "";

  Trace(RequestView request) {
    this.request = request;
  }

  void begin(Layer layer, @Nullable String levelId, @Nullable String levelName) {
    currentLayer = layer;
    currentLevelId = levelId;
    currentLevelName = levelName;
    current = new ArrayList<>();
  }

  void matched(CompiledPolicy policy, CompiledStatement statement) {
    Layer layer = currentLayer;
    if (layer == null) {
      throw new IllegalStateException("statement matched outside a layer");
    }
    MatchedStatement match =
        new MatchedStatement(
            layer,
            policy.policy().id(),
            policy.policy().name(),
            currentLevelId,
            currentLevelName,
            statement.statement.index(),
            statement.statement.sid(),
            statement.statement.effect());
    current.add(match);
    (match.effect() == Effect.DENY ? denies : allows).add(match);
  }

  /** A statement whose action and resource matched but whose conditions did not hold. */
  void conditionFailed(CompiledStatement statement) {
    Set<String> keys = new LinkedHashSet<>();
    statement.condition.collectKeys(keys);
    for (String key : keys) {
      if (!request.has(key)) {
        missingKeys.add(key);
      }
    }
  }

  LayerResult end(boolean allows) {
    return end(true, allows, "");
  }

  LayerResult end(boolean applies, boolean allows, String note) {
    Layer layer = currentLayer;
    if (layer == null) {
      throw new IllegalStateException("no layer begun");
    }
    LayerResult result =
        new LayerResult(layer, currentLevelId, currentLevelName, applies, allows, current, note);
    layers.add(result);
    currentLayer = null;
    return result;
  }

  void skipped(Layer layer, String note) {
    begin(layer, null, null);
    end(false, false, note);
  }

  void block(LayerResult layer, String why) {
    if (blockedBy == null) {
      blockedBy = layer;
      reason = why;
    }
  }

  List<LayerResult> layers(Layer layer) {
    List<LayerResult> out = new ArrayList<>();
    for (LayerResult result : layers) {
      if (result.layer() == layer) {
        out.add(result);
      }
    }
    return out;
  }

  @Nullable LayerResult last(Layer layer) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).layer() == layer) {
        return layers.get(i);
      }
    }
    return null;
  }

  void allowed(String path, String why, Layer... contributing) {
    allowPath = path;
    reason = why;
    for (MatchedStatement allow : allows) {
      for (Layer layer : contributing) {
        if (allow.layer() == layer) {
          allowedBy.add(allow);
        }
      }
    }
  }

  void reason(String why) {
    reason = why;
  }

  EvaluationResult result(Outcome outcome) {
    String why = reason;
    if (outcome == Outcome.EXPLICIT_DENY) {
      why = "explicitly denied by " + denies.get(0).describe();
    }
    return new EvaluationResult(
        outcome,
        layers,
        outcome == Outcome.EXPLICIT_DENY ? denies : List.of(),
        outcome == Outcome.IMPLICIT_DENY ? blockedBy : null,
        outcome == Outcome.ALLOWED ? allowedBy : List.of(),
        outcome == Outcome.ALLOWED ? allowPath : "",
        request.crossAccount,
        missingKeys,
        why);
  }
}
