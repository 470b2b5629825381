/**
 * The compiled roles of an {@link dev.orgauthz.Authorizer} as the queries of {@code
 * dev.orgauthz.query} see them. Not exported: not part of the API.
 */
@NullMarked
package dev.orgauthz.internal.roles;

import org.jspecify.annotations.NullMarked;
