package dev.orgauthz.testing.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.ExampleOrganization;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a question stands for: one request per principal and account. */
class QuestionTest {
  private static final Authorizer EXAMPLE = Authorizer.compile(ExampleOrganization.snapshot());

  private static List<String> asked(Question.Who who, Question.Where where) {
    Answers answers = Question.builder(who, "s3:ListAllMyBuckets", where).build().ask(EXAMPLE);
    return answers.answers().stream().map(Answer::label).toList();
  }

  @Test
  void aGroupStandsForEachMemberInEachAccountOfAnOuAndItsNestedOus() {
    assertThat(
            asked(Question.Who.group("Developers"), Question.Where.organizationalUnit("Workloads")))
        .containsExactly(
            "user `bob` in account Production (444444444444)",
            "user `bob` in account Staging (555555555555)",
            "user `bob` in account UAT (666666666666)",
            "user `dave` in account Production (444444444444)",
            "user `dave` in account Staging (555555555555)",
            "user `dave` in account UAT (666666666666)");
  }

  @Test
  void everyUserInTheRootIsEveryUserInEveryAccount() {
    assertThat(asked(Question.Who.everyUser(), Question.Where.organizationalUnit("Root")))
        .hasSize(35)
        .isEqualTo(asked(Question.Who.everyUser(), Question.Where.everyAccount()));
  }

  @Test
  void aPermissionSetIsAskedWhereItIsAssignedAsItsRole() {
    Answers answers =
        Question.builder(
                Question.Who.permissionSet("Developer"),
                "s3:ListAllMyBuckets",
                Question.Where.everyAccount())
            .build()
            .ask(EXAMPLE);

    assertThat(answers.answers())
        .extracting(Answer::label)
        .containsExactly(
            "permission set `Developer` in account Staging (555555555555)",
            "permission set `Developer` in account UAT (666666666666)",
            "permission set `Developer` in account Development (777777777777)");
    assertThat(answers.answers().get(0).decision().principal())
        .startsWith(
            "arn:aws:iam::555555555555:role/aws-reserved/sso.amazonaws.com/eu-west-1/"
                + "AWSReservedSSO_Developer_");
  }

  @Test
  void aPermissionSetWhereItIsNotAssignedIsAnError() {
    assertThatThrownBy(
            () -> asked(Question.Who.permissionSet("Developer"), Question.Where.account("Audit")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "permission set `Developer` is not assigned in account Audit (333333333333), so it"
                + " has no role there: name an account where it is assigned");
    assertThatThrownBy(
            () ->
                asked(
                    Question.Who.permissionSet("Billing"),
                    Question.Where.organizationalUnit("Workloads")))
        .hasMessage(
            "permission set `Billing` is assigned in none of the accounts asked about (in every"
                + " account of `Workloads`), so it has no role to ask about: name accounts where"
                + " it is assigned");
  }

  @Test
  void aQuestionReadsAsASentence() {
    Question question =
        Question.builder(
                Question.Who.group("Developers"),
                "ec2:TerminateInstances",
                Question.Where.organizationalUnit("Sandbox"))
            .permissionSet("Developer")
            .resource("arn:aws:ec2:eu-west-1:777777777777:instance/i-0abc")
            .region("eu-west-1")
            .context("aws:MultiFactorAuthPresent", "true")
            .context("aws:TagKeys", List.of("a", "b"))
            .time(Instant.parse("2025-01-31T12:00:00Z"))
            .build();

    assertThat(question.describe("cannot"))
        .isEqualTo(
            "every member of group `Developers` with permission set `Developer` cannot perform"
                + " ec2:TerminateInstances on arn:aws:ec2:eu-west-1:777777777777:instance/i-0abc"
                + " in every account of `Sandbox`, region eu-west-1, with context"
                + " aws:MultiFactorAuthPresent=true, aws:TagKeys=[a, b], at 2025-01-31T12:00:00Z");
  }

  @Test
  void namesThatDoNotResolve() {
    assertThatThrownBy(() -> asked(Question.Who.group("Devs"), Question.Where.everyAccount()))
        .hasMessage(
            "unknown group `Devs`: use a group id or one of the names Admins, Auditors,"
                + " Developers, Finance");
    assertThatThrownBy(() -> asked(Question.Who.user("bob"), Question.Where.account("Prod")))
        .hasMessage(
            "unknown account `Prod`: use an account id or one of the names Audit, Development,"
                + " Log Archive, Management, Production, Staging, UAT");
    assertThatThrownBy(
            () -> asked(Question.Who.permissionSet("Dev"), Question.Where.account("UAT")))
        .hasMessage(
            "unknown permission set `Dev`: use one of AdministratorAccess, Billing, Developer,"
                + " PowerUser, ReadOnly, SecurityAudit");
  }

  @Test
  void malformedQuestions() {
    assertThatThrownBy(
            () ->
                Question.builder(
                        Question.Who.user("bob"),
                        "TerminateInstances",
                        Question.Where.account("UAT"))
                    .build())
        .hasMessage(
            "action `TerminateInstances` is not of the form service:Action, such as"
                + " `s3:GetObject`");
    assertThatThrownBy(
            () ->
                Question.builder(
                        Question.Who.permissionSet("Developer"),
                        "s3:GetObject",
                        Question.Where.account("UAT"))
                    .permissionSet("ReadOnly")
                    .build())
        .hasMessage(
            "the role of permission set `Developer` acts with that permission set only: drop the"
                + " second permission set");
    assertThatThrownBy(() -> Question.Who.user(" ")).hasMessage("the user has no name: give one");
  }
}
