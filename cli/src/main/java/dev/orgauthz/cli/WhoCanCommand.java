package dev.orgauthz.cli;

import dev.orgauthz.Authorizer;
import dev.orgauthz.query.AllowedRole;
import dev.orgauthz.query.AllowedUser;
import dev.orgauthz.query.UserAccess;
import dev.orgauthz.query.WhoCan;
import dev.orgauthz.query.WhoCanAnswer;
import dev.orgauthz.query.WhoCanQuestion;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz who-can}: every user and role that can perform an action. */
@Command(
    name = "who-can",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Lists every user who can perform an action in an account, an OU or the whole organization,"
          + " with the permission set and the group (or direct assignment) that gives it, then"
          + " the roles (account, permission set) that can.",
      "Each role is evaluated once for all its users; only a role whose policies read a key that"
          + " differs between users (aws:PrincipalTag/..., aws:userid, identitystore:UserId) is"
          + " evaluated user by user."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz who-can --action ec2:TerminateInstances --region eu-west-1",
      "  Who can ec2:TerminateInstances in the organization, region eu-west-1?",
      "  3 users through 5 roles in 4 accounts",
      "",
      "  USER   ACCOUNT                     PERMISSION SET       VIA",
      "  alice  Audit (333333333333)        AdministratorAccess  group Admins",
      "  alice  Log Archive (222222222222)  AdministratorAccess  group Admins",
      "  alice  Management (111111111111)   AdministratorAccess  group Admins",
      "  alice  Staging (555555555555)      AdministratorAccess  group Admins",
      "  bob    Staging (555555555555)      Developer            group Developers",
      "  dave   Staging (555555555555)      Developer            group Developers",
      "  ...",
      "",
      "More: --in Development (an account), --in Sandbox (an OU), --context"
          + " aws:ResourceTag/CostCenter=CC-2001, --json.",
      "",
      "Exit status: 0 success, 2 bad input."
    })
final class WhoCanCommand implements Callable<Integer> {
  @Option(
      names = "--action",
      required = true,
      paramLabel = "SERVICE:ACTION",
      description = "The action, such as ec2:TerminateInstances.")
  String action = "";

  @Option(
      names = {"--in", "--account", "--ou"},
      paramLabel = "ID|NAME",
      description =
          "Where to look: an account or an OU (id or name); the whole organization by default.")
  @Nullable String scope;

  @Mixin QueryOptions query = new QueryOptions();
  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WhoCanAnswer answer;
    try {
      WhoCanQuestion question =
          new WhoCanQuestion(
              action, query.resource, scope, query.region, query.contextKeys(), null);
      WhoCan whoCan = WhoCan.of(Authorizer.compile(snapshot.load()));
      try (ProgressBar bar = ProgressBar.on(spec.commandLine().getErr(), "who-can")) {
        answer = whoCan.ask(question, bar);
      }
    } catch (IllegalArgumentException e) {
      // Main prints the message as one line on standard error, and the trace with --debug.
      throw new CommandFailure(String.valueOf(e.getMessage()), e);
    }
    if (json) {
      out.println(json(answer));
    } else {
      out.print(text(answer));
    }
    out.flush();
    return 0;
  }

  private String text(WhoCanAnswer answer) {
    List<UserAccess> users = answer.users();
    long accounts = answer.roles().stream().map(r -> r.account().id()).distinct().count();
    StringBuilder out = new StringBuilder();
    out.append("Who can ")
        .append(action)
        .append(" in ")
        .append(answer.scope())
        .append(query.where())
        .append("?\n");
    out.append(Texts.count(answer.userNames().size(), "user"))
        .append(" through ")
        .append(Texts.count(answer.roles().size(), "role"))
        .append(" in ")
        .append(Texts.count(accounts, "account"))
        .append('\n');
    if (users.isEmpty()) {
      out.append("To see why for one user, run `orgauthz explain --user NAME --action ")
          .append(action)
          .append(" --account ACCOUNT`\n");
      return out.toString();
    }
    Table table = new Table("USER", "ACCOUNT", "PERMISSION SET", "VIA");
    for (UserAccess user : users) {
      table.row(user.userName(), user.account().label(), user.permissionSet(), user.via());
    }
    out.append('\n').append(table.render());

    Table roles = new Table("ACCOUNT", "PERMISSION SET", "USERS", "EVALUATED");
    for (AllowedRole role : answer.roles()) {
      roles.row(
          role.account().label(),
          role.permissionSet(),
          Integer.toString(role.users().size()),
          role.evaluatedPerUser() ? "per user" : "once for the role");
    }
    out.append('\n').append(roles.render());
    out.append('\n')
        .append(Texts.count(answer.rolesEvaluated(), "role"))
        .append(" evaluated once each, ")
        .append(Texts.count(answer.userEvaluations(), "decision"))
        .append(" for one user of a role\n");
    return out.toString();
  }

  private ObjectNode json(WhoCanAnswer answer) {
    ObjectNode out = DecisionJson.JSON.createObjectNode();
    out.put("action", action);
    out.put("resource", query.resource);
    out.put("region", query.region);
    out.put("scope", answer.scope());
    out.put("accountsInScope", answer.accounts().size());
    out.put("rolesEvaluated", answer.rolesEvaluated());
    out.put("userEvaluations", answer.userEvaluations());
    ArrayNode users = out.putArray("users");
    for (UserAccess user : answer.users()) {
      ObjectNode node =
          users
              .addObject()
              .put("user", user.userName())
              .put("userId", user.userId())
              .put("accountId", user.account().id())
              .put("accountName", user.account().name())
              .put("permissionSet", user.permissionSet())
              .put("direct", user.direct());
      ArrayNode groups = node.putArray("groups");
      user.groups().forEach(groups::add);
    }
    ArrayNode roles = out.putArray("roles");
    for (AllowedRole role : answer.roles()) {
      ObjectNode node =
          roles
              .addObject()
              .put("accountId", role.account().id())
              .put("accountName", role.account().name())
              .put("permissionSet", role.permissionSet())
              .put("permissionSetArn", role.permissionSetArn())
              .put("roleArn", role.roleArn())
              .put("evaluatedPerUser", role.evaluatedPerUser());
      ArrayNode names = node.putArray("users");
      for (AllowedUser user : role.users()) {
        names.add(user.userName());
      }
    }
    return out;
  }
}
