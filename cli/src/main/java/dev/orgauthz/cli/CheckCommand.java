package dev.orgauthz.cli;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.policy.PolicyException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code orgauthz check}: answers one question, or many with {@code --batch}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    usageHelpWidth = 100,
    description = {
      "Answers whether a principal can perform an action on a resource in an account: Allowed,"
          + " ExplicitlyDenied or ImplicitlyDenied, then the answer of each permission set's role.",
      "With --batch, answers one question per line of a JSON Lines file,"
          + " {\"id\",\"user\",\"action\",\"resource\",\"account\",\"context\"} (also"
          + " \"permissionSet\", \"role\" and \"region\"), and prints one line each,"
          + " {\"id\",\"decision\",\"roles\":[{\"permissionSet\",\"decision\"}]}; a line that"
          + " cannot be answered gets \"decision\":\"Error\" and an \"error\"."
    },
    footer = {
      "",
      "Example:",
      "  $ orgauthz check --user bob --action ec2:TerminateInstances --account UAT"
          + " --region eu-west-1",
      "  ExplicitlyDenied",
      "    Developer: ExplicitlyDenied",
      "",
      "Exit status: 0 allowed, 1 denied, 2 bad input. With --batch: 0 when every line was"
          + " answered, 2 otherwise."
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin RequestOptions options = new RequestOptions();
  @Mixin SnapshotOption snapshot = new SnapshotOption();

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--batch",
      paramLabel = "FILE.jsonl",
      description = "Answer every question of a JSON Lines file, one JSON line each.")
  @Nullable Path batch;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Authorizer authorizer;
    try {
      authorizer = Authorizer.compile(snapshot.load());
    } catch (IllegalArgumentException | PolicyException e) {
      throw fail(e.getMessage(), e);
    }
    Path file = batch;
    if (file != null) {
      return batch(authorizer, file, out);
    }

    Decision decision;
    try {
      decision = authorizer.explain(options.toRequest());
    } catch (IllegalArgumentException e) {
      throw fail(e.getMessage(), e);
    }
    if (json) {
      out.println(DecisionJson.summary(decision));
    } else {
      out.println(decision.outcome().caseName());
      for (RoleDecision role : decision.roles()) {
        out.println("  " + role.permissionSet() + ": " + role.outcome().caseName());
      }
      if (!decision.note().isEmpty()) {
        out.println("  " + decision.note());
      }
    }
    out.flush();
    return decision.outcome() == Outcome.ALLOWED ? 0 : 1;
  }

  /** The failure for Main to print as one line on standard error, with the trace under --debug. */
  private static CommandFailure fail(@Nullable String message, Exception cause) {
    return new CommandFailure(String.valueOf(message), cause);
  }

  private int batch(Authorizer authorizer, Path file, PrintWriter out) {
    boolean failed = false;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode answer = DecisionJson.JSON.createObjectNode();
        try {
          JsonNode question = DecisionJson.JSON.readTree(line);
          answer.set("id", question.get("id"));
          Decision decision = authorizer.explain(request(question, number));
          answer.put("decision", decision.outcome().caseName());
          ArrayNode roles = answer.putArray("roles");
          for (RoleDecision role : decision.roles()) {
            roles
                .addObject()
                .put("permissionSet", role.permissionSet())
                .put("decision", role.outcome().caseName());
          }
        } catch (IllegalArgumentException | JacksonException e) {
          failed = true;
          answer.put("decision", "Error");
          answer.put("error", "line " + number + ": " + oneLine(e.getMessage()));
        }
        out.println(answer);
      }
    } catch (IOException e) {
      out.flush();
      throw fail(unreadable(file, e), e);
    }
    out.flush();
    return failed ? 2 : 0;
  }

  private static String unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "file `" + file + "` does not exist: give the path of a JSON Lines file";
    }
    if (Files.isDirectory(file)) {
      return "`" + file + "` is a directory: give the path of a JSON Lines file";
    }
    return "cannot read `" + file + "`: " + e.getMessage();
  }

  private static String oneLine(@Nullable String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  /** A question of a batch file as a request. */
  static AccessRequest request(JsonNode question, int number) {
    if (!question.isObject()) {
      throw new IllegalArgumentException("a question is a JSON object, one per line");
    }
    RequestOptions options = new RequestOptions();
    options.user = text(question, "user");
    options.permissionSet = text(question, "permissionSet");
    options.role = text(question, "role");
    options.action = text(question, "action");
    String resource = text(question, "resource");
    options.resource = resource != null ? resource : "*";
    options.account = text(question, "account");
    options.region = text(question, "region");
    AccessRequest.Builder builder = options.toBuilder();

    JsonNode context = question.get("context");
    if (context == null || context.isNull()) {
      return builder.build();
    }
    if (!context.isObject()) {
      throw new IllegalArgumentException("`context` is not an object of condition keys");
    }
    for (Map.Entry<String, JsonNode> entry : context.properties()) {
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        continue;
      }
      if (value.isArray()) {
        List<String> values = new ArrayList<>();
        value.values().forEach(v -> values.add(v.asString()));
        builder.context(entry.getKey(), values);
      } else if (value.isValueNode()) {
        builder.context(entry.getKey(), value.asString());
      } else {
        throw new IllegalArgumentException(
            "context key `" + entry.getKey() + "` is an object: give a string or an array");
      }
    }
    return builder.build();
  }

  private static @Nullable String text(JsonNode question, String field) {
    JsonNode node = question.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new IllegalArgumentException("`" + field + "` is not a string");
    }
    return node.asString();
  }
}
