package dev.orgauthz.policy;

/** The effect of a statement. */
public enum Effect {
  ALLOW,
  DENY
}
