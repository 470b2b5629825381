package dev.orgauthz;

import dev.orgauthz.evaluation.RequestContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Condition keys stored lowercase for the decision path: conditions ask for their keys lowercased
 * (see {@link dev.orgauthz.internal.condition.Keys}), so a lookup is one hash probe with the key's
 * cached hash, without case folding. Immutable.
 */
final class KeyLayer {
  static final KeyLayer EMPTY = new KeyLayer(RequestContext.empty(), Map.of(), Set.of());

  private final RequestContext context;
  private final Map<String, List<String>> values;
  private final Set<String> multivalued;

  private KeyLayer(
      RequestContext context, Map<String, List<String>> values, Set<String> multivalued) {
    this.context = context;
    this.values = values;
    this.multivalued = multivalued;
  }

  /** The keys of a context, with what {@link RequestContext#isMultivalued} says of each. */
  static KeyLayer of(RequestContext context) {
    if (context.size() == 0) {
      return EMPTY;
    }
    Map<String, List<String>> values = new HashMap<>();
    Set<String> multivalued = new HashSet<>();
    for (String name : context.keys()) {
      List<String> list = context.values(name);
      if (list == null) {
        continue;
      }
      String lower = name.toLowerCase(Locale.ROOT);
      values.put(lower, list);
      if (context.isMultivalued(name)) {
        multivalued.add(lower);
      }
    }
    return new KeyLayer(context, values, multivalued.isEmpty() ? Set.of() : multivalued);
  }

  /** The values of a key given lowercase, or null when the layer lacks it. */
  @Nullable List<String> values(String lowerKey) {
    return values.get(lowerKey);
  }

  /** True when the key, given lowercase and present in this layer, is multivalued. */
  boolean isMultivalued(String lowerKey) {
    return multivalued.contains(lowerKey);
  }

  /** The keys as given, with their names as written (for explanations). */
  RequestContext context() {
    return context;
  }
}
