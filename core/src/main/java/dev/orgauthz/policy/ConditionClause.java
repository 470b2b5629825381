package dev.orgauthz.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One key under one operator in a {@code Condition} block: {@code "StringEquals": {"aws:X": [..]}}
 * gives one clause per key. Clauses of a statement are ANDed; the values of a clause are ORed (NOR
 * for negated operators).
 *
 * @param operator the operator as written, with its qualifier and suffix, for example {@code
 *     ForAnyValue:StringLikeIfExists}
 * @param key the condition key as written
 * @param values the values as strings (numbers and booleans in their JSON text form)
 * @param pointer the JSON pointer of the clause in its document
 */
public record ConditionClause(String operator, String key, List<String> values, String pointer) {
  public ConditionClause {
    requireNonNull(operator, "operator");
    requireNonNull(key, "key");
    values = List.copyOf(values);
    requireNonNull(pointer, "pointer");
  }
}
