package dev.orgauthz.testing;

import dev.orgauthz.Decision;
import org.jspecify.annotations.Nullable;

/**
 * Assertions about a {@link Decision}; start with {@link OrgAuthzAssertions#assertThat(Decision)}.
 */
public class DecisionAssert extends AbstractDecisionAssert<DecisionAssert> {
  public DecisionAssert(@Nullable Decision actual) {
    super(actual, DecisionAssert.class);
  }
}
