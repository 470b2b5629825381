package dev.orgauthz.internal.condition;

import dev.orgauthz.evaluation.RequestContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where conditions read the request's keys. The evaluator passes a view that layers the caller's
 * keys over the keys derived from the model, without copying them into one map per request.
 * Conditions ask for their keys lowercased, as compiled: a view may rely on it and skip case
 * folding.
 */
public interface Keys {
  /** The values of a key, given lowercase, or null when the request lacks it. */
  @Nullable List<String> values(String key);

  /**
   * True when the key, given lowercase, is multivalued; see {@link RequestContext#isMultivalued}.
   */
  boolean isMultivalued(String key);

  /** What {@link #recall} returns when it does not know the answer. */
  int UNKNOWN = -1;

  /**
   * The answer a costly clause gave before for this very list of request values (compared by
   * identity), as 1 (holds) or 0, or {@link #UNKNOWN}. A view reused across decisions may keep
   * recent answers, since the lists of a model's keys are the same objects from one decision to the
   * next; the default keeps none.
   */
  default int recall(Object clause, List<String> values) {
    return UNKNOWN;
  }

  /** Keeps the answer of a costly clause for a list of request values; see {@link #recall}. */
  default void remember(Object clause, List<String> values, boolean holds) {}

  /** A view of one context. */
  static Keys of(RequestContext context) {
    return new Keys() {
      @Override
      public @Nullable List<String> values(String key) {
        return context.values(key);
      }

      @Override
      public boolean isMultivalued(String key) {
        return context.isMultivalued(key);
      }
    };
  }
}
