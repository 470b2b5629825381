package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A generated organization written in the snapshot format and read back answers every question as
 * the original does: not only an equal model ({@code SnapshotRoundTripTest}), the same decisions.
 */
class DecisionsSurviveTheSnapshotFormatTest {
  private static final Instant TIME = Instant.parse("2025-06-01T12:00:00Z");
  private static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "ec2:TerminateInstances",
          "iam:CreateRole",
          "organizations:LeaveOrganization",
          "kms:Decrypt");

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyDecisionIsTheSameAfterWritingAndReading(long seed) {
    Snapshot original = RandomOrganizations.generate(seed);
    Authorizer before = Authorizer.compile(original);
    Authorizer after = Authorizer.compile(ExampleSnapshots.writeAndRead(original));
    List<User> users = original.identityCenter().map(c -> c.users()).orElse(List.of());
    Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);

    for (User user : users.subList(0, Math.min(6, users.size()))) {
      for (Account account : original.organization().accounts()) {
        for (String action : ACTIONS) {
          AccessRequest request =
              AccessRequest.builder()
                  .user(user.userName())
                  .account(account.id())
                  .action(action)
                  .region("eu-west-1")
                  .time(TIME)
                  .build();
          Outcome outcome = before.decide(request);
          assertThat(after.decide(request)).as("%s", request).isEqualTo(outcome);
          seen.merge(outcome, 1, Integer::sum);
        }
      }
    }
    assertThat(seen.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(Math.min(6, users.size()) * original.organization().accounts().size() * 5);
  }
}
