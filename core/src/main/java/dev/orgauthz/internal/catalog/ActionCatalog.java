package dev.orgauthz.internal.catalog;

import dev.orgauthz.internal.match.Glob;
import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.Finding;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.Statement;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service prefixes, action names and condition keys of AWS services, bundled with the library
 * (see the NOTICE file for the source). It feeds two findings, {@code unknown-action} and {@code
 * unknown-condition-key}, and nothing else: the evaluator matches every action pattern as a
 * pattern, so a stale catalog can never change an outcome. Immutable and thread-safe.
 */
public final class ActionCatalog {
  private static final String RESOURCE = "/dev/orgauthz/catalog/action-catalog.json";
  private static final String GLOBAL_KEYS = "/dev/orgauthz/catalog/global-condition-keys.txt";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final String source;

  /** Service prefix, lowercase, to its actions. */
  private final Map<String, Actions> services;

  /** Condition key prefix, lowercase, to its keys. */
  private final Map<String, Keys> keys;

  private ActionCatalog(String source, Map<String, Actions> services, Map<String, Keys> keys) {
    this.source = source;
    this.services = services;
    this.keys = keys;
  }

  /** The catalog bundled with the library, read once on first use. */
  public static ActionCatalog bundled() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final ActionCatalog BUNDLED = load();
  }

  private static ActionCatalog load() {
    JsonNode root;
    try (InputStream in = open(RESOURCE)) {
      root = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Actions> services = new HashMap<>();
    Map<String, List<String>> keysByPrefix = new HashMap<>();
    for (Map.Entry<String, JsonNode> service : root.get("services").properties()) {
      List<String> names = new ArrayList<>();
      service.getValue().get("actions").forEach(name -> names.add(name.stringValue()));
      services.put(service.getKey().toLowerCase(Locale.ROOT), new Actions(names));
      for (JsonNode key : service.getValue().get("conditionKeys")) {
        addKey(keysByPrefix, key.stringValue());
      }
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open(GLOBAL_KEYS), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String key = line.strip();
        if (!key.isEmpty() && !key.startsWith("#")) {
          addKey(keysByPrefix, key);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Keys> keys = new HashMap<>();
    keysByPrefix.forEach((prefix, list) -> keys.put(prefix, new Keys(list)));
    return new ActionCatalog(root.get("source").stringValue(), services, keys);
  }

  private static InputStream open(String resource) {
    InputStream in = ActionCatalog.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the orgauthz jar");
    }
    return in;
  }

  private static void addKey(Map<String, List<String>> keysByPrefix, String key) {
    int colon = key.indexOf(':');
    if (colon > 0) {
      String prefix = key.substring(0, colon).toLowerCase(Locale.ROOT);
      keysByPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(key);
    }
  }

  /** Where the catalog came from: the package and its version. */
  public String source() {
    return source;
  }

  /** True when the service prefix is in the catalog, in any case. */
  public boolean knowsService(String prefix) {
    return services.containsKey(prefix.toLowerCase(Locale.ROOT));
  }

  /**
   * True when the action pattern ({@code service:pattern}, or {@code *}) matches at least one
   * action of the catalog. A pattern the catalog cannot judge (no colon, a wildcard in the service
   * prefix, an empty name) counts as known: other findings cover those.
   */
  public boolean knowsAction(String pattern) {
    int colon = pattern.indexOf(':');
    if (pattern.equals("*") || colon <= 0 || colon == pattern.length() - 1) {
      return true;
    }
    String prefix = pattern.substring(0, colon);
    if (prefix.indexOf('*') >= 0 || prefix.indexOf('?') >= 0) {
      return true;
    }
    Actions actions = services.get(prefix.toLowerCase(Locale.ROOT));
    return actions != null && actions.matches(pattern.substring(colon + 1));
  }

  /**
   * True when the condition key is a global key or a key of a service in the catalog, compared
   * without case; a key whose prefix names an identity provider ({@code saml:}, {@code
   * accounts.google.com:}, an OIDC provider's host) counts as known, since the catalog does not
   * list those.
   */
  public boolean knowsConditionKey(String key) {
    int colon = key.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String prefix = key.substring(0, colon).toLowerCase(Locale.ROOT);
    if (prefix.equals("saml") || prefix.indexOf('.') >= 0) {
      return true;
    }
    Keys known = keys.get(prefix);
    return known != null && known.matches(key);
  }

  /**
   * The findings of one document: every action or {@code NotAction} entry that matches no action of
   * the catalog, and every condition key the catalog does not know.
   */
  public List<Finding> findings(PolicyDocument document) {
    List<Finding> out = new ArrayList<>();
    JsonNode root = null;
    for (Statement statement : document.statements()) {
      String element = statement.notAction() ? "NotAction" : "Action";
      List<String> actions = statement.actions();
      for (int i = 0; i < actions.size(); i++) {
        String action = actions.get(i);
        if (knowsAction(action)) {
          continue;
        }
        if (root == null) {
          root = MAPPER.readTree(document.text());
        }
        String pointer = statement.pointer() + "/" + element;
        if (root.at(pointer).isArray()) {
          pointer += "/" + i;
        }
        String prefix = action.substring(0, action.indexOf(':'));
        out.add(
            new Finding(
                "unknown-action",
                document.source(),
                pointer,
                knowsService(prefix)
                    ? "action `"
                        + action
                        + "` matches no action of service `"
                        + prefix
                        + "` in the action catalog ("
                        + source
                        + "): check the spelling"
                    : "action `"
                        + action
                        + "` names service prefix `"
                        + prefix
                        + "`, which the action catalog ("
                        + source
                        + ") does not know: check the prefix"));
      }
      for (ConditionClause clause : statement.conditions()) {
        if (!knowsConditionKey(clause.key())) {
          out.add(
              new Finding(
                  "unknown-condition-key",
                  document.source(),
                  clause.pointer(),
                  "condition key `"
                      + clause.key()
                      + "` is neither a global condition key nor a key of a service in the action"
                      + " catalog ("
                      + source
                      + "), so it is never in a request: check the spelling"));
        }
      }
    }
    return out;
  }

  /** The actions of one service: names in lowercase for literal patterns, all names for globs. */
  private static final class Actions {
    private final Set<String> lowercase = new HashSet<>();
    private final List<String> names;

    Actions(List<String> names) {
      this.names = List.copyOf(names);
      names.forEach(name -> lowercase.add(name.toLowerCase(Locale.ROOT)));
    }

    boolean matches(String pattern) {
      if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
        return lowercase.contains(pattern.toLowerCase(Locale.ROOT));
      }
      Glob glob = Glob.ofIgnoreCase(pattern);
      for (String name : names) {
        if (glob.matches(name)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The condition keys of one prefix: literal keys in lowercase, and keys with a part a policy
   * fills in ({@code aws:ResourceTag/${TagKey}}, {@code s3:ExistingObjectTag/<key>}) as patterns
   * where that part is {@code *}.
   */
  private static final class Keys {
    private final Set<String> literal = new HashSet<>();
    private final List<Glob> templates = new ArrayList<>();

    Keys(List<String> keys) {
      for (String key : keys) {
        if (key.contains("${") || key.contains("<")) {
          templates.add(Glob.ofIgnoreCase(key.replaceAll("\\$\\{[^}]*}|<[^>]*>", "*")));
        } else {
          literal.add(key.toLowerCase(Locale.ROOT));
        }
      }
    }

    boolean matches(String key) {
      if (literal.contains(key.toLowerCase(Locale.ROOT))) {
        return true;
      }
      for (Glob template : templates) {
        if (template.matches(key)) {
          return true;
        }
      }
      return false;
    }
  }

  // ---- for the queries of dev.orgauthz.query: the catalog as lists

  /** The service prefixes, lowercase and sorted. */
  public List<String> servicePrefixes() {
    return services.keySet().stream().sorted().toList();
  }

  /** The action names of a service, as the catalog spells them; empty for an unknown service. */
  public List<String> actionNames(String prefix) {
    Actions actions = services.get(prefix.toLowerCase(Locale.ROOT));
    return actions == null ? List.of() : actions.names;
  }
}
