package dev.orgauthz.benchmarks;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.testing.ExampleOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does one authorizer scale over cores? Goal P6: {@code twoThreads} reaches at least 1.8 times the
 * throughput of {@code oneThread}. Both ask one shared authorizer the questions of {@code
 * ExampleOrgBenchmark} (with and without conditions); each thread has its own request array and
 * index.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar ThreadsBenchmark -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = Inputs.HUGE_PAGES)
public class ThreadsBenchmark {
  /** The authorizer, shared by the threads as an application shares it. */
  @State(Scope.Benchmark)
  public static class Shared {
    Authorizer authz = Authorizer.compile(ExampleOrganization.snapshot());
    final AtomicInteger threads = new AtomicInteger();
  }

  /** The requests of one thread, drawn with a seed of its own. */
  @State(Scope.Thread)
  public static class Requests {
    AccessRequest[] requests;
    int index;

    @Setup
    public void setUp(Shared shared) {
      List<AccessRequest> questions = new ArrayList<>(Inputs.withoutConditions());
      questions.addAll(Inputs.withConditions());
      requests =
          Inputs.skewed(questions, 10 + shared.threads.getAndIncrement(), AccessRequest[]::new);
    }
  }

  @Benchmark
  @Threads(1)
  public Outcome oneThread(Shared shared, Requests requests) {
    return shared.authz.decide(requests.requests[requests.index++ & Inputs.MASK]);
  }

  @Benchmark
  @Threads(2)
  public Outcome twoThreads(Shared shared, Requests requests) {
    return shared.authz.decide(requests.requests[requests.index++ & Inputs.MASK]);
  }
}
