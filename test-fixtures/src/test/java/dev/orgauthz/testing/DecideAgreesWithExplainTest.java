package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.PortalRole;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.org.Account;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** {@code decide} and {@code explain} agree on every request over the example organization. */
class DecideAgreesWithExplainTest {
  private static final Authorizer AUTHZ = Authorizer.compile(ExampleOrganization.snapshot());

  private static final List<String> ACTIONS =
      List.of(
          "ec2:TerminateInstances",
          "ec2:DescribeInstances",
          "ec2:RunInstances",
          "s3:DeleteBucket",
          "s3:GetObject",
          "s3:ListAllMyBuckets",
          "rds:DeleteDBInstance",
          "iam:CreateRole",
          "iam:PassRole",
          "organizations:LeaveOrganization",
          "secretsmanager:GetSecretValue",
          "securityhub:BatchUpdateFindings",
          "ce:GetCostAndUsage",
          "sts:GetCallerIdentity");

  private static final List<String> RESOURCES =
      List.of("*", "arn:aws:s3:::bucket/key", "arn:aws:iam::777777777777:role/app/worker");

  private static final List<@Nullable String> REGIONS =
      java.util.Arrays.asList("eu-west-1", "ap-southeast-2", null);

  @Test
  void decideAgreesWithExplainForEveryUserAccountActionRegionAndMfa() {
    Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
    int requests = 0;
    for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
      for (Account account : ExampleOrganization.snapshot().organization().accounts()) {
        for (String action : ACTIONS) {
          for (String resource : RESOURCES) {
            for (String region : REGIONS) {
              for (boolean mfa : new boolean[] {false, true}) {
                AccessRequest.Builder builder =
                    AccessRequest.builder()
                        .user(user)
                        .action(action)
                        .resource(resource)
                        .account(account.name());
                if (region != null) {
                  builder.region(region);
                }
                if (mfa) {
                  builder.context("aws:MultiFactorAuthPresent", "true");
                }
                AccessRequest request = builder.build();
                Decision decision = AUTHZ.explain(request);
                assertThat(AUTHZ.decide(request)).as("%s", request).isEqualTo(decision.outcome());
                assertThat(AUTHZ.prepare(request).decide())
                    .as("handle of %s", request)
                    .isEqualTo(decision.outcome());
                seen.merge(decision.outcome(), 1, Integer::sum);
                requests++;
              }
            }
          }
        }
      }
    }

    assertThat(requests).isEqualTo(5 * 7 * ACTIONS.size() * RESOURCES.size() * 3 * 2);
    assertThat(seen).containsOnlyKeys(Outcome.values());
  }

  @Test
  void decideAgreesWithExplainForEveryRoleOfThePortals() {
    List<String> roles = new ArrayList<>();
    for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
      for (PortalEntry entry : AUTHZ.portal(user)) {
        entry.roles().stream().map(PortalRole::roleArn).forEach(roles::add);
      }
    }

    assertThat(roles).hasSize(7 + 4 + 14 + 5 + 1);
    for (String role : roles) {
      for (String action : ACTIONS) {
        AccessRequest request =
            AccessRequest.builder().role(role).action(action).region("eu-west-1").build();
        assertThat(AUTHZ.decide(request)).isEqualTo(AUTHZ.explain(request).outcome());
      }
    }
  }
}
