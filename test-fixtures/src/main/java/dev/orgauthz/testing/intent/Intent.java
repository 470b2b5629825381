package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Authorizer;
import org.jspecify.annotations.Nullable;

/**
 * A policy intent: a question with the answer a team expects, such as "no one in Sandbox can leave
 * the organization", read from an intent file or built in code.
 *
 * @param name what the intent says, for people; null to use {@link #statement()}
 * @param question the question
 * @param expectation the expected answer
 * @param source the file or resource the intent was read from; empty when built in code
 * @param pointer the JSON pointer of the intent in that file, such as {@code /intents/0}; empty
 *     when built in code
 */
public record Intent(
    @Nullable String name,
    Question question,
    Expectation expectation,
    String source,
    String pointer) {
  public Intent {
    requireNonNull(question, "question");
    requireNonNull(expectation, "expectation");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
  }

  /** An intent built in code. */
  public static Intent of(Question question, Expectation expectation) {
    return new Intent(null, question, expectation, "", "");
  }

  /** The intent as a sentence made from the question and the expectation. */
  public String statement() {
    return question.describe(expectation.outcome().modal()) + " (" + expectation.describe() + ")";
  }

  /** The name, else the statement. */
  public String displayName() {
    return name != null ? name : statement();
  }

  /** Where the intent was read: {@code intents.json /intents/0}; empty when built in code. */
  public String location() {
    return source.isEmpty() ? "" : pointer.isEmpty() ? source : source + " " + pointer;
  }

  /**
   * Asks the question and holds the answers against the expectation.
   *
   * @throws IllegalArgumentException when a name does not resolve or the question stands for no
   *     request (see {@link Question#ask} and {@link Expectation#requireKnownNames})
   */
  public Verdict check(Authorizer authorizer) {
    return Verdict.check(authorizer, question, expectation);
  }

  /** The display name, as a parameterized test shows the intent. */
  @Override
  public String toString() {
    return displayName();
  }
}
