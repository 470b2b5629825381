package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.DecisionHandle;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Many threads deciding on one {@link Authorizer} while the application swaps in a newly compiled
 * one, as the {@code Authorizer} Javadoc advises (an {@code AtomicReference}): every answer is the
 * single-threaded answer of the authorizer the thread read, never a mix of the two snapshots, and
 * nothing throws.
 */
class ConcurrentSwapTest {
  private static final int DECIDERS = 4;
  private static final long RUN_MILLIS = 2_000;
  private static final Instant TIME = Instant.parse("2025-06-01T12:00:00Z");

  private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");
  private static final List<String> ACTIONS =
      List.of(
          "ec2:TerminateInstances",
          "ec2:DescribeInstances",
          "s3:DeleteBucket",
          "s3:GetObject",
          "iam:CreateRole",
          "organizations:LeaveOrganization",
          "rds:DeleteDBInstance");
  private static final List<String> REGIONS = List.of("eu-west-1", "ap-southeast-2");

  /** The example organization, and the same with the region restriction detached. */
  private static final Snapshot BEFORE = ExampleOrganization.snapshot();

  private static final Snapshot AFTER = without(BEFORE, ExampleOrganization.REGION_RESTRICTION);

  @Test
  void everyAnswerComesWhollyFromTheAuthorizerTheThreadRead() throws InterruptedException {
    Authorizer before = Authorizer.compile(BEFORE);
    Authorizer after = Authorizer.compile(AFTER);
    List<AccessRequest> requests = requests();

    // The single-threaded answers of each, from authorizers of their own; enough of them differ
    // for a mix to show.
    Authorizer aloneBefore = Authorizer.compile(BEFORE);
    Authorizer aloneAfter = Authorizer.compile(AFTER);
    Outcome[] expectedBefore = new Outcome[requests.size()];
    Outcome[] expectedAfter = new Outcome[requests.size()];
    int differ = 0;
    for (int i = 0; i < requests.size(); i++) {
      expectedBefore[i] = aloneBefore.decide(requests.get(i));
      expectedAfter[i] = aloneAfter.decide(requests.get(i));
      differ += expectedBefore[i] == expectedAfter[i] ? 0 : 1;
    }
    assertThat(differ).isGreaterThan(requests.size() / 10);

    AtomicReference<Authorizer> current = new AtomicReference<>(before);
    Queue<String> problems = new ConcurrentLinkedQueue<>();
    AtomicLong fromBefore = new AtomicLong();
    AtomicLong fromAfter = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MILLIS);
    CountDownLatch done = new CountDownLatch(DECIDERS + 1);

    Thread swapper =
        new Thread(
            () -> {
              try {
                // The application compiles a new authorizer and swaps it in, again and again.
                while (System.nanoTime() < deadline) {
                  current.set(current.get() == before ? after : before);
                  Thread.yield();
                }
              } finally {
                done.countDown();
              }
            },
            "swapper");
    List<Thread> deciders = new ArrayList<>();
    for (int t = 0; t < DECIDERS; t++) {
      int offset = t;
      deciders.add(
          new Thread(
              () -> {
                try {
                  for (int n = offset; System.nanoTime() < deadline; n++) {
                    int i = (n * 7 + offset) % requests.size();
                    Authorizer authorizer = current.get();
                    boolean isBefore = authorizer == before;
                    Outcome expected = isBefore ? expectedBefore[i] : expectedAfter[i];
                    Outcome actual = answer(authorizer, requests.get(i), n % 3);
                    if (actual != expected) {
                      problems.add(
                          requests.get(i)
                              + " on "
                              + (isBefore ? "before" : "after")
                              + ": "
                              + actual
                              + ", single-threaded "
                              + expected);
                    }
                    (isBefore ? fromBefore : fromAfter).incrementAndGet();
                  }
                } catch (RuntimeException | AssertionError e) {
                  problems.add(Thread.currentThread().getName() + " threw " + e);
                } finally {
                  done.countDown();
                }
              },
              "decider-" + t));
    }
    swapper.start();
    deciders.forEach(Thread::start);

    assertThat(done.await(RUN_MILLIS + 30_000, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(problems).isEmpty();
    assertThat(fromBefore.get()).isGreaterThan(1_000);
    assertThat(fromAfter.get()).isGreaterThan(1_000);
  }

  /** The outcome by one of the three ways to ask: decide, explain, or a prepared handle. */
  private static Outcome answer(Authorizer authorizer, AccessRequest request, int way) {
    return switch (way) {
      case 0 -> authorizer.decide(request);
      case 1 -> authorizer.explain(request).outcome();
      default -> {
        DecisionHandle handle = authorizer.prepare(request);
        yield handle.decide();
      }
    };
  }

  private static List<AccessRequest> requests() {
    List<AccessRequest> out = new ArrayList<>();
    for (String user : USERS) {
      for (Account account : BEFORE.organization().accounts()) {
        for (String action : ACTIONS) {
          for (String region : REGIONS) {
            out.add(
                AccessRequest.builder()
                    .user(user)
                    .account(account.id())
                    .action(action)
                    .region(region)
                    .time(TIME)
                    .build());
          }
        }
      }
    }
    return out;
  }

  /** The snapshot with one control policy detached everywhere. */
  static Snapshot without(Snapshot snapshot, String policyId) {
    Organization org = snapshot.organization();
    Organization.Builder copy =
        Organization.builder(org.id(), org.managementAccountId()).root(org.root());
    org.enabledPolicyTypes().forEach(copy::enablePolicyType);
    for (OrganizationalUnit unit : org.organizationalUnits()) {
      copy.organizationalUnit(unit);
    }
    for (Account account : org.accounts()) {
      copy.account(account);
    }
    for (ControlPolicy policy : org.policies()) {
      if (!policy.id().equals(policyId)) {
        copy.policy(policy);
      }
    }
    Snapshot.Builder out =
        Snapshot.builder()
            .organization(copy.build())
            .awsManagedPolicies(snapshot.awsManagedPolicies());
    snapshot.identityCenter().ifPresent(out::identityCenter);
    for (AccountIamData data : snapshot.iamData()) {
      out.iamData(data);
    }
    return out.build();
  }
}
