package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * The orgauthz assertions for soft assertions: implement it in a class of soft assertions of your
 * own, or use {@link OrgAuthzSoftAssertions}. Every assert that a question or a navigation leads to
 * collects its failures in the same provider.
 */
public interface OrgAuthzSoftAssertionsProvider extends SoftAssertionsProvider {
  /** Soft assertions about an authorizer. */
  default AuthorizerAssert assertThat(Authorizer actual) {
    return Nesting.authorizer(this, actual);
  }

  /** Soft assertions about one decision. */
  default DecisionAssert assertThat(Decision actual) {
    return Nesting.decision(this, actual, null);
  }
}
