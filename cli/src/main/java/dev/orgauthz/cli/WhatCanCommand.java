package dev.orgauthz.cli;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Block;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.query.ActionCatalog;
import dev.orgauthz.query.BlockedAction;
import dev.orgauthz.query.Coverage;
import dev.orgauthz.query.ServiceAccess;
import dev.orgauthz.query.WhatCan;
import dev.orgauthz.query.WhatCanAnswer;
import dev.orgauthz.query.WhatCanQuestion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz what-can}: what a user or a permission set can do in an account. */
@Command(
    name = "what-can",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Lists what a user, or a permission set, can do in an account: per service, all, some (with"
          + " the actions) or none of its actions; then the actions a permission set grants but"
          + " service control policies block.",
      "The actions are every action of every AWS service (the bundled catalog), or with"
          + " --actions mentioned those the snapshot's policies name without wildcard."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz what-can --permission-set PowerUser --account Development --region eu-west-1",
      "  What can permission set PowerUser do in Development (777777777777), region eu-west-1?",
      "  ...",
      "  Granted by a permission set but blocked by service control policies:",
      "",
      "  PERMISSION SET  ACTION                  BLOCKED BY",
      "  PowerUser       ec2:TerminateInstances  explicit deny: ProtectNonProduction"
          + " DenyTerminateAndDeleteBucket at Sandbox (ou-ex12-sandboxou)",
      "",
      "More: --user bob --account Staging, --json.",
      "",
      "Exit status: 0 success, 2 bad input."
    })
