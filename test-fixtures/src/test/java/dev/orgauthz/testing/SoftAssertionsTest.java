package dev.orgauthz.testing;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;
import static dev.orgauthz.testing.OrgAuthzAssertions.catchThrowableOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import java.util.List;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.MultipleFailuresError;

/** Soft assertions collect the failures of questions, of decisions and of their navigation. */
class SoftAssertionsTest {
  private static final Authorizer EXAMPLE = Authorizer.compile(ExampleOrganization.snapshot());

  private static List<String> firstLines(MultipleFailuresError error) {
    return error.getFailures().stream().map(e -> e.getMessage().lines().findFirst().get()).toList();
  }

  @Test
  void everyFailureIsCollectedAndReportedTogether() {
    MultipleFailuresError error =
        catchThrowableOfType(
            MultipleFailuresError.class,
            () ->
                OrgAuthzSoftAssertions.assertSoftlyThat(
                    softly -> {
                      softly
                          .assertThat(EXAMPLE)
                          .user("bob")
                          .can("ec2:TerminateInstances")
                          .inRegion("eu-west-1")
                          .in("UAT")
                          .isGrantedBy("Developer");
                      softly
                          .assertThat(EXAMPLE)
                          .user("bob")
                          .cannot("organizations:LeaveOrganization")
                          .in("UAT");
                      softly
                          .assertThat(
                              EXAMPLE.explain(
                                  AccessRequest.builder()
                                      .user("bob")
                                      .action("ec2:RunInstances")
                                      .account("UAT")
                                      .region("eu-west-1")
                                      .build()))
                          .isAllowed()
                          .role("Developer")
                          .isExplicitlyDenied();
                      softly.assertThat(List.of(1, 2)).hasSize(3);
                    }));

    assertThat(firstLines(error))
        .containsExactly(
            "Expecting that user `bob` can perform ec2:TerminateInstances in account `UAT`,"
                + " region eu-west-1 (Allowed)",
            "Expecting that user `bob` can perform ec2:TerminateInstances in account `UAT`,"
                + " region eu-west-1 (Allowed, granted by permission set `Developer`)",
            "Expecting the role of permission set `Developer` to be ExplicitlyDenied",
            "");
    assertThat(error.getFailures().get(3)).hasMessageContaining("Expected size: 3 but was: 2");
  }

  @Test
  void aRoleThatIsNotThereFailsOnceAndItsAssertionsAreSkipped() {
    MultipleFailuresError error =
        catchThrowableOfType(
            MultipleFailuresError.class,
            () ->
                OrgAuthzSoftAssertions.assertSoftlyThat(
                    softly ->
                        softly
                            .assertThat(
                                EXAMPLE.explain(
                                    AccessRequest.builder()
                                        .user("bob")
                                        .action("ec2:RunInstances")
                                        .account("UAT")
                                        .region("eu-west-1")
                                        .build()))
                            .role("ReadOnly")
                            .isAllowed()
                            .isExplicitlyDenied()));

    assertThat(firstLines(error)).containsExactly("Expecting a role of permission set `ReadOnly`");
  }

  @Test
  void assertJsExtensionInjectsThem() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InjectedSoftAssertions.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(1).failed(1))
        .failed()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                message(m -> m.contains("Multiple Failures (2 failures)")),
                message(m -> m.contains("user `alice` cannot perform iam:CreateUser")),
                message(m -> m.contains("user `bob` can perform iam:CreateUser"))));
  }

  /** Run by {@link #assertJsExtensionInjectsThem} only. */
  @ExtendWith(SoftAssertionsExtension.class)
  static class InjectedSoftAssertions {
    @InjectSoftAssertions OrgAuthzSoftAssertions softly;

    @Test
    void twoQuestionsFail() {
      softly.assertThat(EXAMPLE).user("alice").cannot("iam:CreateUser").in("Production");
      softly.assertThat(EXAMPLE).user("bob").can("iam:CreateUser").in("Production");
      softly.assertThat(EXAMPLE).user("carol").cannot("iam:CreateUser").in("Production");
    }
  }
}
