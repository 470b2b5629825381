package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;

/**
 * Assertions about an {@link Authorizer}; start with {@link OrgAuthzAssertions#assertThat(
 * Authorizer)}.
 */
public class AuthorizerAssert extends AbstractAuthorizerAssert<AuthorizerAssert> {
  public AuthorizerAssert(Authorizer actual) {
    super(actual, AuthorizerAssert.class);
  }
}
