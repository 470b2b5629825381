package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.AccessRequest;

/**
 * A listed question that could not be asked before or after the change, such as one about a user
 * who exists on one side only.
 *
 * @param index the position of the question among the listed questions, from 0
 * @param question the question
 * @param reason why, naming the side: {@code before the change: unknown user `bob`: ...}
 */
public record Unanswered(int index, AccessRequest question, String reason) {
  public Unanswered {
    requireNonNull(question, "question");
    requireNonNull(reason, "reason");
  }
}
