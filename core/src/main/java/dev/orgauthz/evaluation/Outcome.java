package dev.orgauthz.evaluation;

/** The answer to an authorization question, in AWS's terms. */
public enum Outcome {
  /** Some policy allows the request and nothing denies it. */
  ALLOWED("Allowed"),
  /** A statement with {@code "Effect": "Deny"} matched the request. */
  EXPLICIT_DENY("ExplicitlyDenied"),
  /** No explicit deny, but some required layer did not allow the request. */
  IMPLICIT_DENY("ImplicitlyDenied");

  private final String caseName;

  Outcome(String caseName) {
    this.caseName = caseName;
  }

  /** The name used by the conformance case format: {@code Allowed}, {@code ExplicitlyDenied}... */
  public String caseName() {
    return caseName;
  }

  /** True for {@link #ALLOWED}. */
  public boolean isAllowed() {
    return this == ALLOWED;
  }
}
