package dev.orgauthz.testing.conformance;

import dev.orgauthz.evaluation.Outcome;

/** The answer a runner gives for a case: an outcome, or an error when the case cannot be run. */
public enum CaseDecision {
  /** The request is allowed. */
  ALLOWED("Allowed"),
  /** No explicit deny, but some required layer does not allow the request. */
  IMPLICITLY_DENIED("ImplicitlyDenied"),
  /** A deny statement matched the request. */
  EXPLICITLY_DENIED("ExplicitlyDenied"),
  /** The case, or a policy in it, cannot be read, or evaluation failed. */
  ERROR("Error");

  private final String caseName;

  CaseDecision(String caseName) {
    this.caseName = caseName;
  }

  /** The decision for an outcome. */
  public static CaseDecision of(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> ALLOWED;
      case IMPLICIT_DENY -> IMPLICITLY_DENIED;
      case EXPLICIT_DENY -> EXPLICITLY_DENIED;
    };
  }

  /** The name in the conformance format: {@code Allowed}, {@code ImplicitlyDenied}... */
  public String caseName() {
    return caseName;
  }
}
