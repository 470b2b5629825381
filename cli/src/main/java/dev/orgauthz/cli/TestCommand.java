package dev.orgauthz.cli;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.intent.IntentFileException;
import dev.orgauthz.testing.intent.IntentReader;
import dev.orgauthz.testing.intent.IntentResult;
import dev.orgauthz.testing.intent.IntentRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orgauthz test --snapshot PATH INTENTS.json...}: runs policy intents. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Runs policy intents: questions about the organization with the answer a team expects, in"
          + " JSON files of the format of intents.schema.json, such as {\"intents\": [{\"name\":"
          + " \"no one in Sandbox can leave the organization\", \"everyUser\": true, \"action\":"
          + " \"organizations:LeaveOrganization\", \"ou\": \"Sandbox\", \"expect\": \"Denied\","
          + " \"blockedBy\": \"DenyLeaveOrganization\"}]}.",
      "Prints one line per intent, PASS or FAIL with the first answer that differs; then, for"
          + " each intent that failed, every answer that differs with its explanation; then a"
          + " last line `N passed, M failed`. An intent that cannot run (a name that the"
          + " organization lacks) fails."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz test --snapshot example guardrails.json",
      "  PASS  no one in Sandbox can leave the organization",
      "  PASS  developers cannot terminate instances in Production",
      "  2 passed, 0 failed",
      "",
      "Exit status: 0 when every intent held, 1 when one failed, 2 for bad usage, a snapshot or"
          + " an intent file that cannot be read."
    })
final class TestCommand implements Callable<Integer> {
  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Parameters(
      arity = "1..*",
      paramLabel = "INTENTS.json",
      description = "An intent file; the intents of several files run in order.")
  List<Path> files = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Authorizer authorizer;
    try {
      authorizer = Authorizer.compile(snapshot.load());
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(String.valueOf(e.getMessage()), e);
    }
    List<Intent> intents = new ArrayList<>();
    for (Path file : files) {
      try {
        intents.addAll(IntentReader.read(file));
      } catch (IntentFileException e) {
        throw new CommandFailure(String.valueOf(e.getMessage()), e);
      }
    }

    // One line per intent, then the reports of those that failed, then the count
    List<IntentResult> results = IntentRunner.run(authorizer, intents);
    PrintWriter out = spec.commandLine().getOut();
    int passed = 0;
    for (IntentResult result : results) {
      out.println(result.line());
      passed += result.passed() ? 1 : 0;
    }
    for (IntentResult result : results) {
      if (!result.passed()) {
        out.println();
        out.print(result.report());
      }
    }
    int failed = results.size() - passed;
    if (failed > 0) {
      out.println();
    }
    out.println(passed + " passed, " + failed + " failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
