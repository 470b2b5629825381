package dev.orgauthz.testing;

import dev.orgauthz.RoleDecision;
import org.jspecify.annotations.Nullable;

/**
 * Assertions about the answer of one role of a decision, as in {@code
 * assertThat(decision).role("Developer").isExplicitlyDenied()}.
 */
public class RoleDecisionAssert extends AbstractRoleDecisionAssert<RoleDecisionAssert> {
  public RoleDecisionAssert(@Nullable RoleDecision actual) {
    super(actual, RoleDecisionAssert.class);
  }
}
