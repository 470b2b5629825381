package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Decision;

/**
 * One answer to a {@link Question}: the decision for one principal in one account.
 *
 * @param principal who was asked, as a sentence names it: {@code user `bob`}, {@code permission set
 *     `Developer`}
 * @param decision the explained decision
 */
public record Answer(String principal, Decision decision) {
  public Answer {
    requireNonNull(principal, "principal");
    requireNonNull(decision, "decision");
  }

  /** Who and where: {@code user `bob` in account UAT (666666666666)}. */
  public String label() {
    return principal + " in account " + decision.account().label();
  }
}
