package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.testing.intent.Answers;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.WritableAssertionInfo;
import org.jspecify.annotations.Nullable;

/**
 * Creates the asserts that others lead to. Under soft assertions each one is a soft proxy of the
 * same provider, so that its failures are collected too; otherwise a plain assert. The description
 * given with {@code as(...)} carries over.
 */
final class Nesting {
  private Nesting() {}

  static AuthorizerAssert authorizer(@Nullable SoftAssertionsProvider soft, Authorizer actual) {
    AuthorizerAssert out =
        soft == null
            ? new AuthorizerAssert(actual)
            : soft.proxy(AuthorizerAssert.class, Authorizer.class, actual);
    out.soft = soft;
    return out;
  }

  static AnswersAssert answers(
      @Nullable SoftAssertionsProvider soft, Answers actual, WritableAssertionInfo info) {
    AnswersAssert out =
        soft == null
            ? new AnswersAssert(actual)
            : soft.proxy(AnswersAssert.class, Answers.class, actual);
    out.soft = soft;
    return describe(out, info);
  }

  static DecisionAssert decision(
      @Nullable SoftAssertionsProvider soft,
      @Nullable Decision actual,
      @Nullable WritableAssertionInfo info) {
    DecisionAssert out =
        soft == null
            ? new DecisionAssert(actual)
            : soft.proxy(DecisionAssert.class, Decision.class, actual);
    out.soft = soft;
    return info == null ? out : describe(out, info);
  }

  /**
   * The assert of one role of a decision; when {@code role} is null the navigation failed under
   * soft assertions, and the assert skips its checks (the failure is already collected).
   */
  static RoleDecisionAssert role(
      @Nullable SoftAssertionsProvider soft,
      @Nullable RoleDecision role,
      Decision decision,
      WritableAssertionInfo info) {
    RoleDecisionAssert out =
        soft == null
            ? new RoleDecisionAssert(role)
            : soft.proxy(RoleDecisionAssert.class, RoleDecision.class, role);
    out.decision = decision;
    out.skipped = role == null;
    return describe(out, info);
  }

  private static <A extends AbstractAssert<A, ?>> A describe(A nested, WritableAssertionInfo info) {
    if (!info.descriptionText().isEmpty()) {
      nested.as(info.description());
    }
    return nested;
  }
}
