package dev.orgauthz.identitycenter;

/** Who an account assignment is for. */
public enum PrincipalType {
  /** A user, by its user id. */
  USER,
  /** A group, by its group id: every member of the group. */
  GROUP
}
