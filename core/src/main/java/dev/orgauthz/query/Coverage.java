package dev.orgauthz.query;

/** How much of a service's actions a principal can perform. */
public enum Coverage {
  /** Every action of the service in the catalog. */
  ALL,
  /** Some of them. */
  SOME,
  /** None of them. */
  NONE
}
