package dev.orgauthz.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.LayeredEvaluator;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.internal.engine.CollidingMemo;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.Engine;
import dev.orgauthz.internal.engine.PolicyCompiler;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.reference.Scenarios.Kind;
import dev.orgauthz.reference.Scenarios.Scenario;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The compiled evaluator against the {@link ReferenceEvaluator} on generated policies, layers,
 * principals and requests; and its fast path ({@code decide}) against its explaining path.
 */
class EvaluatorAgreesWithReferenceTest {

  @Provide
  Arbitrary<Scenario> scenarios() {
    return Scenarios.scenarios();
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void layeredEvaluatorAgreesWithTheReference(@ForAll("scenarios") Scenario scenario) {
    PolicyLayers layers = scenario.layers();
    EvaluationRequest request = scenario.request();

    Outcome expected = ReferenceEvaluator.evaluate(layers, request);
    Outcome actual = LayeredEvaluator.evaluate(layers, request).outcome();

    assertThat(actual).as("%s", scenario).isEqualTo(expected);
    Statistics.label("outcome").collect(expected);
    Statistics.label("cross account").collect(request.crossAccount());
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check(Outcome.ALLOWED).percentage(p -> p >= 5);
              coverage.check(Outcome.EXPLICIT_DENY).percentage(p -> p >= 5);
              coverage.check(Outcome.IMPLICIT_DENY).percentage(p -> p >= 5);
            });
  }

  @Provide
  Arbitrary<PolicyDocument> documents() {
    return Arbitraries.of(Kind.values()).flatMap(Scenarios::documents);
  }

  /** The generated documents are what the reader reads from their JSON. */
  @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
  void theReaderReadsAGeneratedDocumentBackToItsStatements(
      @ForAll("documents") PolicyDocument document) {
    PolicyDocument read = Policies.parse(document.text(), document.type(), "generated");

    assertThat(read.statements()).as(document.text()).isEqualTo(document.statements());
  }

  /**
   * One compiled set of layers answers many requests, as the {@code Authorizer} uses it: the fast
   * path agrees with the explaining path and the reference on every one, whatever it kept from the
   * requests before.
   */
  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void decideAgreesWithExplainAndTheReferenceOnLayersCompiledOnce(
      @ForAll("scenarios") Scenario scenario) {
    PolicyLayers layers = scenario.layers();
    CompiledLayers compiled = CompiledLayers.compile(layers, new PolicyCompiler());

    for (EvaluationRequest request : scenario.variants()) {
      Outcome expected = ReferenceEvaluator.evaluate(layers, request);
      assertThat(Engine.decide(compiled, request))
          .as("%s%s", request, scenario)
          .isEqualTo(expected);
      assertThat(Engine.explain(compiled, request).outcome())
          .as("%s%s", request, scenario)
          .isEqualTo(expected);
    }
  }

  /** One memo for every try, so that the plans of all the scenarios meet in its one set. */
  private static final CollidingMemo MEMO = new CollidingMemo();

  /**
   * The fast path with a memo of outcomes whose hashes all collide, asked each variant twice: what
   * the memo keeps and finds, among the outcomes of every scenario before, agrees with the
   * reference, so its full comparison of what a plan reads tells every request apart.
   */
  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void keptOutcomesAgreeWithTheReferenceWhenEveryHashCollides(
      @ForAll("scenarios") Scenario scenario) {
    PolicyLayers layers = scenario.layers();
    CompiledLayers compiled = CompiledLayers.compile(layers, new PolicyCompiler());

    for (int round = 0; round < 2; round++) {
      for (EvaluationRequest request : scenario.variants()) {
        assertThat(MEMO.decide(compiled, request))
            .as("round %d: %s%s", round, request, scenario)
            .isEqualTo(ReferenceEvaluator.evaluate(layers, request));
      }
    }
  }
}
