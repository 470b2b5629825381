package dev.orgauthz.query;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Times who-can over the whole large synthetic organization (performance goal P3 sizes), and
 * what-can and impact on it. Not part of the default test suite (the name does not end in Test);
 * the large organization needs a heap of about 15 GB. Run it with:
 *
 * <pre>
 * mvn -B -q -pl test-fixtures -am test -Dtest=LargeOrganizationTiming \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx15g
 * </pre>
 *
 * <p>{@code -DargLine="-Xmx8g -Dorgauthz.size=MEDIUM"} times the medium organization instead.
 *
 * <p>Each figure is the best of three runs after one warm-up run.
 */
class LargeOrganizationTiming {
  private static final int RUNS = 3;

  @Test
  void timeTheQueriesOnTheLargeOrganization() {
    long start = System.nanoTime();
    String size = System.getProperty("orgauthz.size", "LARGE");
    Snapshot snapshot = synthetic(size);
    print("generate", start);
    start = System.nanoTime();
    Authorizer authorizer = Authorizer.compile(snapshot);
    print("compile", start);
    start = System.nanoTime();
    WhoCan whoCan = WhoCan.of(authorizer);
    print("who-can index", start);

    for (String action :
        List.of(
            "organizations:LeaveOrganization",
            "ec2:TerminateInstances",
            "s3:GetObject",
            "iam:CreateUser",
            "secretsmanager:GetSecretValue")) {
      for (String region : new String[] {null, "us-east-1"}) {
        WhoCanQuestion.Builder question = WhoCanQuestion.builder().action(action);
        if (region != null) {
          question.region(region);
        }
        WhoCanQuestion built = question.build();
        whoCan.ask(built);
        long best = Long.MAX_VALUE;
        WhoCanAnswer answer = null;
        for (int i = 0; i < RUNS; i++) {
          long t = System.nanoTime();
          answer = whoCan.ask(built);
          best = Math.min(best, System.nanoTime() - t);
        }
        long t = System.nanoTime();
        int accesses = answer.users().size();
        long expand = System.nanoTime() - t;
        System.out.printf(
            Locale.ROOT,
            "who-can %-32s %-9s %7.0f ms: %,d roles evaluated, %,d user decisions, %,d roles"
                + " allowed, %,d (user, account, permission set) entries (%.0f ms to list)%n",
            action,
            region == null ? "no region" : region,
            best / 1e6,
            answer.rolesEvaluated(),
            answer.userEvaluations(),
            answer.roles().size(),
            accesses,
            expand / 1e6);
      }
    }
    whatCanAndImpact(authorizer, snapshot);
  }

  private static void whatCanAndImpact(Authorizer authorizer, Snapshot snapshot) {
    // What can a user do in one of their accounts, over every action of every service
    WhatCan whatCan = WhatCan.of(authorizer);
    var center = snapshot.identityCenter().orElseThrow();
    var user = center.users().get(center.users().size() / 2);
    String account = center.assignmentsOf(user.id()).get(0).accountId();
    WhatCanQuestion question =
        WhatCanQuestion.builder()
            .user(user.userName())
            .account(account)
            .region("us-east-1")
            .build();
    whatCan.ask(question);
    long start = System.nanoTime();
    WhatCanAnswer what = whatCan.ask(question);
    System.out.printf(
        Locale.ROOT,
        "what-can %s in %s: %,d ms, %d roles x %,d actions, %,d allowed, %,d blocked by SCPs%n",
        user.userName(),
        account,
        (System.nanoTime() - start) / 1_000_000,
        what.permissionSets().size(),
        what.actionsEvaluated(),
        what.allowedActions().size(),
        what.blockedByScps().size());

    // Impact of detaching the first customer SCP from its first OU target
    var policy =
        snapshot.organization().policies().stream()
            .filter(p -> !p.awsManaged() && p.targets().stream().anyMatch(t -> t.startsWith("ou-")))
            .findFirst()
            .orElseThrow();
    String target = policy.targets().stream().filter(t -> t.startsWith("ou-")).findFirst().get();
    start = System.nanoTime();
    ImpactAnswer impact =
        Impact.of(
            authorizer,
            List.of(new Change.DetachPolicy(policy.id(), target)),
            ImpactQuestions.generated("us-east-1"),
            1_000,
            Progress.none());
    System.out.printf(
        Locale.ROOT,
        "impact of detaching %s from %s: %,d ms (compiling the changed organization included),"
            + " %,d accounts affected, %,d of %,d questions asked, %,d flips (%,d explained)%n",
        policy.name(),
        target,
        (System.nanoTime() - start) / 1_000_000,
        impact.affectedAccounts().size(),
        impact.asked(),
        impact.questions(),
        impact.flipCount(),
        impact.flips().size());
  }

  /**
   * The synthetic organization of a size ({@code SMALL}, {@code MEDIUM}, {@code LARGE}) from the
   * generator of the benchmarks, {@code dev.orgauthz.testing.SyntheticOrganization}, reached by
   * reflection so that this class compiles where the generator is not merged yet.
   */
  private static Snapshot synthetic(String size) {
    try {
      Class<?> generator = Class.forName("dev.orgauthz.testing.SyntheticOrganization");
      Class<?> sizes = Class.forName("dev.orgauthz.testing.SyntheticOrganization$Size");
      Object chosen = sizes.getField(size).get(null);
      return (Snapshot)
          generator.getMethod("generate", sizes, long.class).invoke(null, chosen, 42L);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the synthetic organization generator (dev.orgauthz.testing.SyntheticOrganization) or"
              + " its size `"
              + size
              + "` is missing from test-fixtures: "
              + e,
          e);
    }
  }

  private static void print(String what, long start) {
    System.out.printf(Locale.ROOT, "%-14s %7.0f ms%n", what, (System.nanoTime() - start) / 1e6);
  }
}
