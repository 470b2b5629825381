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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Handles keep their outcome unless it can change with the time. */
class DecisionHandleTest {
  private static final String PS = "arn:aws:sso:::permissionSet/ssoins-00000000000000bb/ps-";
  private static final Instant BEFORE = Instant.parse("2026-05-31T23:59:59Z");
  private static final Instant AFTER = Instant.parse("2026-06-01T00:00:01Z");

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private volatile Instant now = BEFORE;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final Authorizer authz =
      Authorizer.compile(snapshot(), AuthorizerOptions.defaults().withClock(clock));

  private static Snapshot snapshot() {
    PermissionSet set =
        PermissionSet.builder(PS + "window0000000001", "Window")
            .inlinePolicy(
                Policies.parse(
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
                    """,
                    PolicyType.IDENTITY,
                    "window"))
            .build();
    return Snapshot.builder()
        .organization(
            Organization.builder("o-handles00001", "444444444444")
                .root(Root.of("r-hand"))
                .account(Account.of("444444444444", "Management", "r-hand"))
                .account(Account.of("555555555555", "Work", "r-hand"))
                .build())
        .identityCenter(
            IdentityCenter.builder("arn:aws:sso:::instance/ssoins-00000000000000bb", "d-00000000bb")
                .user(User.of("u-kim", "kim", "Kim", "kim@example.com"))
                .permissionSet(set)
                .assignment(AccountAssignment.toUser("555555555555", set, "u-kim"))
                .build())
        .build();
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
