package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgauthz.evaluation.Outcome;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Where decisions find their keys and tables: a platform thread its own, a virtual thread keys
 * borrowed from a pool, never lent to two callers at once, whose tables serve whoever borrows them
 * next with the same answers.
 */
class ThreadKeysTest {
  private static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":["
          + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
          + "\"Condition\":{\"StringEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}},"
          + "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\","
          + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/Team\":\"blue\"}}},"
          + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteBucket\",\"Resource\":\"*\"}]}";

  /**
   * A platform thread finds the same keys call after call: its own, or (with {@value
   * ThreadKeys#POOLED_PROPERTY} set, as in the build's second run of these tests) those it gave
   * back to the pool.
   */
  @Test
  void aPlatformThreadFindsTheSameKeysAgain() {
    RequestKeys first = ThreadKeys.take();
    ThreadKeys.give(first);
    RequestKeys second = ThreadKeys.take();
    ThreadKeys.give(second);
    assertThat(second).isSameAs(first);
    if (Boolean.getBoolean(ThreadKeys.POOLED_PROPERTY)) {
      assertThat(first.home).isBetween(0, ThreadKeys.capacity() - 1);
    } else {
      assertThat(first.home).isEqualTo(-1);
    }
  }

  @Test
  void borrowedKeysAreLentToOneCallerAtATimeAndThePoolKeepsAtMostItsCapacity() {
    int capacity = ThreadKeys.capacity();
    for (int i = 0; i < capacity; i++) {
      ThreadKeys.borrow(i); // empties the pool of what earlier tests gave back
    }
    Set<RequestKeys> out = Collections.newSetFromMap(new IdentityHashMap<>());
    List<RequestKeys> lent = new ArrayList<>();
    for (int i = 0; i < capacity + 3; i++) {
      RequestKeys keys = ThreadKeys.borrow(i);
      assertThat(keys.home).isBetween(0, capacity - 1);
      assertThat(out.add(keys)).as("lent twice").isTrue();
      lent.add(keys);
    }
    lent.forEach(ThreadKeys::give);

    List<RequestKeys> again = new ArrayList<>();
    for (int i = 0; i < capacity; i++) {
      again.add(ThreadKeys.borrow(1000 + i));
    }
    Set<RequestKeys> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(again);
    assertThat(distinct).hasSize(capacity);
    assertThat(out).containsAll(again);
    RequestKeys beyond = ThreadKeys.borrow(5000);
    assertThat(out.contains(beyond)).as("the pool kept more than its capacity").isFalse();
    again.forEach(ThreadKeys::give);
    ThreadKeys.give(beyond);
  }

  @Test
  void threadsThatBorrowAndGiveBackNeverHoldTheSameKeys() throws InterruptedException {
    Map<RequestKeys, Thread> holders = new ConcurrentHashMap<>();
    AtomicReference<String> failure = new AtomicReference<>();
    onFourThreads(
        random -> {
          for (int i = 0; i < 50_000; i++) {
            RequestKeys keys = ThreadKeys.borrow(random.nextLong());
            Thread other = holders.putIfAbsent(keys, Thread.currentThread());
            if (other != null) {
              failure.compareAndSet(null, "keys lent to two threads at once");
            }
            holders.remove(keys);
            ThreadKeys.give(keys);
          }
        });
    assertThat(failure.get()).isNull();
  }

  @Test
  void decisionsOnBorrowedKeysAgreeWithExplainOnEveryThread() throws InterruptedException {
    Authorizer authz = Authorizer.compile(OneSetOrganization.snapshot("alice", POLICY));
    List<AccessRequest> requests = new ArrayList<>();
    List<Outcome> expected = new ArrayList<>();
    for (String action :
        List.of("s3:GetObject", "s3:DeleteBucket", "ec2:RunInstances", "iam:Get")) {
      for (String region : List.of("eu-west-1", "us-east-1")) {
        for (String team : List.of("", "blue", "red")) {
          AccessRequest.Builder request =
              AccessRequest.builder()
                  .user("alice")
                  .account(OneSetOrganization.WORK)
                  .action(action)
                  .region(region);
          if (!team.isEmpty()) {
            request.context("aws:ResourceTag/Team", team);
          }
          requests.add(request.build());
          expected.add(authz.explain(requests.get(requests.size() - 1)).outcome());
        }
      }
    }
    assertThat(EnumSet.copyOf(expected))
        .containsExactlyInAnyOrder(Outcome.ALLOWED, Outcome.IMPLICIT_DENY, Outcome.EXPLICIT_DENY);

    AtomicReference<String> failure = new AtomicReference<>();
    onFourThreads(
        random -> {
          for (int i = 0; i < 20_000; i++) {
            int index = random.nextInt(requests.size());
            RequestKeys keys = ThreadKeys.borrow(random.nextLong());
            Outcome outcome;
            try {
              outcome = authz.decide(requests.get(index), keys);
            } finally {
              ThreadKeys.give(keys);
            }
            if (outcome != expected.get(index)) {
              failure.compareAndSet(
                  null, requests.get(index) + ": " + outcome + ", not " + expected.get(index));
            }
          }
        });
    assertThat(failure.get()).isNull();
  }

  /** Runs the body on four platform threads at once, each with a random source of its own. */
  private static void onFourThreads(Consumer<SplittableRandom> body) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      SplittableRandom random = new SplittableRandom(t);
      threads.add(new Thread(() -> body.accept(random)));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
  }

  @Test
  void thePoolHoldsTwiceTheProcessorsAsAPowerOfTwo() {
    assertThat(ThreadKeys.slots(1)).isEqualTo(4);
    assertThat(ThreadKeys.slots(2)).isEqualTo(4);
    assertThat(ThreadKeys.slots(3)).isEqualTo(8);
    assertThat(ThreadKeys.slots(8)).isEqualTo(16);
    assertThat(ThreadKeys.slots(100)).isEqualTo(256);
    assertThat(ThreadKeys.slots(1000)).isEqualTo(256);
  }

  /** Runs where the runtime has virtual threads (Java 21 and later); skipped on Java 17. */
  @Test
  void aVirtualThreadBorrowsKeysAndDecidesAsAPlatformThreadDoes() throws Exception {
    Method start;
    try {
      start = Thread.class.getMethod("startVirtualThread", Runnable.class);
    } catch (NoSuchMethodException absent) {
      start = null;
    }
    assumeTrue(start != null, "this runtime has no virtual threads");
    Authorizer authz = Authorizer.compile(OneSetOrganization.snapshot("alice", POLICY));
    AccessRequest request =
        AccessRequest.builder()
            .user("alice")
            .account(OneSetOrganization.WORK)
            .action("s3:GetObject")
            .region("eu-west-1")
            .build();
    AtomicReference<Object> seen = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      threads.add(
          (Thread)
              start.invoke(
                  null,
                  (Runnable)
                      () -> {
                        RequestKeys keys = ThreadKeys.take();
                        int home = keys.home;
                        ThreadKeys.give(keys);
                        Outcome outcome = authz.decide(request);
                        if (home < 0 || outcome != Outcome.ALLOWED) {
                          seen.compareAndSet(null, "home " + home + ", " + outcome);
                        }
                      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(seen.get()).isNull();
    assertThat(ThreadKeys.isVirtual(threads.get(0))).isTrue();
    assertThat(ThreadKeys.isVirtual(Thread.currentThread())).isFalse();
  }
}
