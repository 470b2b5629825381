package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Handles keep their outcome unless it can change with the time. */
class DecisionHandleTest {
  private static final Instant BEFORE = Instant.parse("2026-05-31T23:59:59Z");
  private static final Instant AFTER = Instant.parse("2026-06-01T00:00:01Z");

  private final SettableClock clock = new SettableClock(BEFORE);
  private final Authorizer authz =
      Authorizer.compile(snapshot(), AuthorizerOptions.defaults().withClock(clock));

  private static Snapshot snapshot() {
    return OneSetOrganization.snapshot(
        "kim",
        """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "UntilJune", "Effect": "Allow", "Action": "s3:GetObject",
           "Resource": "*",
           "Condition": {"DateLessThan": {"aws:CurrentTime": "2026-06-01T00:00:00Z"}}},
          {"Sid": "InIreland", "Effect": "Allow", "Action": "ec2:Describe*",
           "Resource": "*",
           "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}},
          {"Sid": "OwnPrefix", "Effect": "Allow", "Action": "s3:PutObject",
           "Resource": "arn:aws:s3:::bucket/${aws:username}/*"}]}
        """);
  }

  private static AccessRequest.Builder kim(String action) {
    return AccessRequest.builder().user("kim").account("Work").action(action);
  }

  @Test
  void aHandleWhoseConditionsReadOnlyFixedKeysKeepsItsOutcome() {
    for (String region : new String[] {"eu-west-1", "us-east-1"}) {
      AccessRequest request = kim("ec2:DescribeInstances").region(region).build();
      DecisionHandle handle = authz.prepare(request);

      assertThat(handle.isConstant()).isTrue();
      assertThat(handle.decide()).isEqualTo(authz.decide(request));
    }
    AccessRequest put = kim("s3:PutObject").resource("arn:aws:s3:::bucket/x/file").build();
    assertThat(authz.prepare(put).isConstant()).isTrue();
    assertThat(authz.prepare(put).decide()).isEqualTo(authz.decide(put));
  }

  @Test
  void aHandleThatReadsTheTimeFollowsTheClock() {
    AccessRequest request = kim("s3:GetObject").build();
    DecisionHandle handle = authz.prepare(request);

    assertThat(handle.isConstant()).isFalse();
    assertThat(handle.decide()).isEqualTo(Outcome.ALLOWED).isEqualTo(authz.decide(request));
    clock.now = AFTER;
    assertThat(handle.decide()).isEqualTo(Outcome.IMPLICIT_DENY).isEqualTo(authz.decide(request));
  }

  @Test
  void aHandleWhoseRequestFixesTheTimeKeepsItsOutcome() {
    AccessRequest request = kim("s3:GetObject").time(BEFORE).build();
    DecisionHandle handle = authz.prepare(request);
    clock.now = AFTER;

    assertThat(handle.isConstant()).isTrue();
    assertThat(handle.decide()).isEqualTo(Outcome.ALLOWED).isEqualTo(authz.decide(request));
  }
}
