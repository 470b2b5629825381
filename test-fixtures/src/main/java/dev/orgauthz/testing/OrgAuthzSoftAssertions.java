package dev.orgauthz.testing;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.StandardSoftAssertionsProvider;

/**
 * Soft assertions: every failure is collected, and {@link #assertAll()} reports them together. It
 * has the orgauthz assertions and AssertJ's standard ones.
 *
 * <pre>{@code
 * OrgAuthzSoftAssertions.assertSoftlyThat(softly -> {
 *   softly.assertThat(authorizer).user("bob").cannot("iam:CreateUser").inEveryAccount();
 *   softly.assertThat(authorizer).user("alice").can("iam:CreateUser").in("Production");
 * });
 * }</pre>
 *
 * <p>With JUnit 5, AssertJ's {@code SoftAssertionsExtension} injects it into a field annotated with
 * {@code @InjectSoftAssertions} and calls {@code assertAll()} after each test.
 */
public class OrgAuthzSoftAssertions extends AbstractSoftAssertions
    implements StandardSoftAssertionsProvider, OrgAuthzSoftAssertionsProvider {
  /** Soft assertions with nothing collected yet. */
  public OrgAuthzSoftAssertions() {}

  /**
   * Runs soft assertions and reports every failure at the end.
   *
   * @throws AssertionError listing every failure, when any assertion failed
   */
  public static void assertSoftlyThat(Consumer<OrgAuthzSoftAssertions> softly) {
    SoftAssertionsProvider.assertSoftly(OrgAuthzSoftAssertions.class, softly);
  }
}
