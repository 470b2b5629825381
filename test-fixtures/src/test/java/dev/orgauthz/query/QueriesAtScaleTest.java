package dev.orgauthz.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.org.Account;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On a generated organization of 60 accounts and 300 users, where tag conditions, a user-id
 * resource and SCPs on OU paths make users of one role differ: who-can agrees with {@link
 * Authorizer#decide} asked for every user in every account.
 */
class QueriesAtScaleTest {
  private static final Snapshot SNAPSHOT = GeneratedOrganization.generate(60, 300, 7);
  private static final Authorizer AUTHZ = Authorizer.compile(SNAPSHOT);
  private static final WhoCan WHO_CAN = WhoCan.of(AUTHZ);
  private static final RoleIndex INDEX = new RoleIndex(AUTHZ);

  @ParameterizedTest
  @CsvSource({
    "ec2:TerminateInstances, *, , true",
    "ec2:TerminateInstances, *, eu-west-1, true",
    "ec2:StartInstances, *, eu-west-1, true",
    "s3:GetObject, arn:aws:s3:::home/AROAEXAMPLE:user1/notes, eu-west-1, true",
    "s3:DeleteBucket, *, eu-west-1, true",
    "iam:CreateUser, *, , false"
  })
  void whoCanAgreesWithDecideForEveryUserInEveryAccount(
      String action, String resource, String region, boolean perUser) {
    WhoCanQuestion.Builder question =
        WhoCanQuestion.builder()
            .action(action)
            .resource(resource)
            .context("aws:ResourceTag/Team", "red");
    if (region != null) {
      question.region(region);
    }
    Set<String> byQuery = new HashSet<>();
    WHO_CAN
        .ask(question.build())
        .users()
        .forEach(a -> byQuery.add(a.userId() + " " + a.account().id()));

    Set<String> byDecide = new HashSet<>();
    List<User> users = SNAPSHOT.identityCenter().orElseThrow().users();
    for (User user : users) {
      Map<String, List<RoleHandle>> roles = INDEX.rolesOf(user.id());
      for (Account account : SNAPSHOT.organization().accounts()) {
        if (!roles.containsKey(account.id())) {
          continue;
        }
        AccessRequest.Builder request =
            AccessRequest.builder()
                .user(user.id())
                .action(action)
                .resource(resource)
                .account(account.id())
                .context("aws:ResourceTag/Team", "red");
        if (region != null) {
          request.region(region);
        }
        if (AUTHZ.decide(request.build()) == Outcome.ALLOWED) {
          byDecide.add(user.id() + " " + account.id());
        }
      }
    }
    assertThat(byQuery).isEqualTo(byDecide);
    assertThat(byDecide).as("the case allows someone").isNotEmpty();
  }
}
