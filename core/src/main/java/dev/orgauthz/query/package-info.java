/**
 * The questions asked across a whole organization: {@link dev.orgauthz.query.WhoCan} (every user
 * and role that can perform an action in an account, an OU or the organization), {@link
 * dev.orgauthz.query.WhatCan} (what a user or a permission set can do in an account, per service,
 * and what service control policies block) and {@link dev.orgauthz.query.Impact} (the decisions a
 * change flips).
 *
 * <p>Queries evaluate each role, one per (account, permission set), once, and expand the answer to
 * the users behind it; only where a statement that can apply reads a key that differs between users
 * ({@code aws:PrincipalTag/*}, {@code aws:userid}, {@code aws:username}, {@code
 * identitystore:UserId}, directly or in a policy variable) are the users of that role evaluated one
 * by one. Either way the answer is the one {@link dev.orgauthz.Authorizer#decide} gives for each
 * user.
 */
@NullMarked
package dev.orgauthz.query;

import org.jspecify.annotations.NullMarked;
