package dev.orgauthz.benchmarks;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.testing.SyntheticOrganization;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What do a decision and a compilation cost at the size of a large organization? Goal P3: {@code
 * decide} on {@link SyntheticOrganization.Size#LARGE} (10,000 accounts, 1,000 OUs, 500 SCPs, 1,000
 * permission sets, 50,000 users, 5,000 groups, 200,000 assignments) costs at most five times {@code
 * FloorBenchmark.hashLookup}; {@code compile} (single shot) takes under ten seconds; the retained
 * heap of the compiled organization is reported. The requests come from {@link
 * SyntheticOrganization#requests}: users in accounts where they have an assignment, skewed. {@code
 * decideWide} asks 16 times as many distinct questions, more than a thread keeps the outcomes of:
 * it has no goal, and shows what a decision costs when its outcome is not kept.
 *
 * <p>The setup of {@code decide} measures the retained heap (used heap after a full collection,
 * with and without the authorizer), makes a first pass over the requests (the authorizer makes a
 * user's sessions when first asked about), measures the heap again, and prints it all as a line
 * that starts with {@value #HEAP_LINE}; {@code jmh-benchmarks/run} reads it from the output. {@code
 * -p size=MEDIUM} or {@code SMALL} runs the same benchmarks on a smaller organization. The forks
 * run with {@code -Xmx16g}, room for the snapshot, the compiled organization (about 0.5 GB) and a
 * second compilation; a user's sessions are made when the user is first asked about.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar 'LargeOrgBenchmark|Floor' -prof gc}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx16g", Inputs.HUGE_PAGES})
public class LargeOrgBenchmark {
  /** The start of the line that reports the retained heap. */
  public static final String HEAP_LINE = "retained heap of the compiled organization:";

  /** The generated organization, for {@link #compile}. */
  @State(Scope.Benchmark)
  public static class Org {
    @Param({"LARGE"})
    public String size = "LARGE";

    Snapshot snapshot;

    @Setup(Level.Trial)
    public void setUp() {
      snapshot = SyntheticOrganization.generate(size(size), 42);
    }
  }

  /** The compiled organization and the requests, for {@link #decide}. */
  @State(Scope.Thread)
  public static class Compiled {
    @Param({"LARGE"})
    public String size = "LARGE";

    Authorizer authz;
    AccessRequest[] requests;
    int index;

    @Setup(Level.Trial)
    public void setUp() {
      long empty = usedHeapAfterCollection();
      long start = System.nanoTime();
      Snapshot snapshot = SyntheticOrganization.generate(size(size), 42);
      long generated = System.nanoTime();
      long model = usedHeapAfterCollection();
      long compiling = System.nanoTime();
      authz = Authorizer.compile(snapshot);
      long compiled = System.nanoTime();
      long both = usedHeapAfterCollection();
      List<AccessRequest> drawn = SyntheticOrganization.requests(snapshot, Inputs.SIZE, 7);
      requests = drawn.toArray(new AccessRequest[0]);

      // A first pass over the requests, so that what the authorizer makes on first use is made
      long passing = System.nanoTime();
      for (AccessRequest request : requests) {
        authz.decide(request);
      }
      long passed = System.nanoTime();
      long warm = usedHeapAfterCollection();
      System.out.printf(
          Locale.ROOT,
          "%n%s %d MB (%s organization; the snapshot %d MB; generated in %.1f s, compiled in"
              + " %.1f s; after a first pass over the %d requests, which took %.1f s, %d MB)%n",
          HEAP_LINE,
          (both - model) >> 20,
          size,
          (model - empty) >> 20,
          (generated - start) / 1e9,
          (compiled - compiling) / 1e9,
          requests.length,
          (passed - passing) / 1e9,
          (warm - model) >> 20);
    }
  }

  /**
   * The compiled organization and 16 times as many requests, for {@link #decideWide}: more distinct
   * questions than a thread keeps outcomes of, so that most decisions evaluate their statements.
   */
  @State(Scope.Thread)
  public static class Wide {
    /** How many requests: a power of two. */
    static final int SIZE = 16 * Inputs.SIZE;

    @Param({"LARGE"})
    public String size = "LARGE";

    Authorizer authz;
    AccessRequest[] requests;
    int index;

    @Setup(Level.Trial)
    public void setUp() {
      Snapshot snapshot = SyntheticOrganization.generate(size(size), 42);
      authz = Authorizer.compile(snapshot);
      requests = SyntheticOrganization.requests(snapshot, SIZE, 9).toArray(new AccessRequest[0]);
      for (AccessRequest request : requests) {
        authz.decide(request);
      }
    }
  }

  static SyntheticOrganization.Size size(String name) {
    return switch (name) {
      case "SMALL" -> SyntheticOrganization.Size.SMALL;
      case "MEDIUM" -> SyntheticOrganization.Size.MEDIUM;
      case "LARGE" -> SyntheticOrganization.Size.LARGE;
      default ->
          throw new IllegalArgumentException(
              "unknown size `" + name + "`: use SMALL, MEDIUM or LARGE");
    };
  }

  private static long usedHeapAfterCollection() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Benchmark
  public Outcome decide(Compiled state) {
    return state.authz.decide(state.requests[state.index++ & Inputs.MASK]);
  }

  /**
   * {@code decide} over {@value Wide#SIZE} requests: no goal; what a decision costs when the
   * questions are too many for the outcomes a thread keeps (see {@code docs/benchmarks.md}).
   */
  @Benchmark
  public Outcome decideWide(Wide state) {
    return state.authz.decide(state.requests[state.index++ & (Wide.SIZE - 1)]);
  }

  /** Compiles the organization once per iteration: the time from snapshot to authorizer. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public Authorizer compile(Org org) {
    return Authorizer.compile(org.snapshot);
  }
}
