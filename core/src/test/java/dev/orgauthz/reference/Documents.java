package dev.orgauthz.reference;

import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.policy.PrincipalElement;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds policy documents as the model, with the indexes and pointers the reader would give. */
final class Documents {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Documents() {}

  /** A Version 2012-10-17 document of the statements, renumbered, written as JSON. */
  static PolicyDocument of(PolicyType type, List<Statement> statements) {
    List<Statement> numbered = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      String pointer = "/Statement/" + i;
      List<ConditionClause> clauses = new ArrayList<>();
      for (ConditionClause c : s.conditions()) {
        String at = pointer + "/Condition/" + escape(c.operator()) + "/" + escape(c.key());
        clauses.add(new ConditionClause(c.operator(), c.key(), c.values(), at));
      }
      numbered.add(
          new Statement(
              i,
              s.sid(),
              s.effect(),
              s.principal(),
              s.notPrincipal(),
              s.actions(),
              s.notAction(),
              s.resources(),
              s.notResource(),
              clauses,
              pointer));
    }
    String text = json(numbered);
    return new PolicyDocument(
        type, PolicyDocument.VERSION_2012, null, numbered, text, "generated", List.of());
  }

  /** The statements as a policy document in JSON. */
  static String json(List<Statement> statements) {
    ObjectNode root = JSON.createObjectNode();
    root.put("Version", PolicyDocument.VERSION_2012);
    ArrayNode array = root.putArray("Statement");
    for (Statement s : statements) {
      ObjectNode node = array.addObject();
      node.put("Effect", s.effect() == Effect.ALLOW ? "Allow" : "Deny");
      PrincipalElement principal = s.principal();
      if (principal != null) {
        String key = s.notPrincipal() ? "NotPrincipal" : "Principal";
        if (principal.wildcard()) {
          node.put(key, "*");
        } else {
          ObjectNode kinds = node.putObject(key);
          for (Map.Entry<String, List<String>> entry : principal.entries().entrySet()) {
            set(kinds, entry.getKey(), entry.getValue());
          }
        }
      }
      set(node, s.notAction() ? "NotAction" : "Action", s.actions());
      set(node, s.notResource() ? "NotResource" : "Resource", s.resources());
      if (!s.conditions().isEmpty()) {
        ObjectNode condition = node.putObject("Condition");
        for (ConditionClause clause : s.conditions()) {
          ObjectNode operator =
              condition.has(clause.operator())
                  ? (ObjectNode) condition.get(clause.operator())
                  : condition.putObject(clause.operator());
          set(operator, clause.key(), clause.values());
        }
      }
    }
    return JSON.writeValueAsString(root);
  }

  private static void set(ObjectNode node, String key, List<String> values) {
    if (values.size() == 1) {
      node.put(key, values.get(0));
    } else {
      ArrayNode array = node.putArray(key);
      values.forEach(array::add);
    }
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
