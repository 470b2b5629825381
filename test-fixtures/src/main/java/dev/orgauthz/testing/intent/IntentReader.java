package dev.orgauthz.testing.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads intent files: a JSON object whose {@code intents} array holds one intent per element, in
 * the format of {@code intents.schema.json} (a resource beside this class). Every file is checked
 * against the schema first; an error names the file, the JSON pointer and the fix.
 *
 * <pre>{@code
 * {
 *   "intents": [
 *     { "name": "no one in Sandbox can leave the organization",
 *       "everyUser": true, "action": "organizations:LeaveOrganization", "ou": "Sandbox",
 *       "expect": "ExplicitlyDenied", "blockedBy": { "scp": "DenyLeaveOrganization" } },
 *     { "group": "Developers", "action": "ec2:TerminateInstances", "account": "Production",
 *       "region": "eu-west-1", "expect": "Denied" }
 *   ]
 * }
 * }</pre>
 *
 * <p>Each intent names one principal ({@code user}, {@code group}, {@code everyUser}, or {@code
 * permissionSet} alone for the permission set's role; a user, group or every user may add {@code
 * permissionSet} to act with that one only) and one place ({@code account}, {@code ou} or {@code
 * everyAccount}). Names are checked against the organization when the intent runs, not here.
 */
public final class IntentReader {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private IntentReader() {}

