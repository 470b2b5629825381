package dev.orgauthz.benchmarks;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.testing.ExampleOrganization;
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
 * What does one decision cost on the example organization, through the String API? Goals P1 ({@code
 * decide}: at most twice {@code FloorBenchmark.hashLookup}, nothing allocated), P2 ({@code
 * decideWithConditions}: at most five times the floor, nothing allocated) and P4 ({@code explain}:
 * at most 50 times {@code decide}). Users, accounts and actions are drawn with a skew, in an array
 * of 1,024 requests built in the setup.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar 'ExampleOrgBenchmark|Floor' -prof
 * gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = Inputs.HUGE_PAGES)
public class ExampleOrgBenchmark {
  private Authorizer authz;
  private AccessRequest[] plain;
  private AccessRequest[] conditional;
  private int index;

  @Setup
  public void setUp() {
    authz = Authorizer.compile(ExampleOrganization.snapshot());
    plain = Inputs.skewed(Inputs.withoutConditions(), 1, AccessRequest[]::new);
    conditional = Inputs.skewed(Inputs.withConditions(), 2, AccessRequest[]::new);
  }

  /** P1: a question whose evaluation meets no condition. */
  @Benchmark
  public Outcome decide() {
    return authz.decide(plain[index++ & Inputs.MASK]);
  }

  /** P2: a question whose evaluation meets the region lock, MFA, OU-path and ABAC conditions. */
  @Benchmark
  public Outcome decideWithConditions() {
    return authz.decide(conditional[index++ & Inputs.MASK]);
  }

  /** P4: the questions of {@link #decide}, with the full explanation. */
  @Benchmark
  public Decision explain() {
    return authz.explain(plain[index++ & Inputs.MASK]);
  }
}
