package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code decide} keeps, per thread, the recent answers of pattern clauses by list of request
 * values: answers must follow the values, whatever the order of requests and however many lists
 * rotate.
 */
class KeptClauseAnswersTest {

  private static final Authorizer AUTHZ = Authorizer.compile(snapshot());

  private static Snapshot snapshot() {
    return OneSetOrganization.snapshot(
        "lee",
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
           "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:*:good-*"}}},
          {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
           "Condition": {"StringLike": {"aws:SourceVpce": "vpce-bad*"}}}]}
        """);
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
