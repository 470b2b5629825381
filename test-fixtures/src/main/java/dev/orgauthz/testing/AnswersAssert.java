package dev.orgauthz.testing;

import dev.orgauthz.testing.intent.Answers;

/**
 * Assertions about the answers to a question; written questions lead here, as in {@code
 * assertThat(authorizer).user("bob").cannot("ec2:TerminateInstances").in("UAT")}.
 */
public class AnswersAssert extends AbstractAnswersAssert<AnswersAssert> {
  public AnswersAssert(Answers actual) {
    super(actual, AnswersAssert.class);
  }
}
