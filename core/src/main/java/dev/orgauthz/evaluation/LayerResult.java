package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one layer (or, for control policies, one level of the organization) answered a request.
 *
 * @param layer the layer
 * @param levelId for control policies, the root, OU or account of this level; null otherwise
 * @param levelName the name of that level; null otherwise
 * @param applies false when the layer was skipped (for example SCPs for the management account)
 * @param allows true when an allow statement of the layer matched
 * @param matched the statements that matched, allows and denies
 * @param note why the layer was skipped, or another remark; empty when there is none
 */
public record LayerResult(
    Layer layer,
    @Nullable String levelId,
    @Nullable String levelName,
    boolean applies,
    boolean allows,
    List<MatchedStatement> matched,
    String note) {
  public LayerResult {
    requireNonNull(layer, "layer");
    matched = List.copyOf(matched);
    requireNonNull(note, "note");
  }

  /** True when a deny statement of the layer matched. */
  public boolean denies() {
    for (MatchedStatement statement : matched) {
      if (statement.effect() == dev.orgauthz.policy.Effect.DENY) {
        return true;
      }
    }
    return false;
  }
}
