package dev.orgauthz.cli;

import dev.orgauthz.Block;
import dev.orgauthz.Decision;
import dev.orgauthz.Grant;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.RequestContext;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Decisions as JSON: a summary for {@code check}, everything for {@code explain}. */
final class DecisionJson {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private DecisionJson() {}

  /** The outcome and one outcome per role. */
  static ObjectNode summary(Decision decision) {
    ObjectNode out = JSON.createObjectNode();
    out.put("decision", decision.outcome().caseName());
    out.put("principal", decision.principal());
    out.put("account", decision.account().id());
    ArrayNode roles = out.putArray("roles");
    for (RoleDecision role : decision.roles()) {
      roles
          .addObject()
          .put("permissionSet", role.permissionSet())
          .put("roleArn", role.roleArn())
          .put("decision", role.outcome().caseName());
    }
    if (!decision.note().isEmpty()) {
      out.put("note", decision.note());
    }
    return out;
  }

  /** The whole decision: grants, blocks, missing keys, each role with its layers and context. */
  static ObjectNode full(Decision decision) {
    ObjectNode out = JSON.createObjectNode();
    out.put("decision", decision.outcome().caseName());
    out.put("principal", decision.principal());
    out.put("action", decision.request().action());
    out.put("resource", decision.request().resource());
    out.put("account", decision.account().id());
    out.put("accountName", decision.account().name());
    out.put("resourceAccount", decision.resourceAccount());
    out.put("note", decision.note());
    ArrayNode granted = out.putArray("grantedBy");
    for (Grant grant : decision.grantedBy()) {
      ObjectNode node = granted.addObject().put("permissionSet", grant.permissionSet());
      statements(node.putArray("statements"), grant.statements());
    }
    ArrayNode blocked = out.putArray("blockedBy");
    for (Block block : decision.blockedBy()) {
      ObjectNode node =
          blocked
              .addObject()
              .put("permissionSet", block.permissionSet())
              .put("decision", block.outcome().caseName())
              .put("layer", block.layer() == null ? null : block.layer().displayName())
              .put("levelId", block.levelId())
              .put("levelName", block.levelName())
              .put("reason", block.reason());
      statements(node.putArray("statements"), block.statements());
    }
    ArrayNode missing = out.putArray("missingContextKeys");
    decision.missingContextKeys().forEach(missing::add);
    ArrayNode roles = out.putArray("roles");
    for (RoleDecision role : decision.roles()) {
      role(roles.addObject(), role);
    }
    return out;
  }

  private static void role(ObjectNode out, RoleDecision role) {
    out.put("permissionSet", role.permissionSet())
        .put("permissionSetArn", role.permissionSetArn())
        .put("roleArn", role.roleArn())
        .put("roleNameSynthesized", role.roleNameSynthesized())
        .put("usable", role.usable())
        .put("decision", role.outcome().caseName())
        .put("reason", role.result().reason());
    ArrayNode layers = out.putArray("layers");
    for (LayerResult layer : role.result().layers()) {
      ObjectNode node =
          layers
              .addObject()
              .put("layer", layer.layer().displayName())
              .put("levelId", layer.levelId())
              .put("levelName", layer.levelName())
              .put("applies", layer.applies())
              .put("allows", layer.allows())
              .put("denies", layer.denies())
              .put("note", layer.note());
      statements(node.putArray("matched"), layer.matched());
    }
    EvaluationRequest request = role.request();
    if (request != null) {
      context(out.putObject("context"), request.context());
    }
  }

  private static void statements(ArrayNode out, List<MatchedStatement> statements) {
    for (MatchedStatement statement : statements) {
      out.addObject()
          .put("layer", statement.layer().displayName())
          .put("policyId", statement.policyId())
          .put("policyName", statement.policyName())
          .put("levelId", statement.levelId())
          .put("levelName", statement.levelName())
          .put("statementIndex", statement.statementIndex())
          .put("sid", statement.sid())
          .put("effect", statement.effect().name());
    }
  }

  private static void context(ObjectNode out, RequestContext context) {
    for (String key : context.keys()) {
      @Nullable List<String> values = context.values(key);
      if (values == null) {
        continue;
      }
      if (context.isMultivalued(key)) {
        ArrayNode array = out.putArray(key);
        values.forEach(array::add);
      } else {
        out.put(key, values.get(0));
      }
    }
  }
}
