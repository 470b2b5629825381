package dev.orgauthz.cli;

import dev.orgauthz.Authorizer;
import dev.orgauthz.PortalEntry;
import dev.orgauthz.PortalRole;
import dev.orgauthz.policy.PolicyException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz portal}: what a user sees in the AWS access portal. */
@Command(
    name = "portal",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Lists the accounts a user can open in the AWS access portal and, for each, the permission"
          + " sets with the role each one opens."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz portal --user bob",
      "",
      "Exit status: 0 success, 2 bad input."
    })
final class PortalCommand implements Callable<Integer> {
  @Option(
      names = "--user",
      required = true,
      paramLabel = "NAME",
      description = "The Identity Center user, by user name or user id.")
  String user = "";

  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PortalEntry> portal;
    try {
      portal = Authorizer.compile(snapshot.load()).portal(user);
    } catch (IllegalArgumentException | PolicyException e) {
      // Main prints the message as one line on standard error, and the trace with --debug.
      throw new CommandFailure(String.valueOf(e.getMessage()), e);
    }
    if (json) {
      ObjectNode root = DecisionJson.JSON.createObjectNode().put("user", user);
      ArrayNode accounts = root.putArray("accounts");
      for (PortalEntry entry : portal) {
        ObjectNode account =
            accounts
                .addObject()
                .put("accountId", entry.account().id())
                .put("accountName", entry.account().name())
                .put("email", entry.account().email());
        ArrayNode roles = account.putArray("permissionSets");
        for (PortalRole role : entry.roles()) {
          roles
              .addObject()
              .put("permissionSet", role.permissionSet())
              .put("roleArn", role.roleArn())
              .put("sessionDuration", role.sessionDuration().toString())
              .put("usable", role.usable());
        }
      }
      out.println(root);
    } else {
      out.println(
          user + " can open " + portal.size() + (portal.size() == 1 ? " account" : " accounts"));
      for (PortalEntry entry : portal) {
        out.println();
        out.println(entry.account().label());
        for (PortalRole role : entry.roles()) {
          out.println(
              "  "
                  + role.permissionSet()
                  + "  "
                  + role.roleArn()
                  + (role.usable() ? "" : "  (assigned but not usable)"));
        }
      }
    }
    out.flush();
    return 0;
  }
}
