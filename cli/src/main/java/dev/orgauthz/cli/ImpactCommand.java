package dev.orgauthz.cli;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Block;
import dev.orgauthz.Decision;
import dev.orgauthz.Grant;
import dev.orgauthz.Snapshot;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.query.Change;
import dev.orgauthz.query.Flip;
import dev.orgauthz.query.Impact;
import dev.orgauthz.query.ImpactAnswer;
import dev.orgauthz.query.ImpactQuestions;
import dev.orgauthz.query.Unanswered;
import dev.orgauthz.testing.intent.Answer;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.intent.IntentFileException;
import dev.orgauthz.testing.intent.IntentReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz impact}: the decisions a change flips. */
@Command(
    name = "impact",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Lists the decisions that a change to the organization flips, each with why before and"
          + " after. Give the change with --change (repeatable), or a second snapshot with"
          + " --after.",
      "The questions are those of --intents FILE (an intents file, or JSON Lines as `check"
          + " --batch` reads them), or, by default, every user in every account where they have a"
          + " role, for every action the policies name. Only the questions the change can affect"
          + " are asked: those about an account under a changed node, a role of a changed"
          + " permission set, or a user whose assignments changed.",
      "Changes: `detach POLICY from TARGET`, `attach POLICY to TARGET` (an SCP or RCP to the root,"
          + " an OU or an account; an AWS managed policy to a permission set), `move ACCOUNT to"
          + " PARENT`, `assign PERMISSION_SET to USER_OR_GROUP in ACCOUNT`, `unassign"
          + " PERMISSION_SET from USER_OR_GROUP in ACCOUNT`, `edit POLICY with FILE.json` (an SCP"
          + " or RCP, a managed"
          + " policy ARN, or a permission set's inline policy). Names are ids or names."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz impact --change 'detach ProtectNonProduction from Sandbox' --region eu-west-1",
      "  Impact of: detach ProtectNonProduction from Sandbox",
      "  Can affect: accounts Development (777777777777)",
      "  Asked 112 of 644 questions (users x accounts x actions the policies name), region"
          + " eu-west-1",
      "  8 decisions flip",
      "",
      "  USER   ACCOUNT                     ACTION                  BEFORE            AFTER",
      "  alice  Development (777777777777)  ec2:TerminateInstances  ExplicitlyDenied  Allowed",
      "  ...",
      "",
      "More: --change 'move Development to Workloads', --intents intents.jsonl, --json.",
      "",
      "Exit status: 0 no decision flips (and every intent holds after the change), 1 some"
          + " decision flips or an intent fails after the change, 2 bad input."
    })
final class ImpactCommand implements Callable<Integer> {
  @Option(
      names = "--change",
      paramLabel = "CHANGE",
      description = "A change, such as 'detach ProtectNonProduction from Sandbox'; repeatable.")
  List<String> changes = new ArrayList<>();

  @Option(
      names = "--after",
      paramLabel = "PATH",
      description = "Instead of --change: the snapshot after the change.")
  @Nullable String after;

  @Option(
      names = "--intents",
      paramLabel = "FILE",
      description =
          "The questions: an intents file (.json, as `orgauthz test` reads it), whose intents are"
              + " also held before and after the change; or a .jsonl file, one question per line"
              + " as `check --batch` reads them.")
  @Nullable Path intents;

  @Option(
      names = "--max-flips",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "How many flipped decisions to list with their explanations (default: ${DEFAULT-VALUE});"
              + " the others are counted.")
  int maxFlips = 1000;

  @Mixin QueryOptions query = new QueryOptions();
  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  @Spec CommandSpec spec;

  /** The changes given, parsed. */
  private List<Change> changed = List.of();

  /** The intents of an intents file, with their verdicts before and after; empty otherwise. */
  private List<IntentChange> intentVerdicts = List.of();

  /** The intents read from {@code --intents FILE.json}; empty for a JSON Lines file or none. */
  private List<Intent> intentList = List.of();

