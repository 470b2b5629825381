package dev.orgauthz.benchmarks;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.exception.CacheException;
import com.cedarpolicy.model.exception.InternalException;
import com.cedarpolicy.model.policy.PolicySet;
import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.PortalRole;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How does orgauthz compare with Cedar on the same organization and the same questions? Goal P5:
 * {@code isAuthorized} (cedar-java, the native engine through JNI, the policy set cached) is at
 * least 1,000 times slower than {@code orgauthzDecide}. The example organization is encoded in
 * Cedar by {@link CedarExample}; the questions are every role of every user's access portal (a user
 * acting with one permission set) asking a dozen actions, in an approved and an unapproved region,
 * with and without MFA, on a role ARN and on a tagged secret. Each Cedar question carries the slice
 * of entities it touches. The setup asks both engines every question and fails when an answer
 * differs (allowed or not), so a benchmark whose peer disagrees does not run.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar CedarPeerBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = Inputs.HUGE_PAGES)
public class CedarPeerBenchmark {
  private static final List<String> ACTIONS =
      List.of(
          "ec2:DescribeInstances",
          "ec2:TerminateInstances",
          "s3:GetObject",
          "s3:DeleteBucket",
          "iam:GetRole",
          "iam:PassRole",
          "organizations:LeaveOrganization",
          "secretsmanager:GetSecretValue",
          "securityhub:BatchUpdateFindings",
          "rds:DeleteDBInstance",
          "ce:GetCostAndUsage",
          "sts:GetCallerIdentity");

  private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();
  private Authorizer authz;
  private PolicySet policySet;
  private CedarExample.Question[] questions;
  private AccessRequest[] requests;
  private int index;

  @Setup
  public void setUp() throws InternalException, AuthException, CacheException {
    Snapshot snapshot = ExampleOrganization.snapshot();
    authz = Authorizer.compile(snapshot);
    CedarExample example = new CedarExample(snapshot);
    policySet = PolicySet.parsePolicies(example.policies());
    policySet.cache();

    // Every question, asked of both: they must agree before anything is timed
    List<CedarExample.Question> all = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    int allowedByBoth = 0;
    for (User user : snapshot.identityCenter().orElseThrow().users()) {
      for (PortalEntry entry : authz.portal(user.userName())) {
        String account = entry.account().id();
        for (PortalRole role : entry.roles()) {
          for (String action : ACTIONS) {
            String resource = "*";
            String tag = "";
            if (action.equals("iam:PassRole")) {
              resource = "arn:aws:iam::" + account + ":role/" + (all.size() % 2 == 0 ? "app/" : "");
              resource += "worker";
            } else if (action.startsWith("secretsmanager:")) {
              resource = "arn:aws:secretsmanager:eu-west-1:" + account + ":secret:db";
              tag = all.size() % 2 == 0 ? "CC-2001" : "CC-9999";
            }
            for (String region : List.of("eu-west-1", "ap-southeast-2")) {
              boolean mfa = all.size() % 3 == 0;
              CedarExample.Question question =
                  example.question(entry, role, user, action, resource, region, mfa, tag);
              boolean cedar =
                  allowed(engine.isAuthorized(question.cedar(), policySet, question.entities()));
              boolean ours = authz.decide(question.request()) == Outcome.ALLOWED;
              if (cedar != ours) {
                disagreements.add(
                    (ours ? "allowed" : "denied")
                        + " by orgauthz, "
                        + (cedar ? "allowed" : "denied")
                        + " by Cedar: "
                        + question.request());
              }
              allowedByBoth += cedar && ours ? 1 : 0;
              all.add(question);
            }
          }
        }
      }
    }
    if (!disagreements.isEmpty()) {
      throw new IllegalStateException(
          disagreements.size()
              + " of "
              + all.size()
              + " questions get different answers, such as "
              + disagreements.subList(0, Math.min(5, disagreements.size())));
    }
    if (allowedByBoth == 0 || allowedByBoth == all.size()) {
      throw new IllegalStateException(
          "the questions are all allowed or all denied, so agreeing on them proves nothing");
    }
    questions = Inputs.skewed(all, 4, CedarExample.Question[]::new);
    requests = new AccessRequest[questions.length];
    for (int i = 0; i < questions.length; i++) {
      requests[i] = questions[i].request();
    }
  }

  private static boolean allowed(AuthorizationResponse response) {
    return response
        .success
        .orElseThrow(() -> new IllegalStateException("Cedar failed: " + response))
        .isAllowed();
  }

  @Benchmark
  public AuthorizationResponse isAuthorized() throws AuthException {
    CedarExample.Question question = questions[index++ & Inputs.MASK];
    return engine.isAuthorized(question.cedar(), policySet, question.entities());
  }

  @Benchmark
  public Outcome orgauthzDecide() {
    return authz.decide(requests[index++ & Inputs.MASK]);
  }
}
