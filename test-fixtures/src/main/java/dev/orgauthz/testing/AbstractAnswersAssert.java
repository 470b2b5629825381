package dev.orgauthz.testing;

import dev.orgauthz.testing.intent.Answer;
import dev.orgauthz.testing.intent.Answers;
import dev.orgauthz.testing.intent.Expectation;
import dev.orgauthz.testing.intent.Expected;
import dev.orgauthz.testing.intent.Question;
import dev.orgauthz.testing.intent.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Assertions about the answers to a question: one decision per principal and account. Each
 * assertion holds when it holds for every answer; a failure names every answer that differs, with
 * the rendered explanation of the first ones.
 *
 * @param <SELF> the type of the assert, for chaining
 */
public abstract class AbstractAnswersAssert<SELF extends AbstractAnswersAssert<SELF>>
    extends AbstractAssert<SELF, Answers> {
  /** The soft assertions this assert belongs to; null for hard assertions. */
  @Nullable SoftAssertionsProvider soft;

  protected AbstractAnswersAssert(Answers actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Verifies that every answer is allowed. */
  public SELF isAllowed() {
    return meets(Expectation.of(Expected.ALLOWED));
  }

  /** Verifies that every answer is denied, explicitly or implicitly. */
  public SELF isDenied() {
    return meets(Expectation.of(Expected.DENIED));
  }

  /** Verifies that every answer is explicitly denied: a deny statement matched. */
  public SELF isExplicitlyDenied() {
    return meets(Expectation.of(Expected.EXPLICITLY_DENIED));
  }

  /** Verifies that every answer is implicitly denied: no deny matched, and something lacked. */
  public SELF isImplicitlyDenied() {
    return meets(Expectation.of(Expected.IMPLICITLY_DENIED));
  }

  /**
   * Verifies that every role of every answer was denied by a deny statement of this service control
   * policy (name or id).
   */
  public SELF isBlockedByScp(String scp) {
    return meets(Expectation.blockedByScp(scp, null));
  }

  /**
   * Verifies that every role of every answer was denied by a deny statement of this service control
   * policy (name or id) attached at this level: the root, an organizational unit or an account, by
   * id or name.
   */
  public SELF isBlockedByScp(String scp, String level) {
    return meets(Expectation.blockedByScp(scp, level));
  }

  /**
   * Verifies that every role of every answer was blocked by the service control policies of a level
   * (root, OU or account, by id or name): by a deny statement, or by allowing nothing that matched.
   */
  public SELF isBlockedByScpsAt(String level) {
    return meets(Expectation.blockedByScpsAt(level));
  }

  /** Verifies that every answer is allowed by the role of this permission set (name or ARN). */
  public SELF isGrantedBy(String permissionSet) {
    return meets(Expectation.grantedBy(permissionSet));
  }

  /**
   * Verifies that every answer meets an expectation.
   *
   * @throws IllegalArgumentException when the expectation names an SCP, a level or a permission set
   *     that the organization lacks
   */
  public SELF meets(Expectation expectation) {
    isNotNull();
    Verdict verdict = Verdict.of(actual, expectation);
    if (!verdict.passed()) {
      failWithActualExpectedAndMessage(
          VerdictText.actual(verdict), VerdictText.expected(verdict), "%s", verdict.report());
    }
    return myself;
  }

  /**
   * The decision of a question with one answer.
   *
   * @throws IllegalArgumentException when the question has several answers: use {@link
   *     #decision(String, String)}
   */
  public DecisionAssert decision() {
    isNotNull();
    if (actual.answers().size() != 1) {
      throw new IllegalArgumentException(
          "the question has "
              + actual.answers().size()
              + " answers, not one: pick one with decision(principal, account)");
    }
    return Nesting.decision(soft, actual.answers().get(0).decision(), info);
  }

  /**
   * The decision for one principal in one account.
   *
   * @param principal the user name, or for a permission set's role its name as the question gave it
   * @param account the account id or name
   * @throws IllegalArgumentException when no answer is for that principal and account
   */
  public DecisionAssert decision(String principal, String account) {
    isNotNull();
    Question question = actual.question();
    List<String> known = new ArrayList<>();
    for (Answer answer : actual.answers()) {
      String who =
          question.who().kind() == Question.Who.Kind.PERMISSION_SET
              ? question.who().name()
              : answer.decision().principal();
      boolean here =
          answer.decision().account().id().equals(account)
              || answer.decision().account().name().equals(account);
      if (who.equals(principal) && here) {
        return Nesting.decision(soft, answer.decision(), info);
      }
      known.add(who + " in " + answer.decision().account().name());
    }
    throw new IllegalArgumentException(
        "no answer is for `"
            + principal
            + "` in `"
            + account
            + "`: the answers are for "
            + String.join(", ", known));
  }
}
