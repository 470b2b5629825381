package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.DecisionHandle;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decision path allocates nothing: {@code Authorizer.decide} and {@code DecisionHandle.decide}
 * over the example organization, conditions included, measured with the JVM's per-thread allocation
 * counter.
 */
class DecisionPathAllocationTest {
  private static final int ROUNDS = 20_000;

  private static final Authorizer AUTHZ = Authorizer.compile(ExampleOrganization.snapshot());

  private static final List<AccessRequest> REQUESTS =
      List.of(
          request("bob", "ec2:TerminateInstances", "UAT", "eu-west-1"),
          request("bob", "ec2:DescribeInstances", "Staging", "eu-west-1"),
          request("bob", "ec2:DescribeInstances", "Staging", "ap-southeast-2"),
          request("alice", "organizations:LeaveOrganization", "Production", "us-east-1"),
          request("alice", "s3:GetObject", "Management", "eu-west-1"),
          request("carol", "iam:ListRoles", "Audit", "us-east-1"),
          request("dave", "ec2:RunInstances", "Development", "eu-west-1"),
          request("erin", "ce:GetCostAndUsage", "Management", "us-east-1"));

  private static AccessRequest request(String user, String action, String account, String region) {
    return AccessRequest.builder()
        .user(user)
        .action(action)
        .account(account)
        .region(region)
        .build();
  }

  @Test
  void decideAllocatesNothing() {
    AccessRequest[] requests = REQUESTS.toArray(new AccessRequest[0]);
    long bytes =
        allocatedBy(
            () -> {
              for (AccessRequest request : requests) {
                AUTHZ.decide(request);
              }
            });
    assertThat(bytes).as("bytes for %s decisions", ROUNDS * REQUESTS.size()).isLessThan(ROUNDS);
  }

  /**
   * Requests with condition keys of their own, each asked as two equal requests built apart (other
   * lists of values): kept outcomes are found by comparing the values, without allocating.
   */
  @Test
  void decideAllocatesNothingForEqualRequestsBuiltApart() {
    List<AccessRequest> requests = new ArrayList<>();
    List<String> actions =
        List.of(
            "ec2:TerminateInstances",
            "rds:DeleteDBInstance",
            "ec2:RunInstances",
            "s3:GetObject",
            "iam:ListRoles",
            "secretsmanager:GetSecretValue");
    for (int copy = 0; copy < 2; copy++) {
      for (String user : List.of("alice", "bob", "carol", "dave", "erin")) {
        for (PortalEntry entry : AUTHZ.portal(user)) {
          for (String action : actions) {
            for (String mfa : List.of("true", "false")) {
              requests.add(
                  AccessRequest.builder()
                      .user(user)
                      .action(action)
                      .account(entry.account().id())
                      .region(mfa.equals("true") ? "eu-west-1" : "ap-southeast-2")
                      .context("aws:MultiFactorAuthPresent", new String(mfa.toCharArray()))
                      .context("aws:ResourceTag/CostCenter", List.of("CC-" + copy))
                      .build());
            }
          }
        }
      }
    }
    AccessRequest[] array = requests.toArray(new AccessRequest[0]);
    long bytes =
        allocatedBy(
            () -> {
              for (AccessRequest request : array) {
                AUTHZ.decide(request);
              }
            },
            300);
    assertThat(bytes).as("bytes for %s decisions", 300 * array.length).isLessThan(1_000);
  }

  /**
   * On a generated organization, with more distinct questions than a thread keeps the outcomes of:
   * the statements are evaluated, and still nothing is allocated.
   */
  @Test
  void decideAllocatesNothingWhenOutcomesAreNotKept() {
    Snapshot snapshot = SyntheticOrganization.generate(SyntheticOrganization.Size.SMALL, 3);
    Authorizer authz = Authorizer.compile(snapshot);
    AccessRequest[] requests =
        SyntheticOrganization.requests(snapshot, 20_000, 5).toArray(new AccessRequest[0]);
    Runnable all =
        () -> {
          for (AccessRequest request : requests) {
            authz.decide(request);
          }
        };
    // Eight passes to warm up: the first makes the users' sessions and the plans, the others get
    // the decision path compiled (interpreted code allocates what compiled code keeps in
    // registers).
    long bytes = allocatedBy(all, 8);
    // The time keys, formatted when the second changes, are the only allocation allowed.
    assertThat(bytes).as("bytes for %s decisions", 8 * requests.length).isLessThan(10_000);
  }

  @Test
  void handlesAllocateNothing() {
    DecisionHandle[] handles = REQUESTS.stream().map(AUTHZ::prepare).toArray(DecisionHandle[]::new);
    long bytes =
        allocatedBy(
            () -> {
              for (DecisionHandle handle : handles) {
                handle.decide();
              }
            });
    assertThat(bytes).as("bytes for %s decisions", ROUNDS * handles.length).isLessThan(ROUNDS);
  }

  @Test
  void aHandleKeepsItsOutcomeWhenNoConditionReadsTheTime() {
    DecisionHandle handle =
        AUTHZ.prepare(request("alice", "organizations:LeaveOrganization", "Production", "x"));
    assertThat(handle.isConstant()).isTrue();
    assertThat(handle.decide()).isEqualTo(Outcome.EXPLICIT_DENY);

    DecisionHandle regional =
        AUTHZ.prepare(request("bob", "ec2:DescribeInstances", "Staging", "ap-southeast-2"));
    assertThat(regional.isConstant()).isTrue();
    assertThat(regional.decide()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  private static long allocatedBy(Runnable work) {
    return allocatedBy(work, ROUNDS);
  }

  /** The bytes the work allocates in {@code rounds} runs, after as many runs to warm up. */
  private static long allocatedBy(Runnable work, int rounds) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < rounds; i++) {
      work.run();
    }
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < rounds; i++) {
      work.run();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
