package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one case.
 *
 * @param name the case name (the location when the case cannot be read far enough to know it)
 * @param location the file, and for {@code .jsonl} the line, of the case
 * @param decision the outcome, or {@link CaseDecision#ERROR}
 * @param error for an error, one line that says what went wrong; null otherwise
 * @param expected the answer the case expects, or null when it gives none
 * @param counted true when the result counts as passed or failed: the case gives an expected
 *     answer, or it cannot be read at all (an unreadable case always fails)
 * @param evaluation the evaluation with its trace, or null for an error
 */
public record CaseResult(
    String name,
    String location,
    CaseDecision decision,
    @Nullable String error,
    @Nullable Outcome expected,
    boolean counted,
    @Nullable EvaluationResult evaluation) {
  public CaseResult {
    requireNonNull(name, "name");
    requireNonNull(location, "location");
    requireNonNull(decision, "decision");
    if ((decision == CaseDecision.ERROR) != (error != null)) {
      throw new IllegalArgumentException("an error message goes with the `Error` decision only");
    }
  }

  /** True when the case gives an expected answer and the decision is that answer. */
  public boolean matches() {
    return expected != null && decision == CaseDecision.of(expected);
  }

  /** True when the result counts and matches. */
  public boolean passed() {
    return counted && matches();
  }

  /** True when the result counts and does not match. */
  public boolean failed() {
    return counted && !matches();
  }
}
