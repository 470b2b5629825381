package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/**
 * How an {@link Authorizer} behaves.
 *
 * @param clock the source of {@code aws:CurrentTime} and {@code aws:EpochTime} for requests that
 *     set no time
 */
public record AuthorizerOptions(Clock clock) {
  public AuthorizerOptions {
    requireNonNull(clock, "clock");
  }

  /** The defaults: the system clock in UTC. */
  public static AuthorizerOptions defaults() {
    return new AuthorizerOptions(Clock.systemUTC());
  }

  /** These options with another clock, for example {@link Clock#fixed} in tests. */
  public AuthorizerOptions withClock(Clock clock) {
    return new AuthorizerOptions(clock);
  }
}
