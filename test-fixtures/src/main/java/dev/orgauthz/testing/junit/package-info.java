/**
 * JUnit 5 support: {@link dev.orgauthz.testing.junit.OrgAuthzSnapshot} injects an {@code
 * Authorizer} into test parameters, and {@link dev.orgauthz.testing.junit.IntentSource} turns an
 * intent file into the arguments of a parameterized test.
 */
@NullMarked
package dev.orgauthz.testing.junit;

import org.jspecify.annotations.NullMarked;
