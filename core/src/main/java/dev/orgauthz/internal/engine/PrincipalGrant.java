package dev.orgauthz.internal.engine;

/**
 * How a resource policy statement names the principal of a request, which decides what else must
 * allow in the same account (IAM user guide, "Policy evaluation logic"). Ordered from weakest to
 * strongest.
 */
enum PrincipalGrant {
  /** The statement does not name the principal. */
  NONE,
  /** The account is named: the account's IAM policies must allow as well. */
  ACCOUNT,
  /**
   * The role is named (the principal is a session of it): the grant replaces the identity policy,
   * but the permissions boundary and the session policy still limit it.
   */
  ROLE,
  /**
   * The principal itself is named (a user, a session, a service) or everyone is ({@code *}): the
   * grant stands on its own.
   */
  DIRECT
}
