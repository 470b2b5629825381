package dev.orgauthz.internal.policy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.orgauthz.internal.condition.ConditionSet;
import dev.orgauthz.internal.condition.Template;
import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.Finding;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyLimits;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.policy.PrincipalElement;
import dev.orgauthz.policy.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses and validates policy documents: the implementation of {@code Policies.parse}. */
public final class PolicyReader {
  /** The size limit of a service control policy, in characters. */
  public static final int SCP_MAX_CHARACTERS = 5_120;

  private static final JsonMapper MAPPER = mapper(PolicyLimits.DEFAULT);

  private static final Schema SCHEMA = loadSchema();

  private PolicyReader() {}

  private static Schema loadSchema() {
    try (InputStream in =
        PolicyReader.class.getResourceAsStream("/dev/orgauthz/schema/policy.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("policy.schema.json is missing from the orgauthz jar");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared mapper, configured to reject duplicate keys. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  private static JsonMapper mapper(PolicyLimits limits) {
    // The parser stops at the nesting limit (plus one, so that checkDepth can name the problem)
    // before building a deep tree.
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxNestingDepth() + 1)
                    .build())
            .build();
    return JsonMapper.builder(factory)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build();
  }

  /** Parses a document given as JSON, a JSON string holding JSON, or URL-encoded JSON. */
  public static PolicyDocument read(
      String text, PolicyType type, String source, PolicyLimits limits) {
    if (text.length() > limits.maxCharacters()) {
      throw new PolicyException(
          source,
          "",
          "the policy document has "
              + text.length()
              + " characters, over the limit of "
              + limits.maxCharacters()
              + "; raise PolicyLimits.maxCharacters if it is genuine");
    }
    String json = decode(text, source);
    checkDepth(json, limits.maxNestingDepth(), source);
    JsonNode root = parseJson(json, source, limits);
    return read(root, type, source, limits);
  }

  /** Validates and reads a document already parsed as JSON. */
  public static PolicyDocument read(
      JsonNode root, PolicyType type, String source, PolicyLimits limits) {
    if (root.isString()) {
      return read(root.stringValue(), type, source, limits);
    }
    checkDepth(root, 1, limits.maxNestingDepth(), source);
    validateSchema(root, source);
    JsonNode statements = root.get("Statement");
    if (statements != null && statements.size() > limits.maxStatements()) {
      throw new PolicyException(
          source,
          "/Statement",
          "the policy has "
              + statements.size()
              + " statements, over the limit of "
              + limits.maxStatements()
              + "; raise PolicyLimits.maxStatements if it is genuine");
    }
    return new PolicyReader.Walker(type, source).document(root);
  }

  private static void checkDepth(JsonNode node, int depth, int max, String source) {
    if (!node.isContainer()) {
      return;
    }
    if (depth > max) {
      throw tooDeep(source, max);
    }
    for (JsonNode child : node) {
      checkDepth(child, depth + 1, max, source);
    }
  }