final class WhatCanCommand implements Callable<Integer> {
  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "The Identity Center user, by user name or user id.")
  @Nullable String user;

  @Option(
      names = "--permission-set",
      paramLabel = "NAME",
      description =
          "The permission set (name or ARN): with --user, only this one of the user's; alone, the"
              + " permission set's role without user attributes.")
  @Nullable String permissionSet;

  @Option(
      names = "--account",
      required = true,
      paramLabel = "ID|NAME",
      description = "The account.")
  String account = "";

  @Option(
      names = "--actions",
      paramLabel = "CATALOG",
      defaultValue = "all",
      description =
          "Which actions to ask about: `all` (every action of every AWS service, the bundled"
              + " catalog; the default) or `mentioned` (those the snapshot's policies name without"
              + " wildcard).")
  String actions = "all";

  @Mixin QueryOptions query = new QueryOptions();
  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    WhatCanAnswer answer;
    try {
      if (user == null && permissionSet == null) {
        throw new IllegalArgumentException(
            "name the principal with --user NAME or --permission-set NAME");
      }
      WhatCanQuestion question =
          new WhatCanQuestion(
              user,
              permissionSet,
              account,
              query.resource,
              query.region,
              query.contextKeys(),
              null);
      Authorizer authorizer = Authorizer.compile(snapshot.load());
      WhatCan whatCan =
          switch (actions) {
            case "all" -> WhatCan.of(authorizer);
            case "mentioned" ->
                WhatCan.of(authorizer, ActionCatalog.mentionedIn(authorizer.snapshot()));
            default ->
                throw new IllegalArgumentException(
                    "unknown --actions `" + actions + "`: use `all` or `mentioned`");
          };
      try (ProgressBar bar = ProgressBar.on(spec.commandLine().getErr(), "what-can")) {
        answer = whatCan.ask(question, bar);
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

  private String text(WhatCanAnswer answer) {
    StringBuilder out = new StringBuilder();
    out.append("What can ")
        .append(answer.principal())
        .append(" do in ")
        .append(answer.account().label())
        .append(query.where())
        .append("?\n");
    if (answer.permissionSets().isEmpty()) {
      out.append(answer.principal())
          .append(" has no assignment in ")
          .append(answer.account().label())
          .append(", so can do nothing there\n");
      return out.toString();
    }
    out.append("Permission sets: ")
        .append(String.join(", ", answer.permissionSets()))
        .append("; over ")
        .append(Texts.count(answer.actionsEvaluated(), "action"))
        .append(" of ")
        .append(Texts.count(answer.services().size(), "service"))
        .append('\n');

    Table table = new Table("SERVICE", "ALLOWED", "ACTIONS");
    for (ServiceAccess service : answer.services()) {
      if (service.coverage() != Coverage.NONE) {
        table.row(
            service.service(),
            service.coverage().name().toLowerCase(Locale.ROOT),
            service.allowed().size() + " of " + service.actions());
      }
    }
    out.append('\n');
    if (table.isEmpty()) {
      out.append("No action allowed\n");
    } else {
      out.append(table.render());
    }
    for (ServiceAccess service : answer.services(Coverage.SOME)) {
      out.append('\n').append(wrap(service.service() + ": ", service.allowed()));
    }
    List<String> none =
        answer.services(Coverage.NONE).stream().map(ServiceAccess::service).toList();
    if (!none.isEmpty()) {
      out.append('\n').append(wrap("None in: ", none));
    }

    out.append('\n');
    if (answer.blockedByScps().isEmpty()) {
      out.append("No action granted by a permission set is blocked by service control policies\n");
      return out.toString();
    }
    out.append("Granted by a permission set but blocked by service control policies:\n\n");
    Table blocked = new Table("PERMISSION SET", "ACTION", "BLOCKED BY");
    for (BlockedAction action : answer.blockedByScps()) {
      blocked.row(action.permissionSet(), action.action(), describe(action.block()));
    }
    out.append(blocked.render());
    return out.toString();
  }

  /** Words after a label, comma-separated, wrapped at 100 columns, continued with an indent. */
  static String wrap(String label, List<String> words) {
    StringBuilder out = new StringBuilder(label);
    int column = label.length();
    boolean first = true;
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i) + (i < words.size() - 1 ? "," : "");
      if (!first && column + 1 + word.length() > 100) {
        out.append("\n  ");
        column = 2;
        first = true;
      }
      if (!first) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
      first = false;
    }
    return out.append('\n').toString();
  }

  /** A block in one line: the deny statements, or the level without an allow. */
  static String describe(Block block) {
    if (!block.statements().isEmpty()) {
      StringBuilder out = new StringBuilder("explicit deny: ");
      for (int i = 0; i < block.statements().size(); i++) {
        MatchedStatement statement = block.statements().get(i);
        out.append(i == 0 ? "" : "; ")
            .append(statement.policyName())
            .append(' ')
            .append(statement.sid() != null ? statement.sid() : "#" + statement.statementIndex())
            .append(level(statement.levelId(), statement.levelName()));
      }
      return out.toString();
    }
    return "no SCP allows it" + level(block.levelId(), block.levelName());
  }

  private static String level(@Nullable String id, @Nullable String name) {
    if (id == null) {
      return "";
    }
    return " at " + (name == null || name.equals(id) ? id : name + " (" + id + ")");
  }

  private ObjectNode json(WhatCanAnswer answer) {
    ObjectNode out = DecisionJson.JSON.createObjectNode();
    out.put("principal", answer.principal());
    out.put("accountId", answer.account().id());
    out.put("accountName", answer.account().name());
    out.put("resource", query.resource);
    out.put("region", query.region);
    ArrayNode sets = out.putArray("permissionSets");
    answer.permissionSets().forEach(sets::add);
    out.put("actionsEvaluated", answer.actionsEvaluated());
    ArrayNode services = out.putArray("services");
    for (ServiceAccess service : answer.services()) {
      ObjectNode node =
          services
              .addObject()
              .put("service", service.service())
              .put("allowed", service.coverage().name().toLowerCase(Locale.ROOT))
              .put("actions", service.actions());
      ArrayNode actions = node.putArray("allowedActions");
      service.allowed().forEach(actions::add);
    }
    ArrayNode blocked = out.putArray("blockedByScps");
    for (BlockedAction action : answer.blockedByScps()) {
      Block block = action.block();
      blocked
          .addObject()
          .put("permissionSet", action.permissionSet())
          .put("action", action.action())
          .put("decision", block.outcome().caseName())
          .put("levelId", block.levelId())
          .put("levelName", block.levelName())
          .put("reason", describe(block));
    }
    return out;
  }
}
