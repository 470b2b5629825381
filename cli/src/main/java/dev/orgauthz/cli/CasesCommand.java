package dev.orgauthz.cli;

import dev.orgauthz.testing.conformance.CaseEntry;
import dev.orgauthz.testing.conformance.CaseReader;
import dev.orgauthz.testing.conformance.CaseResult;
import dev.orgauthz.testing.conformance.CaseRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz cases PATH...}: runs conformance cases and reports each decision. */
@Command(
    name = "cases",
    mixinStandardHelpOptions = true,
    description = {
      "Runs conformance cases: .json files (one case each), .jsonl files (one case a line) and"
          + " directories (every such file below them, in path order).",
      "Prints one JSON object per case, {\"name\": ..., \"decision\": ...}, where the decision is"
          + " Allowed, ImplicitlyDenied, ExplicitlyDenied or Error (then with \"error\"), plus"
          + " \"expected\" and \"match\" when the case has an expected answer; then a last line"
          + " `N passed, M failed` counting the cases with an expected answer. A case that"
          + " cannot be read is an Error and counts as failed."
    },
    usageHelpWidth = 100,
    footer = {
      "",
      "Example:",
      "  $ orgauthz cases test-fixtures/src/test/resources/conformance/cases",
      "  ...",
      "  {\"name\":\"resource-arn-wildcards-match\",\"decision\":\"Allowed\","
          + "\"expected\":\"Allowed\",\"match\":true}",
      "  ...",
      "  48 passed, 0 failed",
      "",
      "Exit status: 0 when every case with an expected answer matched, 1 otherwise,"
          + " 2 for bad usage or a path that cannot be read."
    })
final class CasesCommand implements Callable<Integer> {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A .json or .jsonl file, or a directory of them.")
  List<Path> paths = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<CaseEntry> entries = new ArrayList<>();
    for (Path path : paths) {
      entries.addAll(read(path));
    }

    PrintWriter out = spec.commandLine().getOut();
    int passed = 0;
    int failed = 0;
    for (CaseEntry entry : entries) {
      CaseResult result = CaseRunner.run(entry);
      out.println(line(result));
      if (result.passed()) {
        passed++;
      } else if (result.failed()) {
        failed++;
      }
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  private static List<CaseEntry> read(Path path) {
    try {
      return CaseReader.readEntries(path);
    } catch (NoSuchFileException e) {
      throw new CommandFailure("path `" + path + "` does not exist", e);
    } catch (AccessDeniedException e) {
      throw new CommandFailure("path `" + e.getFile() + "` cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new CommandFailure("path `" + path + "` cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage(), e);
    }
  }

  /** One result as the runner contract prints it. */
  static String line(CaseResult result) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", result.name());
    node.put("decision", result.decision().caseName());
    if (result.error() != null) {
      node.put("error", result.error());
    }
    if (result.expected() != null) {
      node.put("expected", result.expected().caseName());
      node.put("match", result.matches());
    }
    return JSON.writeValueAsString(node);
  }
}
