package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Decision;
import dev.orgauthz.evaluation.Outcome;

/**
 * A question whose answer a change flips, with the decision and its explanation on each side.
 *
 * @param index the position of the question among listed questions, from 0; -1 for a generated one
 * @param question the question
 * @param before the decision before the change
 * @param after the decision after the change
 */
public record Flip(int index, AccessRequest question, Decision before, Decision after) {
  public Flip {
    requireNonNull(question, "question");
    requireNonNull(before, "before");
    requireNonNull(after, "after");
  }

  /** True when the change grants access that was denied. */
  public boolean grants() {
    return after.outcome() == Outcome.ALLOWED;
  }

  /** True when the change takes away access that was allowed. */
  public boolean revokes() {
    return before.outcome() == Outcome.ALLOWED;
  }
}
