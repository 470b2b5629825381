package dev.orgauthz.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The table of plans by action in {@link CompiledLayers}: it grows, starts over at its bound, tells
 * apart actions whose hashes are equal, and gives every thread the right plan while others add to
 * it. Each answer is held to {@link Engine#explain}, which makes a plan of its own.
 */
class PlanTableTest {
  private static final Principal ROLE = IdentityLayers.ROLE;

  /** Allows s3 reads and denies actions whose name ends in 7, so that plans differ by action. */
  private static final CompiledLayers LAYERS =
      IdentityLayers.of(
          "[{`Effect`:`Allow`,`Action`:`s3:Get*`,`Resource`:`*`},"
              + "{`Effect`:`Deny`,`Action`:`s3:*7`,`Resource`:`*`}]");

  private static EvaluationRequest request(String action) {
    return EvaluationRequest.of(ROLE, action, "*", null, null, RequestContext.empty());
  }

  private static Outcome expected(CompiledLayers layers, String action) {
    return Engine.explain(layers, request(action)).outcome();
  }

  private static CompiledLayers fresh() {
    return CompiledLayers.compile(LAYERS.layers(), new PolicyCompiler());
  }

  @Test
  void keepsOnePlanPerActionWhileUnderTheBound() {
    CompiledLayers layers = fresh();
    Set<Plan> plans = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < CompiledLayers.PLANS; i++) {
        String action = "s3:GetObject" + i;
        Plan plan = layers.plan(new RequestView(request(new String(action.toCharArray()))));
        assertThat(plan.action).isEqualTo(action);
        plans.add(plan);
        assertThat(Engine.decide(layers, request(action))).isEqualTo(expected(layers, action));
      }
    }
    // Equal actions given as other String objects find the plan made first
    assertThat(plans).hasSize(CompiledLayers.PLANS);
  }

  @Test
  void startsOverAtTheBoundAndStillAnswersEveryAction() {
    CompiledLayers layers = fresh();
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < 3 * CompiledLayers.PLANS + 5; i++) {
      actions.add((i % 2 == 0 ? "s3:GetObject" : "s3:PutObject") + i);
    }
    for (int round = 0; round < 2; round++) {
      for (String action : actions) {
        assertThat(Engine.decide(layers, request(action)))
            .as(action)
            .isEqualTo(expected(layers, action));
        assertThat(layers.plansKept()).isBetween(1, CompiledLayers.PLANS);
      }
    }
    assertThat(Engine.decide(layers, request("s3:GetObject7"))).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(Engine.decide(layers, request("s3:PutObject1"))).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void tellsApartActionsWhoseHashesAreEqual() {
    // "Aa" and "BB" hash alike, and so does every string made of them in the same positions.
    List<String> actions = new ArrayList<>();
    String[] halves = {"Aa", "BB"};
    for (int i = 0; i < 64; i++) {
      StringBuilder name = new StringBuilder("s3:Get");
      for (int bit = 0; bit < 6; bit++) {
        name.append(halves[(i >> bit) & 1]);
      }
      actions.add(name.append(i % 8 == 7 ? "7" : "").toString());
    }
    assertThat(new HashSet<>(actions.stream().map(a -> a.replace("7", "")).toList())).hasSize(64);
    CompiledLayers layers = fresh();
    for (int round = 0; round < 2; round++) {
      for (String action : actions) {
        Plan plan = layers.plan(new RequestView(request(action)));
        assertThat(plan.action).isEqualTo(action);
        assertThat(Engine.decide(layers, request(action))).isEqualTo(expected(layers, action));
      }
    }
  }

  @Test
  void threadsThatAddPlansAtOnceAllGetTheirOwn() throws Exception {
    CompiledLayers layers = fresh();
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        results.add(
            pool.submit(
                () -> {
                  int checked = 0;
                  // Overlapping actions in another order per thread, past the bound
                  for (int i = 0; i < 2 * CompiledLayers.PLANS; i++) {
                    int n = (i * (2 * seed + 1)) % (2 * CompiledLayers.PLANS);
                    String action = (n % 3 == 0 ? "s3:PutObject" : "s3:GetObject") + n;
                    Plan plan = layers.plan(new RequestView(request(action)));
                    if (!plan.action.equals(action)
                        || Engine.decide(layers, request(action)) != expected(layers, action)) {
                      throw new AssertionError("wrong plan or outcome for " + action);
                    }
                    checked++;
                  }
                  return checked;
                }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(2 * CompiledLayers.PLANS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
