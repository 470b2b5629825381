package dev.orgauthz.cli;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.policy.PolicyException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orgauthz explain}: answers one question and says why. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Answers whether a principal can perform an action on a resource in an account, and says"
          + " why: what granted it (permission set, policy, statement), what blocked each"
          + " permission set's role (the layer; for SCPs and RCPs the policy, statement and level"
          + " of the organization), and the condition keys the request lacked."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz explain --user alice --action organizations:LeaveOrganization"
          + " --account Production",
      "",
      "Exit status: 0 allowed, 1 denied, 2 bad input."
    })
final class ExplainCommand implements Callable<Integer> {
  @Mixin RequestOptions options = new RequestOptions();
  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Option(names = "--json", description = "Print the decision as JSON.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Decision decision;
    try {
      decision = Authorizer.compile(snapshot.load()).explain(options.toRequest());
    } catch (IllegalArgumentException | PolicyException e) {
      // Main prints the message as one line on standard error, and the trace with --debug.
      throw new CommandFailure(String.valueOf(e.getMessage()), e);
    }
    if (json) {
      out.println(DecisionJson.full(decision));
    } else {
      out.print(decision.render());
    }
    out.flush();
    return decision.outcome() == Outcome.ALLOWED ? 0 : 1;
  }
}
