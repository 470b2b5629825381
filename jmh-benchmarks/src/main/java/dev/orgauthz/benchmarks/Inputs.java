package dev.orgauthz.benchmarks;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Inputs shared by the benchmarks: power-of-two arrays filled by a skewed draw from a list of
 * distinct questions, and the questions asked of the example organization.
 */
final class Inputs {
  /** The length of every input array: a power of two, so that an index is masked, not divided. */
  static final int SIZE = 1024;

  /** The mask of an index into an input array. */
  static final int MASK = SIZE - 1;

  /**
   * The option every fork runs with: the heap in transparent huge pages where the system gives them
   * ({@code madvise} or {@code always} in {@code /sys/kernel/mm/transparent_hugepage/enabled}), as
   * an application with a large organization would run; elsewhere the JVM warns and goes on. A
   * decision on the large organization reads memory spread over the compiled organization, and 2 MB
   * pages make fewer of those reads miss the TLB (see {@code docs/benchmarks.md}).
   */
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

  private Inputs() {}

  /**
   * An array of {@link #SIZE} elements drawn from {@code distinct} with a Zipf-like skew (the first
   * elements are drawn far more often), shuffled so that the order is not the popularity.
   */
  static <T> T[] skewed(List<T> distinct, long seed, IntFunction<T[]> array) {
    Random random = new Random(seed);
    List<T> shuffled = new ArrayList<>(distinct);
    java.util.Collections.shuffle(shuffled, random);
    T[] out = array.apply(SIZE);
    for (int i = 0; i < SIZE; i++) {
      out[i] = shuffled.get(FloorBenchmark.zipf(random, shuffled.size()));
    }
    return out;
  }

  private static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin");

  private static final List<String> ACCOUNTS =
      List.of(
          ExampleOrganization.MANAGEMENT,
          ExampleOrganization.LOG_ARCHIVE,
          ExampleOrganization.AUDIT,
          ExampleOrganization.PRODUCTION,
          ExampleOrganization.STAGING,
          ExampleOrganization.UAT,
          ExampleOrganization.DEVELOPMENT);

  /**
   * Questions whose evaluation meets no condition: actions of global services, which the region
   * restriction exempts with {@code NotAction}, and which no conditional statement names.
   */
  static List<AccessRequest> withoutConditions() {
    List<String> actions =
        List.of(
            "iam:GetRole",
            "iam:ListRoles",
            "iam:CreateRole",
            "iam:PassRole",
            "organizations:DescribeOrganization",
            "organizations:LeaveOrganization",
            "sts:GetCallerIdentity",
            "s3:ListAllMyBuckets",
            "ce:GetCostAndUsage",
            "billing:GetBillingData",
            "account:GetAccountInformation");
    List<AccessRequest> out = new ArrayList<>();
    for (String user : USERS) {
      for (String account : ACCOUNTS) {
        for (String action : actions) {
          out.add(
              AccessRequest.builder()
                  .user(user)
                  .account(account)
                  .action(action)
                  .region("eu-west-1")
                  .build());
        }
      }
    }
    return out;
  }

  /**
   * Questions whose evaluation meets conditions: regional actions under the region restriction (a
   * {@code NotAction} deny on {@code aws:RequestedRegion} with an {@code ArnNotLike} exemption), in
   * an approved and an unapproved region, destructive actions under the MFA and OU-path denies, and
   * the developers' ABAC statement on {@code aws:ResourceTag/CostCenter}.
   */
  static List<AccessRequest> withConditions() {
    List<String> actions =
        List.of(
            "ec2:DescribeInstances",
            "ec2:RunInstances",
            "ec2:TerminateInstances",
            "s3:GetObject",
            "s3:DeleteBucket",
            "lambda:InvokeFunction",
            "dynamodb:GetItem",
            "rds:DeleteDBInstance");
    List<AccessRequest> out = new ArrayList<>();
    for (String user : USERS) {
      for (String account : ACCOUNTS) {
        for (String action : actions) {
          for (String region : List.of("eu-west-1", "ap-southeast-2")) {
            out.add(
                AccessRequest.builder()
                    .user(user)
                    .account(account)
                    .action(action)
                    .region(region)
                    .build());
          }
        }
        for (String costCenter : List.of("CC-2001", "CC-9999")) {
          out.add(
              AccessRequest.builder()
                  .user(user)
                  .account(account)
                  .action("secretsmanager:GetSecretValue")
                  .resource("arn:aws:secretsmanager:eu-west-1:" + account + ":secret:db")
                  .region("eu-west-1")
                  .context("aws:ResourceTag/CostCenter", costCenter)
                  .build());
        }
      }
    }
    return out;
  }
}
