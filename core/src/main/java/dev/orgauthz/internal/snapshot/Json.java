package dev.orgauthz.internal.snapshot;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON files read with duplicate keys rejected, and checked against the bundled JSON Schemas. */
final class Json {
  /** Rejects duplicate keys; keeps decimals exact, as the policy reader does. */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  /** The most schema errors reported for one file; the rest are counted. */
  private static final int MAX_ERRORS_PER_FILE = 20;

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private Json() {}

  /**
   * Parses a file. Records an error and returns null when it cannot be read, is not JSON, or
   * repeats a key.
   *
   * @param file the file
   * @param name the file's name in messages
   */
  static @Nullable JsonNode read(Path file, String name, Problems problems) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      problems.add(name, "", "the file does not exist: check the path");
      return null;
    } catch (IOException e) {
      problems.add(name, "", "the file cannot be read: " + e.getMessage());
      return null;
    }
    return parse(bytes, name, problems);
  }

  /** Parses JSON bytes; see {@link #read}. */
  static @Nullable JsonNode parse(byte[] bytes, String name, Problems problems) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        problems.add(name, "", "the file is empty: it should hold one JSON value");
        return null;
      }
      return node;
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
      if (message != null && message.contains(" (start marker at")) {
        message = message.substring(0, message.indexOf(" (start marker at"));
      }
      String where = "";
      if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
        where =
            " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
      }
      if (message != null && message.startsWith("Duplicate Object property")) {
        problems.add(
            name,
            "",
            "a key appears twice in one object"
                + where
                + ": "
                + message
                + "; AWS never writes a key twice, so keep one");
      } else {
        problems.add(name, "", "the file is not valid JSON" + where + ": " + message);
      }
      return null;
    }
  }

  /**
   * Checks a document against a bundled schema and records every violation, each at its JSON
   * pointer.
   *
   * @param schema the schema's resource path under {@code /dev/orgauthz/schema/}, without {@code
   *     .schema.json}
   * @param fix what to do about a violation, appended to each message
   * @return true when the document follows the schema
   */
  static boolean validate(
      JsonNode node, String schema, String name, String fix, Problems problems) {
    List<Error> errors = schema(schema).validate(node);
    int reported = 0;
    for (Error error : errors) {
      if (reported == MAX_ERRORS_PER_FILE) {
        problems.add(
            name, "", (errors.size() - reported) + " more schema violations in this file; " + fix);
        break;
      }
      problems.add(
          name,
          error.getInstanceLocation().toString(),
          "the value does not fit the expected shape: " + error.getMessage() + "; " + fix);
      reported++;
    }
    return errors.isEmpty();
  }

  private static Schema schema(String name) {
    return SCHEMAS.computeIfAbsent(name, Json::loadSchema);
  }

  private static Schema loadSchema(String name) {
    String resource = "/dev/orgauthz/schema/" + name + ".schema.json";
    try (InputStream in = Json.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the orgauthz jar");
      }
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a field, or the fallback when it is absent or null. */
  static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asString();
  }

  /** The text of a field, or null when it is absent or null. */
  static @Nullable String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  /** The elements of an array field; empty when the field is absent. */
  static Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isArray() ? List.of() : value;
  }

  /** Escapes one token of a JSON pointer. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
