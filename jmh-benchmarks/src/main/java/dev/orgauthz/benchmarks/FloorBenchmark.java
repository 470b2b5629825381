package dev.orgauthz.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
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
 * The floors the goals are measured against (performance.md): what any authorization answer costs
 * at the least. {@code hashLookup} hashes a 20-character action, makes two {@code HashMap} lookups
 * and ANDs three {@code long} words; {@code handleLookup} makes three array loads and an AND.
 * Inputs rotate through a power-of-two array with a masked index.
 *
 * <p>Run: {@code java -jar jmh-benchmarks/target/benchmarks.jar FloorBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = Inputs.HUGE_PAGES)
public class FloorBenchmark {
  private static final int SIZE = 1024;

  private final Map<String, long[]> actions = new HashMap<>();
  private final Map<String, Integer> accounts = new HashMap<>();
  private final String[] actionInputs = new String[SIZE];
  private final String[] accountInputs = new String[SIZE];
  private final int[] principalHandles = new int[SIZE];
  private final int[] actionHandles = new int[SIZE];
  private final int[] accountHandles = new int[SIZE];
  private final long[] principalBits = new long[64];
  private final long[] actionBits = new long[256];
  private final long[] accountBits = new long[16];
  private int index;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    String[] names = new String[256];
    for (int i = 0; i < names.length; i++) {
      // 20 characters, like "ec2:TerminateInstanc".
      names[i] = String.format("svc%02d:Action%010d", i % 100, i).substring(0, 20);
      actions.put(names[i], new long[] {random.nextLong(), random.nextLong()});
      actionBits[i] = random.nextLong();
    }
    for (int i = 0; i < 16; i++) {
      accounts.put(String.format("%012d", i), i);
      accountBits[i] = random.nextLong();
    }
    for (int i = 0; i < principalBits.length; i++) {
      principalBits[i] = random.nextLong();
    }
    for (int i = 0; i < SIZE; i++) {
      int action = zipf(random, 256);
      int account = zipf(random, 16);
      // A fresh String each, so that its hash is computed on first use as with request input.
      actionInputs[i] = new String(names[action].toCharArray());
      accountInputs[i] = String.format("%012d", account);
      principalHandles[i] = zipf(random, 64);
      actionHandles[i] = action;
      accountHandles[i] = account;
    }
  }

  /** A skewed draw in [0, n): small values are far more likely, as with real traffic. */
  static int zipf(Random random, int n) {
    double u = random.nextDouble();
    return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, u)) - 1);
  }

  @Benchmark
  public boolean hashLookup() {
    int i = index++ & (SIZE - 1);
    String action = actionInputs[i];
    int hash = 0;
    for (int c = 0; c < action.length(); c++) {
      hash = 31 * hash + action.charAt(c);
    }
    long[] words = actions.get(action);
    Integer account = accounts.get(accountInputs[i]);
    if (words == null || account == null) {
      return false;
    }
    return ((words[0] & words[1] & accountBits[account]) ^ hash) != 0;
  }

  @Benchmark
  public boolean handleLookup() {
    int i = index++ & (SIZE - 1);
    return (principalBits[principalHandles[i]]
            & actionBits[actionHandles[i]]
            & accountBits[accountHandles[i]])
        != 0;
  }
}