  /**
   * Reads an intent file.
   *
   * @throws IntentFileException when the file cannot be read or is not a valid intent file
   */
  public static List<Intent> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IntentFileException(file.toString(), "", "does not exist: check the path");
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "is a directory" : "cannot be read: " + e.getMessage();
      throw new IntentFileException(file.toString(), "", why + ": give the path of an intent file");
    }
    return read(text, file.toString());
  }

  /**
   * Reads an intent file from a stream, such as a classpath resource; does not close the stream.
   *
   * @param source the name of the file for messages
   * @throws IntentFileException when the stream cannot be read or is not a valid intent file
   */
  public static List<Intent> read(InputStream in, String source) {
    try {
      return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new IntentFileException(source, "", "cannot be read (" + e + "): check the source");
    }
  }

  /**
   * Reads an intent file given as text.
   *
   * @param source the name of the file for messages
   * @throws IntentFileException when the text is not a valid intent file
   */
  public static List<Intent> read(String json, String source) {
    JsonNode root = parse(json, source);
    IntentSchema.validate(root, source);
    List<Intent> out = new ArrayList<>();
    JsonNode intents = root.get("intents");
    for (int i = 0; i < intents.size(); i++) {
      out.add(intent(intents.get(i), source, "/intents/" + i));
    }
    return List.copyOf(out);
  }

  private static JsonNode parse(String json, String source) {
    try {
      return JSON.readTree(json);
    } catch (JacksonException e) {
      String where = "";
      if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
        where =
            " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      }
      String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\R\\s*", " ");
      String fix =
          message.startsWith("Duplicate Object property")
              ? "keep one of the repeated keys"
              : "fix the JSON syntax";
      throw new IntentFileException(
          source, "", "not valid JSON" + where + " (" + message + "): " + fix);
    }
  }

  private static Intent intent(JsonNode node, String source, String pointer) {
    Question.Who who = who(node, source, pointer);
    Question.Where where = where(node, source, pointer);
    Question.Builder question = Question.builder(who, text(node, "action"), where);
    String permissionSet = optionalText(node, "permissionSet");
    if (permissionSet != null && who.kind() != Question.Who.Kind.PERMISSION_SET) {
      question.permissionSet(permissionSet);
    }
    String resource = optionalText(node, "resource");
    if (resource != null) {
      question.resource(resource);
    }
    String region = optionalText(node, "region");
    if (region != null) {
      question.region(region);
    }
    JsonNode context = node.get("context");
    if (context != null) {
      for (Map.Entry<String, JsonNode> entry : context.properties()) {
        JsonNode value = entry.getValue();
        if (value.isArray()) {
          List<String> values = new ArrayList<>();
          value.values().forEach(v -> values.add(scalar(v)));
          question.context(entry.getKey(), values);
        } else {
          question.context(entry.getKey(), scalar(value));
        }
      }
    }
    String time = optionalText(node, "time");
    if (time != null) {
      try {
        question.time(Instant.parse(time));
      } catch (DateTimeParseException e) {
        throw new IntentFileException(
            source,
            pointer + "/time",
            "`" + time + "` is not an ISO-8601 instant: write for example `2025-01-31T12:00:00Z`");
      }
    }

    Question built;
    try {
      built = question.build();
    } catch (IllegalArgumentException e) {
      throw new IntentFileException(source, pointer, String.valueOf(e.getMessage()));
    }
    Expectation expectation = expectation(node, source, pointer);
    return new Intent(optionalText(node, "name"), built, expectation, source, pointer);
  }

  private static Question.Who who(JsonNode node, String source, String pointer) {
    String user = optionalText(node, "user");
    String group = optionalText(node, "group");
    boolean everyUser = node.has("everyUser");
    String permissionSet = optionalText(node, "permissionSet");
    int named = (user != null ? 1 : 0) + (group != null ? 1 : 0) + (everyUser ? 1 : 0);
    if (named > 1) {
      throw new IntentFileException(
          source,
          pointer,
          "the intent names more than one principal: keep one of `user`, `group` and"
              + " `everyUser`");
    }
    if (user != null) {
      return Question.Who.user(user);
    }
    if (group != null) {
      return Question.Who.group(group);
    }
    if (everyUser) {
      return Question.Who.everyUser();
    }
    if (permissionSet != null) {
      return Question.Who.permissionSet(permissionSet);
    }
    throw new IntentFileException(
        source,
        pointer,
        "the intent names no principal: add `user`, `group`, `everyUser` or `permissionSet`");
  }

  private static Question.Where where(JsonNode node, String source, String pointer) {
    String account = optionalText(node, "account");
    String unit = optionalText(node, "ou");
    boolean everyAccount = node.has("everyAccount");
    int named = (account != null ? 1 : 0) + (unit != null ? 1 : 0) + (everyAccount ? 1 : 0);
    if (named > 1) {
      throw new IntentFileException(
          source,
          pointer,
          "the intent names more than one place: keep one of `account`, `ou` and `everyAccount`");
    }
    if (account != null) {
      return Question.Where.account(account);
    }
    if (unit != null) {
      return Question.Where.organizationalUnit(unit);
    }
    if (everyAccount) {
      return Question.Where.everyAccount();
    }
    throw new IntentFileException(
        source, pointer, "the intent names no place: add `account`, `ou` or `everyAccount`");
  }

  private static Expectation expectation(JsonNode node, String source, String pointer) {
    Expected outcome = Expected.ofCaseName(text(node, "expect")).orElseThrow();
    String scp = null;
    String level = null;
    JsonNode blockedBy = node.get("blockedBy");
    if (blockedBy != null && blockedBy.isString()) {
      scp = blockedBy.stringValue();
    } else if (blockedBy != null) {
      scp = optionalText(blockedBy, "scp");
      level = optionalText(blockedBy, "level");
    }
    String grantedBy = optionalText(node, "grantedBy");
    try {
      return new Expectation(outcome, scp, level, grantedBy);
    } catch (IllegalArgumentException e) {
      String key = blockedBy != null ? "/blockedBy" : "/grantedBy";
      throw new IntentFileException(source, pointer + key, String.valueOf(e.getMessage()));
    }
  }

  /** A scalar of a context value as text: strings as they are, numbers and booleans as JSON. */
  private static String scalar(JsonNode value) {
    return value.isString() ? value.stringValue() : value.toString();
  }

  private static String text(JsonNode node, String key) {
    return node.get(key).stringValue();
  }

  private static @Nullable String optionalText(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null ? null : value.stringValue();
  }
}