  /**
   * Checks the nesting of JSON text in one pass, before the parser sees it, so that a document of
   * thousands of brackets fails with the same message as a slightly too deep one.
   */
  private static void checkDepth(String json, int max, String source) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > max) {
          throw tooDeep(source, max);
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
  }

  private static PolicyException tooDeep(String source, int max) {
    return new PolicyException(
        source,
        "",
        "the policy document nests deeper than "
            + max
            + " levels; a policy needs 6, so this is not a policy");
  }

  private static String decode(String text, String source) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new PolicyException(source, "", "the policy document is empty: give a JSON object");
    }
    if (trimmed.regionMatches(true, 0, "%7B", 0, 3)) {
      try {
        return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new PolicyException(
            source, "", "the URL-encoded policy document does not decode: " + e.getMessage());
      }
    }
    return trimmed;
  }

  private static JsonNode parseJson(String text, String source, PolicyLimits limits) {
    try {
      JsonMapper mapper = limits.equals(PolicyLimits.DEFAULT) ? MAPPER : mapper(limits);
      return mapper.readTree(text);
    } catch (JacksonException e) {
      String message = e.getOriginalMessage();
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
        return fail(
            source,
            "",
            "duplicate key in the policy document"
                + where
                + ": "
                + message
                + "; AWS rejects repeated keys, keep one");
      }
      return fail(source, "", "the policy document is not valid JSON" + where + ": " + message);
    }
  }

  private static void validateSchema(JsonNode root, String source) {
    List<Error> errors = SCHEMA.validate(root);
    if (errors.isEmpty()) {
      return;
    }
    // The deepest error names the offending element; a oneOf failure above it only repeats it.
    Error chosen = errors.get(0);
    for (Error error : errors) {
      String location = error.getInstanceLocation().toString();
      if (location.length() > chosen.getInstanceLocation().toString().length()) {
        chosen = error;
      }
    }
    String pointer = chosen.getInstanceLocation().toString();
    throw new PolicyException(
        source,
        pointer,
        "the policy document does not follow the policy grammar: "
            + chosen.getMessage()
            + "; see the IAM JSON policy grammar");
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static <T> T fail(String source, String pointer, String problem) {
    throw new PolicyException(source, pointer, problem);
  }

  /** Walks a schema-valid document into the model, checking the rules of its policy type. */
  private static final class Walker {
    private final PolicyType type;
    private final String source;
    private final List<Finding> findings = new ArrayList<>();

    Walker(PolicyType type, String source) {
      this.type = type;
      this.source = source;
    }

    PolicyDocument document(JsonNode root) {
      String version = textOrNull(root.get("Version"));
      String id = textOrNull(root.get("Id"));
      boolean controlPolicy =
          type == PolicyType.SERVICE_CONTROL || type == PolicyType.RESOURCE_CONTROL;
      if (controlPolicy && !PolicyDocument.VERSION_2012.equals(version)) {
        fail(
            source,
            "/Version",
            type.displayName()
                + " must have \"Version\": \"2012-10-17\""
                + (version == null ? ", it has none" : ", not `" + version + "`"));
      }
      if (version == null) {
        findings.add(
            new Finding(
                "no-version",
                source,
                "",
                "the document has no Version, so the 2008-10-17 rules apply and ${...} is literal"
                    + " text; add \"Version\": \"2012-10-17\""));
      }
      if (id != null && type == PolicyType.IDENTITY) {
        findings.add(
            new Finding(
                "id-in-identity-policy",
                source,
                "/Id",
                "IAM rejects an Id element in identity policies"));
      }
      boolean variables = PolicyDocument.VERSION_2012.equals(version);

      JsonNode statementNode = root.get("Statement");
      List<Statement> statements = new ArrayList<>();
      if (statementNode.isArray()) {
        for (int i = 0; i < statementNode.size(); i++) {
          statements.add(statement(statementNode.get(i), i, "/Statement/" + i, variables));
        }
        if (statementNode.isEmpty()) {
          findings.add(
              new Finding("no-statement", source, "/Statement", "the policy has no statement"));
        }
      } else {
        statements.add(statement(statementNode, 0, "/Statement", variables));
      }

      String normalized = MAPPER.writeValueAsString(root);
      if (type == PolicyType.SERVICE_CONTROL && normalized.length() > SCP_MAX_CHARACTERS) {
        findings.add(
            new Finding(
                "scp-too-large",
                source,
                "",
                "the SCP has "
                    + normalized.length()
                    + " characters without white space, over the AWS limit of "
                    + SCP_MAX_CHARACTERS));
      }
      return new PolicyDocument(type, version, id, statements, normalized, source, findings);
    }

    private Statement statement(JsonNode node, int index, String pointer, boolean variables) {
      String sid = textOrNull(node.get("Sid"));
      Effect effect = node.get("Effect").asString().equals("Allow") ? Effect.ALLOW : Effect.DENY;

      // Action or NotAction, exactly one.
      JsonNode action = node.get("Action");
      JsonNode notAction = node.get("NotAction");
      if ((action == null) == (notAction == null)) {
        fail(
            source,
            pointer,
            action == null
                ? "the statement has neither Action nor NotAction: add one"
                : "the statement has both Action and NotAction: keep one");
      }
      boolean isNotAction = action == null;
      String actionKey = isNotAction ? "NotAction" : "Action";
      List<String> actions = strings(isNotAction ? notAction : action);
      for (int i = 0; i < actions.size(); i++) {
        checkAction(
            actions.get(i), pointer + "/" + actionKey + indexSuffix(node.get(actionKey), i));
      }

      // Resource or NotResource: exactly one, except in resource policies (trust policies).
      JsonNode resource = node.get("Resource");
      JsonNode notResource = node.get("NotResource");
      if (resource != null && notResource != null) {
        fail(source, pointer, "the statement has both Resource and NotResource: keep one");
      }
      if (resource == null && notResource == null && type != PolicyType.RESOURCE) {
        fail(source, pointer, "the statement has neither Resource nor NotResource: add one");
      }
      boolean isNotResource = notResource != null;
      String resourceKey = isNotResource ? "NotResource" : "Resource";
      List<String> resources =
          resource == null && notResource == null
              ? List.of()
              : strings(isNotResource ? notResource : resource);
      for (int i = 0; i < resources.size(); i++) {
        checkResource(
            resources.get(i),
            pointer + "/" + resourceKey + indexSuffix(node.get(resourceKey), i),
            variables);
      }

      // Principal or NotPrincipal, by policy type.
      JsonNode principal = node.get("Principal");
      JsonNode notPrincipal = node.get("NotPrincipal");
      PrincipalElement element = null;
      boolean isNotPrincipal = false;
      if (principal != null && notPrincipal != null) {
        fail(source, pointer, "the statement has both Principal and NotPrincipal: keep one");
      }
      if (principal != null || notPrincipal != null) {
        isNotPrincipal = notPrincipal != null;
        String key = isNotPrincipal ? "NotPrincipal" : "Principal";
        if (type != PolicyType.RESOURCE
            && type != PolicyType.RESOURCE_CONTROL
            && type != PolicyType.VPC_ENDPOINT) {
          fail(
              source,
              pointer + "/" + key,
              "a " + type.displayName() + " cannot have " + key + ": remove it");
        }
        if (isNotPrincipal && type != PolicyType.RESOURCE) {
          fail(
              source,
              pointer + "/NotPrincipal",
              "a " + type.displayName() + " cannot have NotPrincipal: use Principal");
        }
        if (isNotPrincipal && effect == Effect.ALLOW) {
          fail(
              source,
              pointer + "/NotPrincipal",
              "NotPrincipal is supported only with \"Effect\": \"Deny\"");
        }
        element = principal(isNotPrincipal ? notPrincipal : principal);
      }

      if (type == PolicyType.RESOURCE_CONTROL) {
        checkResourceControl(node, pointer, effect, isNotAction, element);
      }
      if (type == PolicyType.RESOURCE && element == null) {
        findings.add(
            new Finding(
                "resource-policy-without-principal",
                source,
                pointer,
                "the statement has no Principal: as an allow it grants no one, as a deny it"
                    + " denies everyone"));
      }

      List<ConditionClause> clauses = conditions(node.get("Condition"), pointer + "/Condition");
      ConditionSet.compile(clauses, variables, source);
      checkForAllValuesInAllow(effect, clauses, pointer);
      return new Statement(
          index,
          sid,
          effect,
          element,
          isNotPrincipal,
          actions,
          isNotAction,
          resources,
          isNotResource,
          clauses,
          pointer);
    }

    private void checkResourceControl(
        JsonNode node,
        String pointer,
        Effect effect,
        boolean isNotAction,
        @Nullable PrincipalElement element) {
      if (element == null || !element.isEveryone()) {
        fail(
            source,
            pointer + "/Principal",
            "a resource control policy statement must have \"Principal\": \"*\"");
      }
      if (isNotAction) {
        fail(
            source,
            pointer + "/NotAction",
            "a resource control policy cannot have NotAction: use Action");
      }
      if (effect == Effect.ALLOW) {
        boolean fullAccess =
            "*".equals(textOrNull(node.get("Action")))
                && "*".equals(textOrNull(node.get("Resource")))
                && node.get("Condition") == null;
        if (!fullAccess) {
          fail(
              source,
              pointer + "/Effect",
              "a resource control policy can only deny (Allow exists only in RCPFullAWSAccess):"
                  + " use \"Effect\": \"Deny\"");
        }
      }
    }

    private void checkForAllValuesInAllow(
        Effect effect, List<ConditionClause> clauses, String pointer) {
      if (effect != Effect.ALLOW) {
        return;
      }
      for (ConditionClause clause : clauses) {
        if (!clause.operator().regionMatches(true, 0, "ForAllValues:", 0, 13)) {
          continue;
        }
        boolean guarded = false;
        for (ConditionClause other : clauses) {
          if (other.operator().equalsIgnoreCase("Null")
              && other.key().equalsIgnoreCase(clause.key())
              && other.values().contains("false")) {
            guarded = true;
          }
        }
        if (!guarded) {
          findings.add(
              new Finding(
                  "forallvalues-allow-without-null-guard",
                  source,
                  clause.pointer(),
                  "ForAllValues in an Allow is true when `"
                      + clause.key()
                      + "` is absent, so this allows requests without the key; add a Null"
                      + " condition with \"false\" on the same key"));
        }
      }
    }

    private void checkAction(String action, String pointer) {
      if (action.equals("*")) {
        return;
      }
      int colon = action.indexOf(':');
      if (colon <= 0) {
        fail(
            source,
            pointer,
            "action `" + action + "` is not `*` nor `service:action`: add the service prefix");
      }
      String name = action.substring(colon + 1);
      if (name.isEmpty() || !action.strip().equals(action) || containsWhitespace(action)) {
        findings.add(
            new Finding(
                "action-never-matches",
                source,
                pointer,
                "action `" + action + "` has an empty name or white space and matches nothing"));
      }
      String prefix = action.substring(0, colon);
      if (prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0) {
        findings.add(
            new Finding(
                "wildcard-in-service-prefix",
                source,
                pointer,
                "the service prefix of `"
                    + action
                    + "` has a wildcard, which is compared literally and matches no service"));
      }
    }

    private void checkResource(String resource, String pointer, boolean variables) {
      if (resource.equals("*")) {
        return;
      }
      // A malformed policy variable is an error now, not when the policy is first evaluated.
      Template.parse(resource, variables, source, pointer);
      String[] parts = resource.split(":", 6);
      if (!resource.startsWith("arn:") || parts.length < 6) {
        fail(
            source,
            pointer,
            "resource `"
                + resource
                + "` is not `*` nor an ARN (arn:partition:service:region:account:resource)");
      }
      if (parts[2].indexOf('*') >= 0 || parts[2].indexOf('?') >= 0) {
        findings.add(
            new Finding(
                "wildcard-in-arn-service",
                source,
                pointer,
                "resource `" + resource + "` has a wildcard in its service part"));
      }
    }

    private PrincipalElement principal(JsonNode node) {
      if (node.isString()) {
        return PrincipalElement.everyone();
      }
      Map<String, List<String>> entries = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        entries.put(entry.getKey(), strings(entry.getValue()));
      }
      return new PrincipalElement(false, entries);
    }

    private List<ConditionClause> conditions(@Nullable JsonNode node, String pointer) {
      if (node == null) {
        return List.of();
      }
      List<ConditionClause> clauses = new ArrayList<>();
      for (Map.Entry<String, JsonNode> operator : node.properties()) {
        String operatorPointer = pointer + "/" + escape(operator.getKey());
        if (operator.getValue().isEmpty()) {
          fail(
              source,
              operatorPointer,
              "condition operator `" + operator.getKey() + "` has no key: add one or remove it");
        }
        for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
          List<String> values = new ArrayList<>();
          JsonNode value = key.getValue();
          if (value.isArray()) {
            for (JsonNode element : value) {
              values.add(scalar(element));
            }
          } else {
            values.add(scalar(value));
          }
          clauses.add(
              new ConditionClause(
                  operator.getKey(),
                  key.getKey(),
                  values,
                  operatorPointer + "/" + escape(key.getKey())));
        }
      }
      return clauses;
    }

    private static String scalar(JsonNode node) {
      if (node.isString()) {
        return node.stringValue();
      }
      if (node.isBigDecimal()) {
        return node.decimalValue().toPlainString();
      }
      return node.asString();
    }

    private static List<String> strings(JsonNode node) {
      if (node.isString()) {
        return List.of(node.stringValue());
      }
      List<String> out = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        out.add(element.stringValue());
      }
      return out;
    }

    private static String indexSuffix(JsonNode node, int index) {
      return node.isArray() ? "/" + index : "";
    }

    private static @Nullable String textOrNull(@Nullable JsonNode node) {
      return node == null || !node.isString() ? null : node.stringValue();
    }

    private static boolean containsWhitespace(String text) {
      for (int i = 0; i < text.length(); i++) {
        if (Character.isWhitespace(text.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }
}
