package dev.orgauthz.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoalReportTest {
  @TempDir Path dir;

  private static String run(
      String benchmark, String mode, int threads, double median, String unit, double bytes) {
    return run(benchmark, mode, threads, median, unit, bytes, "");
  }

  private static String run(
      String benchmark,
      String mode,
      int threads,
      double median,
      String unit,
      double bytes,
      String size) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"benchmark\":\"dev.orgauthz.benchmarks.%s\",\"mode\":\"%s\",\"threads\":%d,"
            + (size.isEmpty() ? "" : "\"params\":{\"size\":\"" + size + "\"},")
            + "\"primaryMetric\":{\"score\":%s,\"scoreError\":1.5,\"scoreUnit\":\"%s\","
            + "\"scorePercentiles\":{\"50.0\":%s}},"
            + "\"secondaryMetrics\":{\"gc.alloc.rate.norm\":{\"score\":%s}}}",
        benchmark,
        mode,
        threads,
        median,
        unit,
        median,
        bytes);
  }

  private String report(String json, boolean withHeap) throws IOException {
    Path results = dir.resolve("results.json");
    Files.writeString(results, json);
    Path output = dir.resolve("output.txt");
    Files.writeString(
        output, withHeap ? "\n" + LargeOrgBenchmark.HEAP_LINE + " 900 MB (LARGE)\n" : "\n");
    GoalReport report = new GoalReport(GoalReport.read(results), GoalReport.heapLine(output));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean complete = report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return complete + "\n" + bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void goalsAreRatiosOfMediansInTheSameRun() throws IOException {
    String json =
        "["
            + String.join(
                ",",
                run("FloorBenchmark.hashLookup", "avgt", 1, 100, "ns/op", 0),
                run("FloorBenchmark.handleLookup", "avgt", 1, 4, "ns/op", 0),
                run("ExampleOrgBenchmark.decide", "avgt", 1, 150, "ns/op", 0.01),
                run("ExampleOrgBenchmark.decideWithConditions", "avgt", 1, 0.6, "us/op", 24),
                run("ExampleOrgBenchmark.explain", "avgt", 1, 3, "us/op", 9000),
                run("LargeOrgBenchmark.decide", "avgt", 1, 400, "ns/op", 0, "LARGE"),
                run("LargeOrgBenchmark.compile", "ss", 1, 8000, "ms/op", 1e9, "LARGE"),
                run("CedarPeerBenchmark.isAuthorized", "avgt", 1, 300_000, "ns/op", 12000),
                run("CedarPeerBenchmark.orgauthzDecide", "avgt", 1, 200, "ns/op", 0),
                run("ThreadsBenchmark.oneThread", "thrpt", 1, 5, "ops/us", 0),
                run("ThreadsBenchmark.twoThreads", "thrpt", 2, 9.5, "ops/us", 0),
                run("HandleApiBenchmark.decide", "avgt", 1, 30, "ns/op", 0))
            + "]";

    String out = report(json, true);

    assertThat(out)
        .startsWith("true\n")
        .contains(
            "| P1 | ExampleOrgBenchmark.decide | 1.50× hashLookup, 0.010 B/op"
                + " | ≤ 2×, 0 B/op | yes |")
        .contains(
            "| P2 | ExampleOrgBenchmark.decideWithConditions | 6.00× hashLookup, 24.0 B/op"
                + " | ≤ 5×, 0 B/op | no |")
        .contains(
            "4.00× hashLookup; compile 8.00 s; retained heap 900 MB (LARGE)"
                + " | ≤ 5×; compile < 10 s; heap reported | yes |")
        .contains("| P4 | ExampleOrgBenchmark.explain | 20.0× decide | ≤ 50× | yes |")
        .contains("| Cedar 1,500× slower | ≥ 1,000× | yes |")
        .contains("| 1.90× | ≥ 1.8× | yes |")
        .contains("| P7 | HandleApiBenchmark.decide | 7.50× handleLookup | ≤ 5× | no |")
        .contains(
            "| ExampleOrgBenchmark.decideWithConditions | avgt | 1 | 0.600 | ± 1.50 | us/op"
                + " | 24.0 |");
  }

  @Test
  void aGoalWhoseBenchmarksDidNotRunSaysSo() throws IOException {
    String json = "[" + run("FloorBenchmark.hashLookup", "avgt", 1, 100, "ns/op", 0) + "]";

    String out = report(json, false);

    assertThat(out)
        .startsWith("false\n")
        .contains("| P1 | ExampleOrgBenchmark.decide | not run |  | not run |")
        .contains("| P6 | ThreadsBenchmark | not run |  | not run |");
  }

  @Test
  void theLargeOrganizationGoalCountsOnlyAtSizeLarge() throws IOException {
    String json =
        "["
            + String.join(
                ",",
                run("FloorBenchmark.hashLookup", "avgt", 1, 100, "ns/op", 0),
                run("LargeOrgBenchmark.decide", "avgt", 1, 400, "ns/op", 0, "MEDIUM"),
                run("LargeOrgBenchmark.compile", "ss", 1, 800, "ms/op", 1e9, "MEDIUM"))
            + "]";

    String out = report(json, true);

    assertThat(out)
        .contains("| P3 | LargeOrgBenchmark.decide (size=MEDIUM), LargeOrgBenchmark.compile")
        .contains("| not at size LARGE |");
  }
}
