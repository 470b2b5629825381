package dev.orgauthz.testing.conformance;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks a case against {@code case.schema.json} and words the first violation for people. */
final class CaseSchema {
  private static final String RESOURCE = "case.schema.json";
  private static final Schema SCHEMA = load();
  private static final int MAX_VALUE_LENGTH = 60;

  private CaseSchema() {}

  /**
   * Validates a case.
   *
   * @throws CaseException naming the first violation, and how many more there are
   */
  static void validate(JsonNode node, String location) {
    List<Error> errors = SCHEMA.validate(node);
    if (errors.isEmpty()) {
      return;
    }
    List<Error> relevant = relevant(errors);
    Error first = relevant.get(0);
    String pointer = pointer(first.getInstanceLocation());
    String problem = describe(first, pointer);
    int more = relevant.size() - 1;
    if (more > 0) {
      problem += " (and " + more + " more " + (more == 1 ? "problem" : "problems") + ")";
    }
    throw new CaseException(location, pointer, problem);
  }

  private static Schema load() {
    try (InputStream in = CaseSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource `" + RESOURCE + "` is missing from the jar");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Drops the noise of {@code oneOf}: the type mismatches of the branches that do not fit, and the
   * {@code oneOf} itself when a violation inside the fitting branch explains it.
   */
  private static List<Error> relevant(List<Error> errors) {
    List<Error> kept = new ArrayList<>(errors);
    for (Error oneOf : errors) {
      if (!oneOf.getKeyword().equals("oneOf")) {
        continue;
      }
      String branches = pointer(oneOf.getEvaluationPath()) + "/";
      String at = pointer(oneOf.getInstanceLocation());
      kept.removeIf(
          e ->
              e.getKeyword().equals("type")
                  && pointer(e.getEvaluationPath()).startsWith(branches)
                  && pointer(e.getInstanceLocation()).equals(at));
    }
    List<Error> result = new ArrayList<>();
    for (Error e : kept) {
      if (e.getKeyword().equals("oneOf")) {
        String branches = pointer(e.getEvaluationPath()) + "/";
        if (kept.stream().anyMatch(o -> pointer(o.getEvaluationPath()).startsWith(branches))) {
          continue;
        }
      }
      result.add(e);
    }
    return result.isEmpty() ? errors : result;
  }

  private static String describe(Error error, String pointer) {
    JsonNode value = error.getInstanceNode();
    Object[] args = error.getArguments();
    switch (error.getKeyword()) {
      case "required":
        return "required key `" + error.getProperty() + "` is missing: add it";
      case "additionalProperties":
        return "unknown key `" + error.getProperty() + "`: remove it or correct its spelling";
      case "type":
        return show(value)
            + " is "
            + arg(args, 0)
            + ", expected "
            + arg(args, 1)
            + ": "
            + (pointer.isEmpty() ? "write one case as a JSON object" : "change the value");
      case "enum":
        return show(value) + " is not one of " + choices(error) + ": use one of them";
      case "pattern":
        return show(value) + " does not match `" + arg(args, 0) + "`: " + patternHint(pointer);
      case "oneOf":
        return show(value) + " has none of the allowed forms: " + oneOfHint(pointer);
      default:
        return error.getMessage() + ": see `case.schema.json`";
    }
  }

  private static String patternHint(String pointer) {
    if (pointer.endsWith("/action")) {
      return "write the action as `service:ActionName`";
    }
    if (pointer.endsWith("Account")
        || pointer.endsWith("AccountId")
        || pointer.contains("/accounts/")) {
      return "write a 12-digit account id";
    }
    return "write a value that matches it";
  }

  private static String oneOfHint(String pointer) {
    if (pointer.endsWith("/document")) {
      return "give a policy document object with `Statement`, or its JSON text as a string";
    }
    if (pointer.equals("/permissionsBoundary")) {
      return "use null, a policy object with `id` and `document`, or an array of them";
    }
    if (pointer.equals("/sessionPolicy") || pointer.equals("/resourcePolicy")) {
      return "use null or a policy object with `id` and `document`";
    }
    if (pointer.startsWith("/request/context/")) {
      return "use a string, number, boolean, null, or an array of strings, numbers and booleans";
    }
    if (pointer.contains("/accounts/")) {
      return "use a 12-digit account id or an object with `id`";
    }
    return "see `case.schema.json`";
  }

  private static String show(@Nullable JsonNode value) {
    if (value == null) {
      return "the value";
    }
    String text = value.isString() ? value.stringValue() : value.toString();
    if (text.length() > MAX_VALUE_LENGTH) {
      text = text.substring(0, MAX_VALUE_LENGTH) + "...";
    }
    return "`" + text + "`";
  }

  private static String arg(Object[] args, int index) {
    return index < args.length ? String.valueOf(args[index]) : "?";
  }

  private static String choices(Error error) {
    JsonNode choices = error.getSchemaNode();
    if (choices == null || !choices.isArray()) {
      return arg(error.getArguments(), 0);
    }
    StringJoiner out = new StringJoiner(", ");
    choices.values().forEach(c -> out.add(c.isString() ? c.stringValue() : c.toString()));
    return out.toString();
  }

  /** A node path as a JSON pointer: {@code /request/context/aws:TagKeys/0}. */
  static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      String name = String.valueOf(path.getElement(i));
      out.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }
}
