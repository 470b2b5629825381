package dev.orgauthz.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deciding per role, then expanding to the users behind it, gives the answer {@link
 * Authorizer#decide} gives for each user: over every user, account and action the example
 * organization's policies name.
 */
class QueriesAgreeWithDecideTest {
  private static final Authorizer AUTHZ = Authorizer.compile(ExampleOrganization.snapshot());
  private static final WhoCan WHO_CAN = WhoCan.of(AUTHZ);
  private static final WhatCan WHAT_CAN =
      WhatCan.of(AUTHZ, ActionCatalog.mentionedIn(ExampleOrganization.snapshot()));
  private static final List<User> USERS =
      ExampleOrganization.snapshot().identityCenter().orElseThrow().users();
  private static final List<Account> ACCOUNTS =
      ExampleOrganization.snapshot().organization().accounts();

  /** The variants: no region, a region, a region with a resource tag that matches bob's. */
  private static WhoCanQuestion.Builder variant(WhoCanQuestion.Builder question, String variant) {
    if (!variant.equals("none")) {
      question.region("eu-west-1");
    }
    if (variant.equals("tagged")) {
      question.context("aws:ResourceTag/CostCenter", "CC-2001");
    }
    return question;
  }

  private static AccessRequest.Builder variant(AccessRequest.Builder request, String variant) {
    if (!variant.equals("none")) {
      request.region("eu-west-1");
    }
    if (variant.equals("tagged")) {
      request.context("aws:ResourceTag/CostCenter", "CC-2001");
    }
    return request;
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "region", "tagged"})
  void whoCanAgreesWithDecideForEveryUserAccountAndAction(String variant) {
    int allowed = 0;
    for (String action : WHAT_CAN.catalog().actions()) {
      WhoCanAnswer answer =
          WHO_CAN.ask(variant(WhoCanQuestion.builder().action(action), variant).build());
      Set<String> byQuery = new LinkedHashSet<>();
      answer.users().forEach(a -> byQuery.add(a.userName() + " " + a.account().id()));

      Set<String> byDecide = new LinkedHashSet<>();
      for (User user : USERS) {
        for (Account account : ACCOUNTS) {
          AccessRequest request =
              variant(
                      AccessRequest.builder()
                          .user(user.userName())
                          .action(action)
                          .account(account.id()),
                      variant)
                  .build();
          if (AUTHZ.decide(request) == Outcome.ALLOWED) {
            byDecide.add(user.userName() + " " + account.id());
          }
        }
      }
      assertThat(byQuery).as(action).containsExactlyInAnyOrderElementsOf(byDecide);
      allowed += byDecide.size();
    }
    assertThat(allowed).as("the comparison saw allowed decisions").isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "region", "tagged"})
  void whatCanAgreesWithDecideForEveryUserAndAccount(String variant) {
    for (User user : USERS) {
      for (Account account : ACCOUNTS) {
        WhatCanQuestion.Builder question =
            WhatCanQuestion.builder().user(user.userName()).account(account.id());
        if (!variant.equals("none")) {
          question.region("eu-west-1");
        }
        if (variant.equals("tagged")) {
          question.context("aws:ResourceTag/CostCenter", "CC-2001");
        }
        List<String> byQuery = WHAT_CAN.ask(question.build()).allowedActions();

        List<String> byDecide = new ArrayList<>();
        for (String action : WHAT_CAN.catalog().actions()) {
          AccessRequest request =
              variant(
                      AccessRequest.builder()
                          .user(user.userName())
                          .action(action)
                          .account(account.id()),
                      variant)
                  .build();
          if (AUTHZ.decide(request) == Outcome.ALLOWED) {
            byDecide.add(action);
          }
        }
        assertThat(byQuery).as(user.userName() + " in " + account.name()).isEqualTo(byDecide);
      }
    }
  }
}
