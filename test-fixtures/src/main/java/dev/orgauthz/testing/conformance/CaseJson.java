package dev.orgauthz.testing.conformance;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.PolicyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON of one case: syntax, duplicate keys, the schema, then the case itself. */
final class CaseJson {
  private static final JsonMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();
  private static final JsonMapper LENIENT =
      STRICT.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private CaseJson() {}

  /** Reads one case, or the reason it cannot be read. */
  static CaseEntry entry(String text, String location) {
    JsonNode node;
    try {
      node = parse(text, location);
    } catch (CaseException e) {
      return new CaseEntry.Unreadable(location, location, null, e);
    }
    try {
      CaseSchema.validate(node, location);
      return new CaseEntry.Loaded(new CaseJson.Mapper(location).toCase(node));
    } catch (CaseException e) {
      JsonNode name = node.path("name");
      String shown =
          name.isString() && !name.stringValue().isBlank() ? name.stringValue() : location;
      return new CaseEntry.Unreadable(location, shown, outcome(node.path("expected")), e);
    }
  }

  /** Parses JSON text into a tree, rejecting duplicate keys and trailing content. */
  static JsonNode parse(String text, String location) {
    try (JsonParser parser = STRICT.createParser(text)) {
      JsonNode node = STRICT.readTree(parser);
      if (node == null || node.isMissingNode()) {
        throw new CaseException(location, "", "no case found: write one case as a JSON object");
      }
      if (parser.nextToken() != null) {
        throw new CaseException(
            location,
            "",
            "more than one JSON value: a `.json` file holds one case, a `.jsonl` file one a line");
      }
      return node;
    } catch (JacksonException e) {
      throw syntaxError(text, location, e);
    }
  }

  private static CaseException syntaxError(String text, String location, JacksonException e) {
    String pointer = pointerOf(e);
    boolean onlyDuplicates;
    try {
      LENIENT.readTree(text);
      onlyDuplicates = true;
    } catch (JacksonException other) {
      onlyDuplicates = false;
      e = other;
      pointer = pointerOf(other);
    }
    if (onlyDuplicates && !pointer.isEmpty()) {
      String key = pointer.substring(pointer.lastIndexOf('/') + 1);
      key = key.replace("~1", "/").replace("~0", "~");
      return new CaseException(
          location, pointer, "duplicate key `" + key + "`" + line(e) + ": keep only one of them");
    }
    String message = e.getOriginalMessage();
    message =
        message.isEmpty()
            ? message
            : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    return new CaseException(
        location, pointer, "invalid JSON" + at(e) + ": " + message + ": correct the syntax");
  }

  private static String line(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    return where == null || where.getLineNr() < 1 ? "" : " (line " + where.getLineNr() + ")";
  }

  private static String at(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
  }

  private static String pointerOf(JacksonException e) {
    if (e.processor() instanceof JsonParser parser) {
      return parser.streamReadContext().pathAsPointer().toString();
    }
    return "";
  }

  private static @Nullable Outcome outcome(JsonNode node) {
    if (!node.isString()) {
      return null;
    }
    for (Outcome outcome : Outcome.values()) {
      if (outcome.caseName().equals(node.stringValue())) {
        return outcome;
      }
    }
    return null;
  }

  /** Maps a tree that passed the schema to a case, checking what the schema cannot. */
  private static final class Mapper {
    private final String location;
    private String name = "";

    Mapper(String location) {
      this.location = location;
    }

    ConformanceCase toCase(JsonNode root) {
      name = root.get("name").stringValue();
      CaseOrganization org = root.hasNonNull("org") ? organization(root.get("org")) : null;
      List<AttachedPolicy> scps = attached(root, "scps", PolicyType.SERVICE_CONTROL, org);
      List<AttachedPolicy> rcps = attached(root, "rcps", PolicyType.RESOURCE_CONTROL, org);
      JsonNode expected = root.path("expected");
      return new ConformanceCase(
          name,
          root.path("description").stringValue(""),
          location,
          org,
          scps,
          levels(root, "scpLevels", PolicyType.SERVICE_CONTROL),
          rcps,
          levels(root, "rcpLevels", PolicyType.RESOURCE_CONTROL),
          policies(root, "identityPolicies", PolicyType.IDENTITY),
          policies(root, "permissionsBoundary", PolicyType.PERMISSIONS_BOUNDARY),
          single(root, "sessionPolicy", PolicyType.SESSION),
          single(root, "resourcePolicy", PolicyType.RESOURCE),
          policies(root, "vpcEndpointPolicies", PolicyType.VPC_ENDPOINT),
          request(root.get("request")),
          options(root.path("options")),
          expected.isMissingNode() ? null : outcome(expected));
    }

    private CaseOrganization organization(JsonNode org) {
      Map<String, String> seen = new HashMap<>();
      OrgNode root = node(org.get("root"), "/org/root", seen);
      return new CaseOrganization(
          org.hasNonNull("id") ? org.get("id").stringValue() : null,
          org.hasNonNull("managementAccountId")
              ? org.get("managementAccountId").stringValue()
              : null,
          root);
    }

