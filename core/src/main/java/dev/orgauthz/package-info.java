/**
 * The organization-level API: a {@link dev.orgauthz.Snapshot} of an organization, the {@link
 * dev.orgauthz.Authorizer} compiled from it, the {@link dev.orgauthz.AccessRequest} it answers and
 * the {@link dev.orgauthz.Decision} that explains an answer.
 */
@NullMarked
package dev.orgauthz;

import org.jspecify.annotations.NullMarked;
