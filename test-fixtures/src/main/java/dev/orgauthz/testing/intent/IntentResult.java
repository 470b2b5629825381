package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The result of running one intent: a verdict, or the error that kept the question from being asked
 * (a name that does not resolve, a group without members). An error never passes.
 *
 * @param intent the intent
 * @param verdict the verdict; null when the intent could not run
 * @param error why the intent could not run; null when it ran
 */
public record IntentResult(Intent intent, @Nullable Verdict verdict, @Nullable String error) {
  public IntentResult {
    requireNonNull(intent, "intent");
    if ((verdict == null) == (error == null)) {
      throw new IllegalArgumentException("a result has either a verdict or an error");
    }
  }

  /** True when the intent ran and every answer was as expected. */
  public boolean passed() {
    return verdict != null && verdict.passed();
  }

  /**
   * One line: {@code PASS name} or {@code FAIL name: summary}, with {@code error: ...} as the
   * summary of an intent that could not run.
   */
  public String line() {
    if (verdict != null) {
      return verdict.passed()
          ? "PASS  " + intent.displayName()
          : "FAIL  " + intent.displayName() + ": " + verdict.summary();
    }
    return "FAIL  " + intent.displayName() + ": error: " + error;
  }

  /** The full report: where the intent was read, then the verdict's report or the error. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(intent.displayName());
    if (!intent.location().isEmpty()) {
      out.append("  (").append(intent.location()).append(')');
    }
    out.append('\n');
    if (verdict != null) {
      out.append(verdict.report());
    } else {
      out.append("Expecting that ").append(intent.statement()).append('\n');
      out.append("but the intent could not run: ").append(error).append('\n');
    }
    return out.toString();
  }
}
