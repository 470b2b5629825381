package dev.orgauthz;

import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.policy.Effect;
import java.util.List;
import java.util.Set;

/** Renders a {@link Decision} as text a person reads. */
final class DecisionText {
  private DecisionText() {}

  static String render(Decision decision) {
    AccessRequest request = decision.request();
    StringBuilder out = new StringBuilder();

    // The question and the answer
    out.append("Can ")
        .append(decision.principal())
        .append(" perform ")
        .append(request.action())
        .append(" on ")
        .append(request.resource())
        .append(" in ")
        .append(decision.account().label());
    if (request.region() != null) {
      out.append(", region ").append(request.region());
    }
    out.append("?\n");
    out.append(outcome(decision.outcome()));
    if (!decision.roles().isEmpty()) {
      out.append(" (").append(decision.roles().size()).append(" role");
      out.append(decision.roles().size() == 1 ? ")" : "s, each evaluated on its own)");
    }
    out.append('\n');
    if (!decision.note().isEmpty()) {
      out.append(decision.note()).append('\n');
    }
    if (!decision.resourceAccount().equals(decision.account().id())) {
      out.append("The resource belongs to account ")
          .append(decision.resourceAccount())
          .append(": the request is cross-account\n");
    }
    for (Grant grant : decision.grantedBy()) {
      out.append("Granted by ").append(grant.describe()).append('\n');
    }

    // Each role and why
    for (RoleDecision role : decision.roles()) {
      out.append('\n').append(role.permissionSet()).append(": ").append(outcome(role.outcome()));
      out.append("\n  role ").append(role.roleArn());
      if (role.roleNameSynthesized()) {
        out.append(" (name synthesized: the account's IAM data lists no provisioned role)");
      }
      out.append("\n  ").append(role.result().reason()).append('\n');
      for (LayerResult layer : role.result().layers()) {
        out.append("  - ").append(layer(layer)).append('\n');
      }
      Set<String> missing = role.result().missingContextKeys();
      if (!missing.isEmpty()) {
        out.append("  conditions read keys the request lacks: ")
            .append(String.join(", ", new java.util.TreeSet<>(missing)))
            .append('\n');
      }
    }
    return out.toString();
  }

  static String outcome(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> "Allowed";
      case EXPLICIT_DENY -> "Explicitly denied";
      case IMPLICIT_DENY -> "Implicitly denied";
    };
  }

  private static String layer(LayerResult layer) {
    StringBuilder out = new StringBuilder(layer.layer().displayName());
    String levelId = layer.levelId();
    if (levelId != null) {
      out.append(" at ").append(Texts.level(levelId, layer.levelName()));
    }
    out.append(": ");
    if (!layer.applies()) {
      out.append("not applied");
      if (!layer.note().isEmpty()) {
        out.append(", ").append(layer.note());
      }
      return out.toString();
    }
    out.append(layer.denies() ? "denies" : layer.allows() ? "allows" : "does not allow");
    List<MatchedStatement> matched = layer.matched();
    for (int i = 0; i < matched.size(); i++) {
      MatchedStatement statement = matched.get(i);
      out.append(i == 0 ? " (" : ", ")
          .append('`')
          .append(statement.policyName())
          .append("` ")
          .append(
              statement.sid() != null && !statement.sid().isEmpty()
                  ? "`" + statement.sid() + "`"
                  : "#" + statement.statementIndex());
      if (statement.effect() == Effect.DENY) {
        out.append(" deny");
      }
    }
    if (!matched.isEmpty()) {
      out.append(')');
    }
    if (!layer.note().isEmpty()) {
      out.append("; ").append(layer.note());
    }
    return out.toString();
  }
}
