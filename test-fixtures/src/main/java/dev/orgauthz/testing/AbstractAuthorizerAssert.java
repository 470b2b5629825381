package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.intent.Question.Who;
import dev.orgauthz.testing.intent.Verdict;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Assertions about an {@link Authorizer}: questions that read like sentences, or intents.
 *
 * <pre>{@code
 * assertThat(authorizer).everyUser().cannot("organizations:LeaveOrganization")
 *     .inEveryAccountOf("Sandbox");
 * assertThat(authorizer).group("Developers").cannot("ec2:TerminateInstances")
 *     .inRegion("eu-west-1").in("Production")
 *     .isExplicitlyDenied()
 *     .isBlockedByScp("RequireMfaForDestructiveActions", "Production");
 * }</pre>
 *
 * <p>A question about a group or every user, or in every account of an organizational unit, stands
 * for one question per member and account; the assertion holds when every answer is as expected,
 * and a failure names each answer that is not, with its explanation.
 *
 * @param <SELF> the type of the assert, for chaining
 */
public abstract class AbstractAuthorizerAssert<SELF extends AbstractAuthorizerAssert<SELF>>
    extends AbstractAssert<SELF, Authorizer> {
  /** The soft assertions this assert belongs to; null for hard assertions. */
  @Nullable SoftAssertionsProvider soft;

  protected AbstractAuthorizerAssert(Authorizer actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Asks about an Identity Center user (user name or user id), with every role they have. */
  public PrincipalClause user(String userNameOrId) {
    return clause(Who.user(userNameOrId));
  }

  /** Asks about every member of an Identity Center group (display name or group id). */
  public PrincipalClause group(String nameOrId) {
    return clause(Who.group(nameOrId));
  }

  /** Asks about every user of the identity store. */
  public PrincipalClause everyUser() {
    return clause(Who.everyUser());
  }

  /**
   * Asks about the role of a permission set (name or ARN), in the accounts where it is assigned.
   */
  public PrincipalClause permissionSet(String nameOrArn) {
    return clause(Who.permissionSet(nameOrArn));
  }

  private PrincipalClause clause(Who who) {
    isNotNull();
    return new PrincipalClause(actual, who, null, soft, info);
  }

  /**
   * Verifies that an intent holds, for example one read from an intent file.
   *
   * @throws IllegalArgumentException when a name of the intent does not resolve, or the question
   *     stands for no request
   */
  public SELF holds(Intent intent) {
    isNotNull();
    Verdict verdict = intent.check(actual);
    if (!verdict.passed()) {
      String where = intent.location().isEmpty() ? "" : "(" + intent.location() + ")\n";
      failWithActualExpectedAndMessage(
          VerdictText.actual(verdict),
          VerdictText.expected(verdict),
          "%s",
          where + verdict.report());
    }
    return myself;
  }
}
