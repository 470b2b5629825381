package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Snapshot;
import java.util.List;

/**
 * The answers to a {@link Question}: one per principal and account, never none.
 *
 * @param question the question asked
 * @param answers the answers, principals first, then accounts, in the order of the model
 * @param snapshot the organization that answered, against which expectations name policies and
 *     levels
 */
public record Answers(Question question, List<Answer> answers, Snapshot snapshot) {
  public Answers {
    requireNonNull(question, "question");
    answers = List.copyOf(answers);
    requireNonNull(snapshot, "snapshot");
    if (answers.isEmpty()) {
      throw new IllegalArgumentException(
          "the question has no answers, so any expectation would hold: ask about principals and"
              + " accounts that exist");
    }
  }
}