  private record IntentChange(Intent intent, boolean before, boolean after) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ImpactAnswer answer;
    try {
      if (changes.isEmpty() == (after == null)) {
        throw new IllegalArgumentException(
            "give the change with --change 'detach POLICY from TARGET' (see --help for the"
                + " others), or the changed snapshot with --after PATH");
      }
      Authorizer before = Authorizer.compile(snapshot.load());
      List<Change> parsed = new ArrayList<>();
      Authorizer afterChange;
      if (after != null) {
        SnapshotOption other = new SnapshotOption();
        other.path = after;
        afterChange = Authorizer.compile(other.load());
      } else {
        for (String change : changes) {
          parsed.add(parse(change, before.snapshot()));
        }
        afterChange = Authorizer.compile(Change.apply(before.snapshot(), parsed));
      }
      ImpactQuestions questions = questions(before);
      try (ProgressBar bar = ProgressBar.on(spec.commandLine().getErr(), "impact")) {
        answer = Impact.between(before, afterChange, questions, maxFlips, bar);
      }
      intentVerdicts = verdicts(before, afterChange);
      changed = parsed;
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
    return answer.flipCount() == 0 && intentVerdicts.stream().allMatch(IntentChange::after) ? 0 : 1;
  }

  // ---- input

  private ImpactQuestions questions(Authorizer before) {
    Path file = intents;
    if (file == null) {
      return new ImpactQuestions.Generated(query.resource, query.region, query.contextKeys(), null);
    }
    if (!file.toString().endsWith(".jsonl")) {
      return intentQuestions(file, before);
    }
    List<AccessRequest> requests = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          requests.add(CheckCommand.request(DecisionJson.JSON.readTree(line), number));
        } catch (IllegalArgumentException | JacksonException e) {
          throw new IllegalArgumentException(
              "`" + file + "` line " + number + ": " + oneLine(e.getMessage()), e);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read `" + file + "`: " + e.getMessage(), e);
    }
    return ImpactQuestions.of(requests);
  }

  /** The requests that the intents of an intents file stand for, as asked before the change. */
  private ImpactQuestions intentQuestions(Path file, Authorizer before) {
    try {
      intentList = IntentReader.read(file);
    } catch (IntentFileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<AccessRequest> requests = new ArrayList<>();
    for (Intent intent : intentList) {
      for (Answer answer : intent.question().ask(before).answers()) {
        requests.add(answer.decision().request());
      }
    }
    return ImpactQuestions.of(requests);
  }

  /** Each intent of an intents file, held before and after the change. */
  private List<IntentChange> verdicts(Authorizer before, Authorizer afterChange) {
    List<IntentChange> out = new ArrayList<>();
    for (Intent intent : intentList) {
      boolean passedBefore = intent.check(before).passed();
      boolean passedAfter;
      try {
        passedAfter = intent.check(afterChange).passed();
      } catch (IllegalArgumentException e) {
        passedAfter = false;
      }
      out.add(new IntentChange(intent, passedBefore, passedAfter));
    }
    return out;
  }

  private static String oneLine(@Nullable String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * A change as a person writes it.
   *
   * @throws IllegalArgumentException when the phrase is none of the known forms
   */
  static Change parse(String phrase, Snapshot snapshot) {
    String text = phrase.strip();
    int space = text.indexOf(' ');
    String verb = space < 0 ? text : text.substring(0, space);
    String rest = space < 0 ? "" : text.substring(space + 1).strip();
    switch (verb) {
      case "detach" -> {
        String[] parts = split(rest, " from ", phrase, "detach POLICY from TARGET");
        return new Change.DetachPolicy(parts[0], parts[1]);
      }
      case "attach" -> {
        String[] parts = split(rest, " to ", phrase, "attach POLICY to TARGET");
        return new Change.AttachPolicy(parts[0], parts[1]);
      }
      case "move" -> {
        String[] parts = split(rest, " to ", phrase, "move ACCOUNT to PARENT");
        return new Change.MoveAccount(parts[0], parts[1]);
      }
      case "assign", "unassign" -> {
        boolean add = verb.equals("assign");
        String form =
            add
                ? "assign PERMISSION_SET to USER_OR_GROUP in ACCOUNT"
                : "unassign PERMISSION_SET from USER_OR_GROUP in ACCOUNT";
        String[] first = split(rest, add ? " to " : " from ", phrase, form);
        String[] second = split(first[1], " in ", phrase, form);
        return add
            ? new Change.AddAssignment(second[1], first[0], second[0])
            : new Change.RemoveAssignment(second[1], first[0], second[0]);
      }
      case "edit" -> {
        String[] parts = split(rest, " with ", phrase, "edit POLICY with FILE.json");
        return new Change.EditPolicy(parts[0], document(snapshot, parts[0], Path.of(parts[1])));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown change `"
                  + phrase
                  + "`: write `detach POLICY from TARGET`, `attach POLICY to TARGET`, `move"
                  + " ACCOUNT to PARENT`, `assign PERMISSION_SET to USER_OR_GROUP in ACCOUNT`,"
                  + " `unassign PERMISSION_SET from USER_OR_GROUP in ACCOUNT` or `edit POLICY with"
                  + " FILE.json`");
    }
  }

  private static String[] split(String rest, String word, String phrase, String form) {
    int at = rest.lastIndexOf(word);
    if (at <= 0 || at + word.length() >= rest.length()) {
      throw new IllegalArgumentException(
          "change `" + phrase + "` is not of the form `" + form + "`");
    }
    return new String[] {rest.substring(0, at).strip(), rest.substring(at + word.length()).strip()};
  }

  /**
   * Reads a policy file as the kind of policy it replaces: an SCP or RCP of the snapshot by id or
   * name, else an identity policy (a managed policy or a permission set's inline policy).
   */
  private static PolicyDocument document(Snapshot snapshot, String policy, Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read `" + file + "`: " + e.getMessage(), e);
    }
    PolicyType type = PolicyType.IDENTITY;
    for (ControlPolicy control : snapshot.organization().policies()) {
      PolicyType kind = ControlPolicy.policyType(control.type());
      if ((control.id().equals(policy) || control.name().equals(policy)) && kind != null) {
        type = kind;
      }
    }
    try {
      return Policies.parse(text, type, file.toString());
    } catch (PolicyException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  // ---- output

  private String text(ImpactAnswer answer) {
    StringBuilder out = new StringBuilder();
    if (!changed.isEmpty()) {
      out.append("Impact of: ");
      for (int i = 0; i < changed.size(); i++) {
        out.append(i == 0 ? "" : "; ").append(changed.get(i).describe());
      }
      out.append('\n');
    } else {
      out.append("Impact of going from ").append(snapshot.path).append(" to ").append(after);
      out.append('\n');
    }
    out.append("Can affect: ").append(affected(answer)).append('\n');
    out.append("Asked ")
        .append(answer.asked())
        .append(" of ")
        .append(Texts.count(answer.questions(), "question"))
        .append(
            intents != null ? " of " + intents : " (users x accounts x actions the policies name)")
        .append(query.where())
        .append('\n');
    out.append(
            answer.flips().size() == 1
                ? "1 decision flips"
                : answer.flips().size() + " decisions flip")
        .append('\n');
    if (!answer.flips().isEmpty()) {
      Table table = new Table("USER", "ACCOUNT", "ACTION", "BEFORE", "AFTER");
      for (Flip flip : answer.flips()) {
        table.row(
            flip.before().principal(),
            flip.before().account().label(),
            flip.question().action(),
            flip.before().outcome().caseName(),
            flip.after().outcome().caseName());
      }
      out.append('\n').append(table.render());
      out.append("\nWhy, before and after:\n");
      for (Flip flip : answer.flips()) {
        out.append('\n')
            .append(flip.before().principal())
            .append(' ')
            .append(flip.question().action())
            .append(" in ")
            .append(flip.before().account().label())
            .append('\n');
        out.append("  before: ").append(why(flip.before())).append('\n');
        out.append("  after:  ").append(why(flip.after())).append('\n');
      }
    }
    if (!intentVerdicts.isEmpty()) {
      out.append('\n');
      Table table = new Table("BEFORE", "AFTER", "INTENT");
      for (IntentChange verdict : intentVerdicts) {
        table.row(
            verdict.before() ? "PASS" : "FAIL",
            verdict.after() ? "PASS" : "FAIL",
            verdict.intent().displayName());
      }
      out.append(table.render());
    }
    for (Unanswered question : answer.unanswered()) {
      out.append("\nNot answered")
          .append(question.index() >= 0 ? " (line " + (question.index() + 1) + ")" : "")
          .append(": ")
          .append(question.reason())
          .append('\n');
    }
    return out.toString();
  }

  private static String affected(ImpactAnswer answer) {
    if (answer.everything()) {
      return "every decision";
    }
    List<String> parts = new ArrayList<>();
    if (!answer.affectedAccounts().isEmpty()) {
      parts.add("accounts " + String.join(", ", answer.affectedAccounts()));
    }
    if (!answer.affectedPermissionSets().isEmpty()) {
      parts.add("permission sets " + String.join(", ", answer.affectedPermissionSets()));
    }
    if (!answer.affectedUsers().isEmpty()) {
      parts.add("users " + String.join(", ", answer.affectedUsers()));
    }
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }

  /** One line: the outcome and what granted or blocked it. */
  private static String why(Decision decision) {
    StringBuilder out = new StringBuilder(decision.outcome().caseName());
    List<Grant> grants = decision.grantedBy();
    if (!grants.isEmpty()) {
      return out.append(": ").append(grants.get(0).describe()).toString();
    }
    List<Block> blocks = decision.blockedBy();
    if (blocks.isEmpty()) {
      return out.append(decision.note().isEmpty() ? "" : ": " + decision.note()).toString();
    }
    for (int i = 0; i < blocks.size(); i++) {
      out.append(i == 0 ? ": " : "; ").append(blocks.get(i).describe());
    }
    return out.toString();
  }

  private ObjectNode json(ImpactAnswer answer) {
    ObjectNode out = DecisionJson.JSON.createObjectNode();
    ArrayNode described = out.putArray("changes");
    changed.forEach(change -> described.add(change.describe()));
    ObjectNode affected = out.putObject("canAffect");
    affected.put("everything", answer.everything());
    ArrayNode accounts = affected.putArray("accounts");
    answer.affectedAccounts().forEach(accounts::add);
    ArrayNode sets = affected.putArray("permissionSets");
    answer.affectedPermissionSets().forEach(sets::add);
    ArrayNode users = affected.putArray("users");
    answer.affectedUsers().forEach(users::add);
    out.put("questions", answer.questions());
    out.put("asked", answer.asked());
    out.put("flipCount", answer.flipCount());
    ArrayNode flips = out.putArray("flips");
    for (Flip flip : answer.flips()) {
      ObjectNode node = flips.addObject();
      if (flip.index() >= 0) {
        node.put("line", flip.index() + 1);
      }
      node.put("user", flip.before().principal())
          .put("accountId", flip.before().account().id())
          .put("accountName", flip.before().account().name())
          .put("action", flip.question().action())
          .put("resource", flip.question().resource())
          .put("before", flip.before().outcome().caseName())
          .put("after", flip.after().outcome().caseName());
      node.set("explanationBefore", DecisionJson.full(flip.before()));
      node.set("explanationAfter", DecisionJson.full(flip.after()));
    }
    ArrayNode held = out.putArray("intents");
    for (IntentChange verdict : intentVerdicts) {
      held.addObject()
          .put("intent", verdict.intent().displayName())
          .put("before", verdict.before() ? "pass" : "fail")
          .put("after", verdict.after() ? "pass" : "fail");
    }
    ArrayNode unanswered = out.putArray("unanswered");
    for (Unanswered question : answer.unanswered()) {
      ObjectNode node = unanswered.addObject();
      if (question.index() >= 0) {
        node.put("line", question.index() + 1);
      }
      node.put("reason", question.reason());
    }
    return out;
  }
}
