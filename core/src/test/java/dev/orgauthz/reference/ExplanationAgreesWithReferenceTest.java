package dev.orgauthz.reference;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.LayerResult;
import dev.orgauthz.evaluation.LayeredEvaluator;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.reference.ReferenceEvaluator.Named;
import dev.orgauthz.reference.Scenarios.Scenario;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

/**
 * The explanation ({@code explain}) against the reference on generated scenarios: each layer in AWS
 * order with the verdict the reference gives it, every control policy level with its own verdict,
 * the statements that matched, and for each outcome the reasons it must carry (semantics 1.7): the
 * explicit denies, the first level of the organization that did not allow, or the path that
 * allowed.
 */
class ExplanationAgreesWithReferenceTest {

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.scenarios();
  }

  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void everyLayerOfTheExplanationAgreesWithTheReference(@ForAll("scenarios") Scenario scenario) {
    PolicyLayers layers = scenario.layers();
    EvaluationRequest request = scenario.request();
    Principal principal = request.principal();
    boolean iamPrincipal =
        principal.kind() != Principal.Kind.SERVICE && principal.kind() != Principal.Kind.ANONYMOUS;
    EvaluationResult result = LayeredEvaluator.evaluate(layers, request);
    SoftAssertions soft = new SoftAssertions();

    // Control policies: every level, in order, with its verdict and its denies.
    Integer rcpBlock =
        levels(soft, result, Layer.RESOURCE_CONTROL_POLICY, layers.rcpLevels(), request);
    Integer scpBlock =
        levels(soft, result, Layer.SERVICE_CONTROL_POLICY, layers.scpLevels(), request);

    // The resource policy, identity policies, boundaries and session policy.
    NamedPolicy resource = layers.resourcePolicy();
    List<LayerResult> resourceLayer = of(result, Layer.RESOURCE_POLICY);
    soft.assertThat(resourceLayer).hasSize(1);
    soft.assertThat(resourceLayer.get(0).applies()).isEqualTo(resource != null);
    if (resource != null) {
      soft.assertThat(resourceLayer.get(0).allows())
          .as("resource policy allows")
          .isEqualTo(ReferenceEvaluator.resourceGrant(resource, request) != Named.NO);
    } else {
      soft.assertThat(resourceLayer.get(0).note()).isNotEmpty();
    }

    List<LayerResult> identity = of(result, Layer.IDENTITY_POLICY);
    soft.assertThat(identity).hasSize(1);
    soft.assertThat(identity.get(0).applies()).isEqualTo(iamPrincipal);
    if (iamPrincipal) {
      boolean allows =
          principal.kind() == Principal.Kind.ACCOUNT_ROOT
              || ReferenceEvaluator.anyAllows(layers.identityPolicies(), request);
      soft.assertThat(identity.get(0).allows()).as("identity allows").isEqualTo(allows);
      soft.assertThat(identity.get(0).denies())
          .as("identity denies")
          .isEqualTo(anyDenies(layers.identityPolicies(), request));
    } else {
      soft.assertThat(identity.get(0).note()).isNotEmpty();
    }

    List<LayerResult> boundaries = of(result, Layer.PERMISSIONS_BOUNDARY);
    if (iamPrincipal && !layers.permissionsBoundaries().isEmpty()) {
      soft.assertThat(boundaries).hasSameSizeAs(layers.permissionsBoundaries());
      for (int i = 0; i < boundaries.size(); i++) {
        NamedPolicy boundary = layers.permissionsBoundaries().get(i);
        soft.assertThat(boundaries.get(i).allows())
            .as("boundary allows")
            .isEqualTo(ReferenceEvaluator.anyStatement(boundary, Effect.ALLOW, request));
      }
    } else {
      soft.assertThat(boundaries).singleElement().satisfies(l -> skipped(soft, l));
    }

    NamedPolicy session = layers.sessionPolicy();
    List<LayerResult> sessionLayer = of(result, Layer.SESSION_POLICY);
    soft.assertThat(sessionLayer).hasSize(1);
    if (principal.isSession() && session != null) {
      soft.assertThat(sessionLayer.get(0).applies()).isTrue();
      soft.assertThat(sessionLayer.get(0).allows())
          .as("session policy allows")
          .isEqualTo(ReferenceEvaluator.anyStatement(session, Effect.ALLOW, request));
    } else {
      skipped(soft, sessionLayer.get(0));
    }

    // What the outcome must carry.
    Outcome outcome = ReferenceEvaluator.evaluate(layers, request);
    soft.assertThat(result.outcome()).isEqualTo(outcome);
    soft.assertThat(result.reason()).isNotEmpty();
    switch (outcome) {
      case EXPLICIT_DENY ->
          soft.assertThat(result.explicitDenies())
              .isNotEmpty()
              .allMatch(m -> m.effect() == Effect.DENY);
      case ALLOWED -> {
        soft.assertThat(result.explicitDenies()).isEmpty();
        soft.assertThat(result.blockedBy()).isNull();
        soft.assertThat(result.allowPath()).isIn("identity", "resource policy");
        soft.assertThat(result.allowedBy()).allMatch(m -> m.effect() == Effect.ALLOW);
      }
      case IMPLICIT_DENY -> {
        soft.assertThat(result.explicitDenies()).isEmpty();
        soft.assertThat(result.reason()).startsWith("implicitly denied");
        LayerResult blocked = result.blockedBy();
        if (rcpBlock != null) {
          soft.assertThat(blocked).isNotNull();
          if (blocked != null) {
            soft.assertThat(blocked.layer()).isEqualTo(Layer.RESOURCE_CONTROL_POLICY);
            soft.assertThat(blocked.levelId()).isEqualTo("level-" + rcpBlock);
            soft.assertThat(result.reason()).contains("Level " + rcpBlock + " (level-");
          }
        } else if (scpBlock != null) {
          soft.assertThat(blocked).isNotNull();
          if (blocked != null) {
            soft.assertThat(blocked.layer()).isEqualTo(Layer.SERVICE_CONTROL_POLICY);
            soft.assertThat(blocked.levelId()).isEqualTo("level-" + scpBlock);
          }
        } else if (blocked != null) {
          soft.assertThat(blocked.layer())
              .isNotIn(Layer.RESOURCE_CONTROL_POLICY, Layer.SERVICE_CONTROL_POLICY);
        }
      }
    }
    soft.assertThat(result.crossAccount()).isEqualTo(request.crossAccount());
    if (!soft.wasSuccess()) {
      soft.assertThat(scenario.toString()).as("the scenario").isEmpty();
    }
    soft.assertAll();
  }

  /**
   * Checks the layers of one kind of control policy against its levels; returns the index of the
   * first level that does not allow, or null.
   */
  private static @Nullable Integer levels(
      SoftAssertions soft,
      EvaluationResult result,
      Layer layer,
      @Nullable List<PolicyLevel> levels,
      EvaluationRequest request) {
    List<LayerResult> found = of(result, layer);
    if (levels == null) {
      soft.assertThat(found).singleElement().satisfies(l -> skipped(soft, l));
      return null;
    }
    soft.assertThat(found).as(layer + " levels").hasSameSizeAs(levels);
    Integer firstBlock = null;
    for (int i = 0; i < Math.min(found.size(), levels.size()); i++) {
      LayerResult level = found.get(i);
      List<NamedPolicy> policies = levels.get(i).policies();
      boolean allows = ReferenceEvaluator.anyAllows(policies, request);
      soft.assertThat(level.levelId()).isEqualTo("level-" + i);
      soft.assertThat(level.levelName()).isEqualTo("Level " + i);
      soft.assertThat(level.applies()).isTrue();
      soft.assertThat(level.allows()).as(layer + " level " + i + " allows").isEqualTo(allows);
      soft.assertThat(level.denies())
          .as(layer + " level " + i + " denies")
          .isEqualTo(anyDenies(policies, request));
      for (MatchedStatement matched : level.matched()) {
        soft.assertThat(matched.layer()).isEqualTo(layer);
        soft.assertThat(matched.levelId()).isEqualTo("level-" + i);
      }
      if (!allows && firstBlock == null) {
        firstBlock = i;
      }
    }
    return firstBlock;
  }

  private static boolean anyDenies(List<NamedPolicy> policies, EvaluationRequest request) {
    return policies.stream()
        .anyMatch(p -> ReferenceEvaluator.anyStatement(p, Effect.DENY, request));
  }

  private static void skipped(SoftAssertions soft, LayerResult layer) {
    soft.assertThat(layer.applies()).as(layer.layer() + " applies").isFalse();
    soft.assertThat(layer.note()).as(layer.layer() + " note").isNotEmpty();
  }

  private static List<LayerResult> of(EvaluationResult result, Layer layer) {
    return result.layers().stream().filter(l -> l.layer() == layer).toList();
  }
}
