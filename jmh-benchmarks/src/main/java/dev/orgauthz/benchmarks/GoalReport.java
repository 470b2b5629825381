package dev.orgauthz.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the results of one JMH run ({@code -rf json}, with {@code -prof gc}) as two Markdown
 * tables: every benchmark with its median, error and bytes per operation, then goals P1 to P7 of
 * the project's performance page with their ratios and whether each is met. The retained heap of
 * the large organization is read from the run's output, where {@link LargeOrgBenchmark} prints it.
 *
 * <p>Run: {@code java -cp jmh-benchmarks/target/benchmarks.jar dev.orgauthz.benchmarks.GoalReport
 * results.json [output.txt] [--require-all]}; {@code --require-all} exits with status 1 when a
 * benchmark a goal needs is missing from the results (the quick mode's proof that all ran).
 */
public final class GoalReport {
  /** Bytes per operation at or below this count as none: JMH's own accounting leaves crumbs. */
  private static final double NO_ALLOCATION = 0.5;

  /** One benchmark's result, times in nanoseconds per operation or operations per second. */
  record Result(
      String name, String mode, int threads, double median, double error, String unit, double gc) {
    /** The median in nanoseconds per operation (time modes) or operations per second. */
    double normalized() {
      return median * factor(unit);
    }
  }

  private final List<Result> results;
  private final @Nullable String heapLine;

  GoalReport(List<Result> results, @Nullable String heapLine) {
    this.results = List.copyOf(results);
    this.heapLine = heapLine;
  }

  public static void main(String[] args) throws IOException {
    List<String> files = new ArrayList<>();
    boolean requireAll = false;
    for (String arg : args) {
      if (arg.equals("--require-all")) {
        requireAll = true;
      } else {
        files.add(arg);
      }
    }
    if (files.isEmpty()) {
      System.err.println("usage: GoalReport results.json [output.txt] [--require-all]");
      System.exit(2);
    }
    GoalReport report =
        new GoalReport(
            read(Path.of(files.get(0))), files.size() > 1 ? heapLine(Path.of(files.get(1))) : null);
    boolean complete = report.print(System.out);
    if (requireAll && !complete) {
      System.err.println("some benchmarks a goal needs did not run: see `not run` above");
      System.exit(1);
    }
  }

  /** Reads the results of a JMH JSON file. */
  static List<Result> read(Path json) {
    JsonNode root = JsonMapper.builder().build().readTree(json.toFile());
    List<Result> out = new ArrayList<>();
    for (JsonNode run : root) {
      String benchmark = run.path("benchmark").asString();
      String[] parts = benchmark.split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      JsonNode params = run.path("params");
      if (!params.isMissingNode()) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, JsonNode> param : params.properties()) {
          pairs.add(param.getKey() + "=" + param.getValue().asString());
        }
        name = name + " (" + String.join(", ", pairs) + ")";
      }
      JsonNode primary = run.path("primaryMetric");
      double gc = Double.NaN;
      for (Map.Entry<String, JsonNode> metric : run.path("secondaryMetrics").properties()) {
        if (metric.getKey().endsWith("gc.alloc.rate.norm")) {
          gc = metric.getValue().path("score").asDouble();
        }
      }
      out.add(
          new Result(
              name,
              run.path("mode").asString(),
              run.path("threads").asInt(),
              primary.path("scorePercentiles").path("50.0").asDouble(),
              primary.path("scoreError").asDouble(Double.NaN),
              primary.path("scoreUnit").asString(),
              gc));
    }
    return out;
  }

  /** The line of the run's output that reports the retained heap, or null. */
  static @Nullable String heapLine(Path output) throws IOException {
    if (!Files.exists(output)) {
      return null;
    }
    String found = null;
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      int at = line.indexOf(LargeOrgBenchmark.HEAP_LINE);
      if (at >= 0) {
        found = line.substring(at + LargeOrgBenchmark.HEAP_LINE.length()).trim();
      }
    }
    return found;
  }

  /** Prints both tables; false when a benchmark that a goal needs is missing. */
  boolean print(PrintStream out) {
    out.println();
    out.println("| benchmark | mode | threads | median | error (99.9%) | unit | B/op |");
    out.println("| --- | --- | ---: | ---: | ---: | --- | ---: |");
    for (Result r : results) {
      out.printf(
          Locale.ROOT,
          "| %s | %s | %d | %s | %s | %s | %s |%n",
          r.name(),
          r.mode(),
          r.threads(),
          number(r.median()),
          Double.isNaN(r.error()) ? "–" : "± " + number(r.error()),
          r.unit(),
          Double.isNaN(r.gc()) ? "–" : number(r.gc()));
    }

    out.println();
    out.println("| goal | what | measured | target | met |");
    out.println("| --- | --- | --- | --- | --- |");
    List<Boolean> complete = new ArrayList<>();
    complete.add(
        timeGoal(out, "P1", "ExampleOrgBenchmark.decide", "FloorBenchmark.hashLookup", 2, true));
    complete.add(
        timeGoal(
            out,
            "P2",
            "ExampleOrgBenchmark.decideWithConditions",
            "FloorBenchmark.hashLookup",
            5,
            true));
    complete.add(largeOrganization(out));
    complete.add(
        timeGoal(
            out, "P4", "ExampleOrgBenchmark.explain", "ExampleOrgBenchmark.decide", 50, false));
    complete.add(cedar(out));
    complete.add(threads(out));
    complete.add(
        timeGoal(out, "P7", "HandleApiBenchmark.decide", "FloorBenchmark.handleLookup", 5, false));
    return !complete.contains(false);
  }

  private boolean timeGoal(
      PrintStream out, String goal, String name, String base, double most, boolean noAllocation) {
    Result r = find(name);
    Result floor = find(base);
    if (r == null || floor == null) {
      row(out, goal, name, "not run", "", "not run");
      return false;
    }
    double ratio = r.normalized() / floor.normalized();
    boolean met = ratio <= most;
    String measured = times(ratio) + " " + base.substring(base.indexOf('.') + 1);
    String target = "≤ " + String.format(Locale.ROOT, "%.0f×", most);
    if (noAllocation) {
      met &= !(r.gc() > NO_ALLOCATION);
      measured += ", " + number(r.gc()) + " B/op";
      target += ", 0 B/op";
    }
    row(out, goal, name, measured, target, met ? "yes" : "no");
    return true;
  }

  private boolean largeOrganization(PrintStream out) {
    Result decide = find("LargeOrgBenchmark.decide");
    Result compile = find("LargeOrgBenchmark.compile");
    Result floor = find("FloorBenchmark.hashLookup");
    if (decide == null || compile == null || floor == null) {
      row(out, "P3", "LargeOrgBenchmark.decide, compile", "not run", "", "not run");
      return false;
    }
    double ratio = decide.normalized() / floor.normalized();
    double seconds = compile.normalized() / 1e9;
    boolean met = ratio <= 5 && seconds < 10 && heapLine != null;
    boolean large = decide.name().contains("size=LARGE") && compile.name().contains("size=LARGE");
    row(
        out,
        "P3",
        decide.name() + ", " + compile.name(),
        times(ratio)
            + " hashLookup; compile "
            + number(seconds)
            + " s; retained heap "
            + (heapLine == null ? "not reported" : heapLine),
        "≤ 5×; compile < 10 s; heap reported",
        !large ? "not at size LARGE" : met ? "yes" : "no");
    return true;
  }

  private boolean cedar(PrintStream out) {
    Result peer = find("CedarPeerBenchmark.isAuthorized");
    Result ours = find("CedarPeerBenchmark.orgauthzDecide");
    if (peer == null || ours == null) {
      row(out, "P5", "CedarPeerBenchmark", "not run", "", "not run");
      return false;
    }
    double ratio = peer.normalized() / ours.normalized();
    row(
        out,
        "P5",
        "CedarPeerBenchmark.isAuthorized / orgauthzDecide",
        "Cedar " + times(ratio) + " slower",
        "≥ 1,000×",
        ratio >= 1000 ? "yes" : "no");
    return true;
  }

  private boolean threads(PrintStream out) {
    Result one = find("ThreadsBenchmark.oneThread");
    Result two = find("ThreadsBenchmark.twoThreads");
    if (one == null || two == null) {
      row(out, "P6", "ThreadsBenchmark", "not run", "", "not run");
      return false;
    }
    double ratio = two.normalized() / one.normalized();
    row(
        out,
        "P6",
        "ThreadsBenchmark.twoThreads / oneThread (throughput)",
        times(ratio),
        "≥ 1.8×",
        ratio >= 1.8 ? "yes" : "no");
    return true;
  }

  private @Nullable Result find(String name) {
    for (Result r : results) {
      if (r.name().equals(name) || r.name().startsWith(name + " (")) {
        return r;
      }
    }
    return null;
  }

  private static void row(
      PrintStream out, String goal, String what, String measured, String target, String met) {
    out.printf("| %s | %s | %s | %s | %s |%n", goal, what, measured, target, met);
  }

  private static String times(double ratio) {
    return number(ratio) + "×";
  }

  /** A number with three significant digits, grouped by thousands. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    double abs = Math.abs(value);
    String pattern =
        abs >= 100 || abs == 0 ? "%,.0f" : abs >= 10 ? "%,.1f" : abs >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }

  /** The factor to nanoseconds per operation, or to operations per second. */
  static double factor(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      case "ops/s" -> 1;
      case "ops/ms" -> 1e3;
      case "ops/us" -> 1e6;
      case "ops/ns" -> 1e9;
      default -> throw new IllegalArgumentException("unknown unit `" + unit + "` in the results");
    };
  }
}