    private OrgNode node(JsonNode node, String pointer, Map<String, String> seen) {
      String id = node.get("id").stringValue();
      unique(id, pointer + "/id", seen);
      List<OrgAccount> accounts = new ArrayList<>();
      JsonNode list = node.path("accounts");
      for (int i = 0; i < list.size(); i++) {
        JsonNode account = list.get(i);
        String at = pointer + "/accounts/" + i;
        if (account.isString()) {
          unique(account.stringValue(), at, seen);
          accounts.add(new OrgAccount(account.stringValue(), account.stringValue()));
        } else {
          String accountId = account.get("id").stringValue();
          unique(accountId, at + "/id", seen);
          accounts.add(new OrgAccount(accountId, account.path("name").stringValue(accountId)));
        }
      }
      List<OrgNode> children = new ArrayList<>();
      JsonNode kids = node.path("children");
      for (int i = 0; i < kids.size(); i++) {
        children.add(node(kids.get(i), pointer + "/children/" + i, seen));
      }
      return new OrgNode(id, node.path("name").stringValue(id), accounts, children);
    }

    private void unique(String id, String pointer, Map<String, String> seen) {
      String first = seen.putIfAbsent(id, pointer);
      if (first != null) {
        throw new CaseException(
            location,
            pointer,
            "`"
                + id
                + "` is already in the tree at "
                + first
                + ": give each node and account once");
      }
    }

    private List<AttachedPolicy> attached(
        JsonNode root, String field, PolicyType type, @Nullable CaseOrganization org) {
      List<AttachedPolicy> out = new ArrayList<>();
      JsonNode list = root.path(field);
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        List<String> targets = new ArrayList<>();
        JsonNode targetList = item.get("targets");
        for (int t = 0; t < targetList.size(); t++) {
          String target = targetList.get(t).stringValue();
          if (org != null && !org.hasTarget(target)) {
            throw new CaseException(
                location,
                "/" + field + "/" + i + "/targets/" + t,
                "target `"
                    + target
                    + "` is not in `org`: name the root, an OU or an account of the tree");
          }
          targets.add(target);
        }
        out.add(new AttachedPolicy(policy(item, type, field + "[" + i + "]"), targets));
      }
      return out;
    }

    private @Nullable List<CaseLevel> levels(JsonNode root, String field, PolicyType type) {
      JsonNode list = root.path(field);
      if (!list.isArray()) {
        return null;
      }
      List<CaseLevel> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode level = list.get(i);
        List<CasePolicy> policies = new ArrayList<>();
        JsonNode items = level.get("policies");
        for (int p = 0; p < items.size(); p++) {
          policies.add(policy(items.get(p), type, field + "[" + i + "].policies[" + p + "]"));
        }
        out.add(new CaseLevel(level.get("target").stringValue(), policies));
      }
      return out;
    }

    private List<CasePolicy> policies(JsonNode root, String field, PolicyType type) {
      JsonNode value = root.path(field);
      List<CasePolicy> out = new ArrayList<>();
      if (value.isObject()) {
        out.add(policy(value, type, field));
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          out.add(policy(value.get(i), type, field + "[" + i + "]"));
        }
      }
      return out;
    }

    private @Nullable CasePolicy single(JsonNode root, String field, PolicyType type) {
      JsonNode value = root.path(field);
      return value.isObject() ? policy(value, type, field) : null;
    }

    private CasePolicy policy(JsonNode item, PolicyType type, String place) {
      String id = item.get("id").stringValue();
      JsonNode document = item.get("document");
      String text =
          document.isString() ? document.stringValue() : STRICT.writeValueAsString(document);
      return new CasePolicy(id, type, text, name + ": " + place + " " + id);
    }

    private CaseRequest request(JsonNode request) {
      RequestContext.Builder context = RequestContext.builder();
      Set<String> absent = new LinkedHashSet<>();
      Set<String> seen = new HashSet<>();
      for (Map.Entry<String, JsonNode> entry : request.path("context").properties()) {
        String key = entry.getKey();
        if (!seen.add(key.toLowerCase(Locale.ROOT))) {
          throw new CaseException(
              location,
              "/request/context/" + key.replace("~", "~0").replace("/", "~1"),
              "key `" + key + "` is given twice (keys compare case-insensitively): keep one");
        }
        JsonNode value = entry.getValue();
        if (value.isNull()) {
          absent.add(key.toLowerCase(Locale.ROOT));
        } else if (value.isArray()) {
          List<String> values = new ArrayList<>();
          value.values().forEach(item -> values.add(scalar(item)));
          context.putAll(key, values);
        } else {
          context.put(key, scalar(value));
        }
      }
      return new CaseRequest(
          request.get("principal").stringValue(),
          optional(request, "principalAccount"),
          request.get("action").stringValue(),
          request.get("resource").stringValue(),
          optional(request, "resourceAccount"),
          context.build(),
          absent);
    }

    private static String scalar(JsonNode value) {
      return value.isString() ? value.stringValue() : value.asString();
    }

    private static @Nullable String optional(JsonNode node, String field) {
      return node.hasNonNull(field) ? node.get(field).stringValue() : null;
    }

    private static CaseOptions options(JsonNode options) {
      Set<String> services = null;
      if (options.path("rcpServices").isArray()) {
        services = new HashSet<>();
        for (JsonNode service : options.get("rcpServices").values()) {
          services.add(service.stringValue().toLowerCase(Locale.ROOT));
        }
      }
      return new CaseOptions(
          options.path("deriveContext").asBoolean(true),
          options.path("awsExemptions").asBoolean(true),
          services);
    }
  }
}
