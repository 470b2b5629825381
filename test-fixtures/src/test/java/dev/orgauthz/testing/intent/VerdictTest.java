package dev.orgauthz.testing.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.ExampleOrganization;
import org.junit.jupiter.api.Test;

/** Holding answers against expectations. */
class VerdictTest {
  private static final Authorizer EXAMPLE = Authorizer.compile(ExampleOrganization.snapshot());

  private static Verdict check(
      Question.Who who, String action, Question.Where where, Expectation expectation) {
    return Verdict.check(EXAMPLE, Question.builder(who, action, where).build(), expectation);
  }

  @Test
  void aUserWithoutRolesNeedsOnlyBeDeniedWhenOthersWereBlockedAsExpected() {
    Verdict verdict =
        check(
            Question.Who.everyUser(),
            "organizations:LeaveOrganization",
            Question.Where.account("Development"),
            Expectation.blockedByScp("DenyLeaveOrganization", null));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.summary()).isEqualTo("5 answers as expected");
  }

  @Test
  void butWithoutAnyRoleNothingWasBlocked() {
    Verdict verdict =
        check(
            Question.Who.user("erin"),
            "organizations:LeaveOrganization",
            Question.Where.organizationalUnit("Workloads"),
            Expectation.blockedByScp("DenyLeaveOrganization", null));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.summary())
        .isEqualTo(
            "3 of 3 answers differ: user `erin` in account Production (444444444444): was"
                + " ImplicitlyDenied, but not blocked by SCP `DenyLeaveOrganization`: erin has no"
                + " assignment in Production (444444444444), so no role to use there (and 2"
                + " more)");
  }

  @Test
  void aRolelessDenialStillHasToBeOfTheExpectedKind() {
    Verdict verdict =
        check(
            Question.Who.everyUser(),
            "organizations:LeaveOrganization",
            Question.Where.account("Development"),
            new Expectation(Expected.EXPLICITLY_DENIED, "DenyLeaveOrganization", null, null));

    assertThat(verdict.mismatches())
        .extracting(m -> m.answer().label(), Verdict.Mismatch::reason)
        .containsExactly(
            tuple(
                "user `erin` in account Development (777777777777)",
                "expected ExplicitlyDenied, was ImplicitlyDenied: erin has no assignment in"
                    + " Development (777777777777), so no role to use there"));
  }

  @Test
  void aReportExplainsTheFirstFiveAndCountsTheRest() {
    Verdict verdict =
        check(
            Question.Who.everyUser(),
            "s3:ListAllMyBuckets",
            Question.Where.everyAccount(),
            Expectation.of(Expected.ALLOWED));

    assertThat(verdict.mismatches()).hasSize(13);
    assertThat(verdict.report())
        .contains("but 13 of 35 answers differ:\n")
        .endsWith(
            "\n(explanations of the other 8 answers that differ are left out; ask about them one"
                + " at a time)\n");
    assertThat(verdict.report().split("\nExplanation for ", -1)).hasSize(6);
  }
}
