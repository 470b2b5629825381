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
