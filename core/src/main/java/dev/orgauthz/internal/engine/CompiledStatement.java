package dev.orgauthz.internal.engine;

import dev.orgauthz.internal.condition.ConditionSet;
import dev.orgauthz.internal.condition.Template;
import dev.orgauthz.internal.match.ActionMatcher;
import dev.orgauthz.internal.match.ArnPattern;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One statement compiled for evaluation. */
final class CompiledStatement {
  final Statement statement;
  final boolean deny;
  private final ActionMatcher actions;
  private final boolean notAction;

  /** Compiled patterns; null where the entry holds a policy variable. */
  private final @Nullable ArnPattern[] resources;

  /** The entries that hold a policy variable; null elsewhere. */
  private final @Nullable Template[] resourceTemplates;

  private final boolean notResource;

  /** True when a resource entry holds a policy variable: its match depends on the request. */
  final boolean resourceVariables;

  /** True when the statement covers every resource ({@code "Resource": "*"} or none listed). */
  final boolean coversEveryResource;

  private final boolean anyResource;
  final @Nullable PrincipalMatcher principal;
  final boolean notPrincipal;
  final ConditionSet condition;

  /**
   * True when the condition or a resource entry reads the time ({@code aws:CurrentTime} or {@code
   * aws:EpochTime}): the only keys of a fixed request that change between two decisions.
   */
  final boolean readsTime;

  /**
   * The keys (lowercase) that the condition and the policy variables of the resource entries read:
   * with the resource, all a statement of an attached or control policy reads of the request.
   */
  final String[] keys;

  CompiledStatement(Statement statement, boolean variables, String source) {
    this.statement = statement;
    this.deny = statement.effect() == Effect.DENY;
    this.actions = ActionMatcher.compile(statement.actions());
    this.notAction = statement.notAction();
    List<String> patterns = statement.resources();
    this.anyResource = patterns.isEmpty();
    this.notResource = statement.notResource();
    this.resources = new ArnPattern[patterns.size()];
    Template[] templates = new Template[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      Template template =
          Template.parse(patterns.get(i), variables, source, statement.pointer() + "/Resource");
      if (template.hasVariables()) {
        templates[i] = template;
      } else {
        resources[i] = ArnPattern.compile(patterns.get(i), false);
      }
    }
    this.resourceTemplates = templates;
    boolean anyTemplate = false;
    for (Template template : templates) {
      anyTemplate |= template != null;
    }
    this.resourceVariables = anyTemplate;
    boolean star = false;
    for (ArnPattern pattern : resources) {
      star |= pattern != null && pattern.matchesEverything();
    }
    this.coversEveryResource = anyResource || (star && !notResource);
    this.principal =
        statement.principal() == null ? null : PrincipalMatcher.compile(statement.principal());
    this.notPrincipal = statement.notPrincipal();
    this.condition =
        ConditionSet.compile(statement.conditions(), variables, source, statement.effect());
    Set<String> keys = new HashSet<>();
    condition.collectKeys(keys);
    for (Template template : templates) {
      if (template != null) {
        template.collectKeys(keys);
      }
    }
    this.readsTime = keys.contains("aws:currenttime") || keys.contains("aws:epochtime");
    this.keys = keys.toArray(new String[0]);
  }

  /** True when the action is within the statement's scope. */
  boolean coversAction(RequestView request) {
    int colon = request.actionColon();
    return colon >= 0 && actions.matches(request.action, colon) != notAction;
  }

  /** True when the resource is within the statement's scope (policy variables resolved). */
  boolean coversResource(RequestView request) {
    return coversEveryResource || anyResourceMatches(request) != notResource;
  }

  private boolean anyResourceMatches(RequestView request) {
    for (int i = 0; i < resources.length; i++) {
      ArnPattern pattern = resources[i];
      if (pattern == null) {
        Template template = resourceTemplates[i];
        String resolved = template.resolve(request.context, true);
        if (resolved == null) {
          // An unresolved variable makes the entry match nothing.
          continue;
        }
        pattern = ArnPattern.compile(resolved, true);
      }
      if (pattern.matches(request.resource, request.colons())) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when whether the statement applies can change with the time for a fixed request: it covers
   * the action and resource (or may, through a policy variable) and reads the time.
   */
  boolean readsTime(RequestView request) {
    return readsTime && coversAction(request) && (resourceVariables || coversResource(request));
  }

  /** The service prefixes the statement can apply to; empty when it may apply to any. */
  List<String> services() {
    return notAction ? List.of() : actions.services();
  }
}
