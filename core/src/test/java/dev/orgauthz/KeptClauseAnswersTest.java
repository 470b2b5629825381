package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code decide} keeps, per thread, the recent answers of pattern clauses by list of request
 * values: answers must follow the values, whatever the order of requests and however many lists
 * rotate.
 */
class KeptClauseAnswersTest {
  private static final String PS = "arn:aws:sso:::permissionSet/ssoins-00000000000000cc/ps-";

  private static final Authorizer AUTHZ = Authorizer.compile(snapshot());

  private static Snapshot snapshot() {
    PermissionSet set =
        PermissionSet.builder(PS + "patterns00000001", "Patterns")
            .inlinePolicy(
                Policies.parse(
                    """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                       "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:good-*"}}},
                      {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
                       "Condition": {"StringLike": {"aws:SourceVpce": "vpce-bad*"}}}]}
                    """,
                    PolicyType.IDENTITY,
                    "patterns"))
            .build();
    return Snapshot.builder()
        .organization(
            Organization.builder("o-patterns0001", "666666666666")
                .root(Root.of("r-patt"))
                .account(Account.of("666666666666", "Management", "r-patt"))
                .account(Account.of("777777777777", "Work", "r-patt"))
                .build())
        .identityCenter(
            IdentityCenter.builder("arn:aws:sso:::instance/ssoins-00000000000000cc", "d-00000000cc")
                .user(User.of("u-lee", "lee", "Lee", "lee@example.com"))
                .permissionSet(set)
                .assignment(AccountAssignment.toUser("777777777777", set, "u-lee"))
                .build())
        .build();
  }

  private static AccessRequest request(String sourceArn, String vpce) {
    return AccessRequest.builder()
        .user("lee")
        .account("Work")
        .action("s3:GetObject")
        .context("aws:SourceArn", sourceArn)
        .context("aws:SourceVpce", vpce)
        .build();
  }

  private static Outcome expected(String sourceArn, String vpce) {
    if (vpce.startsWith("vpce-bad")) {
      return Outcome.EXPLICIT_DENY;
    }
    return sourceArn.contains(":good-") ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
  }

  @Test
  void answersFollowTheValuesAcrossManyRotatingRequests() {
    List<AccessRequest> requests = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String arn = "arn:aws:sns:eu-west-1:777777777777:" + (i % 3 == 0 ? "good-" : "bad-") + i;
      String vpce = i % 7 == 0 ? "vpce-bad" + i : "vpce-ok" + i;
      requests.add(request(arn, vpce));
      outcomes.add(expected(arn, vpce));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < requests.size(); i++) {
        int at = round == 1 ? requests.size() - 1 - i : (i * 7) % requests.size();
        AccessRequest request = requests.get(at);
        assertThat(AUTHZ.decide(request)).as("request %d", at).isEqualTo(outcomes.get(at));
        assertThat(AUTHZ.explain(request).outcome()).isEqualTo(outcomes.get(at));
      }
    }
  }
}
