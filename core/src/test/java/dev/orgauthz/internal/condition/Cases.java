package dev.orgauthz.internal.condition;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the compact notation of the condition test tables.
 *
 * <ul>
 *   <li>policy values: {@code a;b;c}, one value per {@code ;}-separated item (an empty cell is one
 *       empty value);
 *   <li>a request: {@code k=v;aws:username=alice;aws:TagKeys=[a,b]}; {@code [..]} sets a
 *       multivalued key ({@code []} a present key with no value); an empty cell is a request
 *       without keys.
 * </ul>
 */
final class Cases {
  /** The key the tables test, unless a test names another. */
  static final String KEY = "k";

  static final String SOURCE = "test-policy.json";
  static final String POINTER = "/Statement/0/Condition/Op/k";

  private Cases() {}

  static ConditionClause clause(String operator, String key, String values) {
    return new ConditionClause(operator, key, values(values), POINTER);
  }

  static List<String> values(String values) {
    return Arrays.asList(values.split(";", -1));
  }

  static RequestContext request(@Nullable String text) {
    RequestContext.Builder builder = RequestContext.builder();
    if (text == null || text.isEmpty()) {
      return builder.build();
    }
    for (String pair : text.split(";", -1)) {
      int equals = pair.indexOf('=');
      String key = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      if (value.startsWith("[") && value.endsWith("]")) {
        String inside = value.substring(1, value.length() - 1);
        builder.putAll(key, inside.isEmpty() ? List.of() : List.of(inside.split(",", -1)));
      } else {
        builder.put(key, value);
      }
    }
    return builder.build();
  }

  static ConditionSet compile(String operator, String key, String values, boolean variables) {
    return ConditionSet.compile(List.of(clause(operator, key, values)), variables, SOURCE);
  }

  /** Whether {@code operator} on key {@code k} with the policy values holds for the request. */
  static boolean holds(String operator, String values, @Nullable String request) {
    return holds(operator, KEY, values, request);
  }

  static boolean holds(String operator, String key, String values, @Nullable String request) {
    return compile(operator, key, values, true).matches(request(request));
  }
}
