package dev.orgauthz.benchmarks;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.DecisionHandle;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.testing.ExampleOrganization;
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
 * What does a decision cost once principal, action and account are resolved? Goal P7: {@code
 * decide} on a {@link DecisionHandle} made by {@link Authorizer#prepare} costs at most five times
 * {@code FloorBenchmark.handleLookup}. The handles are the questions of {@code
 * ExampleOrgBenchmark.decide} and {@code decideWithConditions}, prepared in the setup.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar 'HandleApiBenchmark|Floor' -prof
 * gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = Inputs.HUGE_PAGES)
public class HandleApiBenchmark {
  private DecisionHandle[] handles;
  private int index;

  @Setup
  public void setUp() {
    Authorizer authz = Authorizer.compile(ExampleOrganization.snapshot());
    List<AccessRequest> questions = new java.util.ArrayList<>(Inputs.withoutConditions());
    questions.addAll(Inputs.withConditions());
    AccessRequest[] requests = Inputs.skewed(questions, 3, AccessRequest[]::new);
    handles = new DecisionHandle[requests.length];
    for (int i = 0; i < requests.length; i++) {
      handles[i] = authz.prepare(requests[i]);
      if (handles[i].decide() != authz.decide(requests[i])) {
        throw new IllegalStateException("the handle disagrees with decide on " + requests[i]);
      }
    }
  }

  @Benchmark
  public Outcome decide() {
    return handles[index++ & Inputs.MASK].decide();
  }
}
