package dev.orgauthz.testing.intent;

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

/** Checks an intent file against {@code intents.schema.json} and words one violation for people. */
final class IntentSchema {
  /** The name of the schema, as messages and the resources of the jar know it. */
  static final String RESOURCE = "intents.schema.json";

  private static final Schema SCHEMA = load();
  private static final int SHOWN_CHARACTERS = 60;

  private IntentSchema() {}

  private static Schema load() {
    try (InputStream in = IntentSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource `" + RESOURCE + "` is missing from the jar");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates an intent file.
   *
   * @throws IntentFileException naming the deepest violation, and how many more there are
   */
  static void validate(JsonNode root, String source) {
    List<Error> errors = SCHEMA.validate(root);
    if (errors.isEmpty()) {
      return;
    }
    Error chosen = choose(errors);
    String pointer = pointer(chosen.getInstanceLocation());
    int others = 0;
    for (Error error : errors) {
      String at = pointer(error.getInstanceLocation());
      boolean related = pointer.startsWith(at) || at.startsWith(pointer);
      boolean branchNoise = error.getKeyword().equals("oneOf") || error.getKeyword().equals("type");
      if (error != chosen && !(related && branchNoise)) {
        others++;
      }
    }
    String problem = describe(chosen, pointer);
    if (others > 0) {
      problem += " (and " + others + (others == 1 ? " more problem)" : " more problems)");
    }
    throw new IntentFileException(source, pointer, problem);
  }

  /**
   * The error that names the offending element best: the deepest one; at equal depth, a precise
   * keyword before the type mismatches of {@code oneOf} branches, and the {@code oneOf} itself when
   * only its branches' types disagree.
   */
  private static Error choose(List<Error> errors) {
    int depth = 0;
    for (Error error : errors) {
      depth = Math.max(depth, error.getInstanceLocation().getNameCount());
    }
    List<Error> deepest = new ArrayList<>();
    for (Error error : errors) {
      if (error.getInstanceLocation().getNameCount() == depth) {
        deepest.add(error);
      }
    }
    for (Error error : deepest) {
      if (!error.getKeyword().equals("type") && !error.getKeyword().equals("oneOf")) {
        return error;
      }
    }
    for (Error error : deepest) {
      if (error.getKeyword().equals("oneOf")) {
        return error;
      }
    }
    return deepest.get(0);
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
            + (pointer.isEmpty()
                ? "write the file as an object with `intents`, an array of intents"
                : "change the value");
      case "enum":
        return show(value) + " is not one of " + choices(error) + ": use one of them";
      case "const":
        return show(value) + " is not allowed: write `true` or leave the key out";
      case "pattern":
        return show(value)
            + " is not an action of the form service:Action: write for example"
            + " `s3:GetObject`";
      case "minLength":
        return "the value is empty: give a name or leave the key out";
      case "minItems":
        return pointer.equals("/intents")
            ? "the file has no intents: add at least one"
            : "the array is empty: give at least one value";
      case "minProperties":
        return "the object is empty: give `scp`, `level` or both";
      case "oneOf":
        return show(value) + " has none of the allowed forms: " + oneOfHint(pointer);
      default:
        return error.getMessage() + ": see `" + RESOURCE + "`";
    }
  }

  private static String oneOfHint(String pointer) {
    if (pointer.endsWith("/blockedBy")) {
      return "give an SCP name or id, or an object with `scp` and/or `level`";
    }
    if (pointer.contains("/context/")) {
      return "give a string, number or boolean, or an array of them";
    }
    return "see `" + RESOURCE + "`";
  }

  private static String show(@Nullable JsonNode value) {
    if (value == null) {
      return "the value";
    }
    String text = value.isString() ? value.stringValue() : value.toString();
    if (text.length() > SHOWN_CHARACTERS) {
      text = text.substring(0, SHOWN_CHARACTERS) + "...";
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

  /** A node path as a JSON pointer: {@code /intents/0/context/aws:SourceIp}. */
  static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      String name = String.valueOf(path.getElement(i));
      out.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }
}
