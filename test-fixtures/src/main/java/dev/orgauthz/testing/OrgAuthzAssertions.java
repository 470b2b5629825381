package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import org.assertj.core.api.Assertions;

/**
 * The entry point of the orgauthz assertions, to import statically: {@code assertThat} for an
 * {@link Authorizer} and for a {@link Decision}, and every assertion of AssertJ's {@link
 * Assertions}, which this class extends.
 *
 * <pre>{@code
 * import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;
 *
 * assertThat(authorizer).everyUser().cannot("organizations:LeaveOrganization")
 *     .inEveryAccountOf("Sandbox")
 *     .isBlockedByScp("DenyLeaveOrganization");
 * assertThat(authorizer).group("Developers").cannot("ec2:TerminateInstances")
 *     .inRegion("eu-west-1").in("Production");
 * assertThat(authorizer.explain(request)).isExplicitlyDenied().role("Developer").isDenied();
 * }</pre>
 *
 * <p>For soft assertions, use {@link OrgAuthzSoftAssertions}.
 */
public class OrgAuthzAssertions extends Assertions {
  /** Not instantiated; extend it to add entry points of your own. */
  protected OrgAuthzAssertions() {}

  /** Assertions about an authorizer: questions that read like sentences, and intents. */
  public static AuthorizerAssert assertThat(Authorizer actual) {
    return new AuthorizerAssert(actual);
  }

  /** Assertions about one decision. */
  public static DecisionAssert assertThat(Decision actual) {
    return new DecisionAssert(actual);
  }
}
