package dev.orgauthz.testing.intent;

import dev.orgauthz.evaluation.Outcome;
import java.util.Optional;

/** The outcome an expectation asks for: allowed, denied in either way, or one of the denials. */
public enum Expected {
  /** Allowed. */
  ALLOWED("Allowed"),
  /** Explicitly or implicitly denied. */
  DENIED("Denied"),
  /** Explicitly denied: a deny statement matched. */
  EXPLICITLY_DENIED("ExplicitlyDenied"),
  /** Implicitly denied: no deny statement matched, and some layer did not allow. */
  IMPLICITLY_DENIED("ImplicitlyDenied");

  private final String caseName;

  Expected(String caseName) {
    this.caseName = caseName;
  }

  /** The name intent files use: {@code Allowed}, {@code Denied}, {@code ExplicitlyDenied}... */
  public String caseName() {
    return caseName;
  }

  /** The expected outcome with this case name, compared exactly. */
  public static Optional<Expected> ofCaseName(String caseName) {
    for (Expected expected : values()) {
      if (expected.caseName.equals(caseName)) {
        return Optional.of(expected);
      }
    }
    return Optional.empty();
  }

  /** True when the outcome is one this expectation accepts. */
  public boolean matches(Outcome outcome) {
    return switch (this) {
      case ALLOWED -> outcome == Outcome.ALLOWED;
      case DENIED -> outcome != Outcome.ALLOWED;
      case EXPLICITLY_DENIED -> outcome == Outcome.EXPLICIT_DENY;
      case IMPLICITLY_DENIED -> outcome == Outcome.IMPLICIT_DENY;
    };
  }

  /** The verb of the sentence: {@code can} for allowed, {@code cannot} otherwise. */
  public String modal() {
    return this == ALLOWED ? "can" : "cannot";
  }
}
