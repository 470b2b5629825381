package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Authorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answers to a {@link Question} held against an {@link Expectation}: which answers differ, and
 * why, in words a person reads without a debugger.
 *
 * @param question the question
 * @param expectation what was expected of every answer
 * @param answers every answer
 * @param mismatches the answers that differ from the expectation, each with the reason
 */
public record Verdict(
    Question question, Expectation expectation, List<Answer> answers, List<Mismatch> mismatches) {

  /** How many explanations a report renders in full; the other mismatches get one line. */
  public static final int EXPLAINED = 5;

  public Verdict {
    requireNonNull(question, "question");
    requireNonNull(expectation, "expectation");
    answers = List.copyOf(answers);
    mismatches = List.copyOf(mismatches);
  }

  /**
   * An answer that differs from the expectation.
   *
   * @param answer the answer
   * @param reason what differs, as one line
   */
  public record Mismatch(Answer answer, String reason) {
    public Mismatch {
      requireNonNull(answer, "answer");
      requireNonNull(reason, "reason");
    }
  }

  /**
   * Holds answers against an expectation.
   *
   * @throws IllegalArgumentException when the expectation names an SCP, level or permission set
   *     that the organization lacks
   */
  public static Verdict of(Answers answers, Expectation expectation) {
    expectation.requireKnownNames(answers.snapshot());
    boolean blocked = expectation.blockedByScp() != null || expectation.blockedAtLevel() != null;
    boolean anyRole = false;
    for (Answer answer : answers.answers()) {
      anyRole |= !answer.decision().roles().isEmpty();
    }
    List<Mismatch> mismatches = new ArrayList<>();
    for (Answer answer : answers.answers()) {
      Optional<String> reason = expectation.mismatch(answer.decision());
      boolean roleless = answer.decision().roles().isEmpty();
      if (reason.isPresent() && blocked && anyRole && roleless) {
        // Nothing to block: a denial without roles, next to roles that were blocked as expected
        reason = expectation.withoutBlock().mismatch(answer.decision());
      }
      reason.ifPresent(r -> mismatches.add(new Mismatch(answer, r)));
    }
    return new Verdict(answers.question(), expectation, answers.answers(), mismatches);
  }

  /**
   * Asks a question and holds the answers against an expectation.
   *
   * @throws IllegalArgumentException when a name in the question or the expectation does not
   *     resolve, or the question stands for no request (see {@link Question#ask})
   */
  public static Verdict check(Authorizer authorizer, Question question, Expectation expectation) {
    return of(question.ask(authorizer), expectation);
  }

  /** True when every answer is as expected. */
  public boolean passed() {
    return mismatches.isEmpty();
  }

  /**
   * The intent as a sentence: {@code every user cannot perform organizations:LeaveOrganization in
   * every account of `Sandbox` (ExplicitlyDenied)}.
   */
  public String statement() {
    return question.describe(expectation.outcome().modal()) + " (" + expectation.describe() + ")";
  }

  /**
   * One line: how many answers held, or how many differ and the first difference.
   *
   * @return for example {@code 1 of 2 answers differ: user `dave` in account Development
   *     (777777777777): expected Denied, was Allowed: ...}
   */
  public String summary() {
    if (passed()) {
      return answers.size() == 1 ? "1 answer as expected" : answers.size() + " answers as expected";
    }
    Mismatch first = mismatches.get(0);
    return mismatches.size()
        + " of "
        + answers.size()
        + (answers.size() == 1 ? " answer differs: " : " answers differ: ")
        + first.answer().label()
        + ": "
        + first.reason()
        + (mismatches.size() > 1 ? " (and " + (mismatches.size() - 1) + " more)" : "");
  }

  /**
   * The full report of a failed verdict: the intent, each answer that differs with the reason, then
   * the rendered explanation of the first {@value #EXPLAINED} of them. For a verdict that passed,
   * the intent and the summary.
   */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append("Expecting that ").append(statement()).append('\n');
    if (passed()) {
      return out.append(summary()).append('\n').toString();
    }
    out.append("but ")
        .append(mismatches.size())
        .append(" of ")
        .append(answers.size())
        .append(answers.size() == 1 ? " answer differs:\n" : " answers differ:\n");
    for (Mismatch mismatch : mismatches) {
      out.append("  ")
          .append(mismatch.answer().label())
          .append(": ")
          .append(mismatch.reason())
          .append('\n');
    }
    int shown = Math.min(EXPLAINED, mismatches.size());
    for (int i = 0; i < shown; i++) {
      Answer answer = mismatches.get(i).answer();
      out.append('\n').append("Explanation for ").append(answer.label()).append(":\n");
      out.append(answer.decision().render());
    }
    if (mismatches.size() > shown) {
      out.append('\n')
          .append("(explanations of the other ")
          .append(mismatches.size() - shown)
          .append(" answers that differ are left out; ask about them one at a time)\n");
    }
    return out.toString();
  }
}
