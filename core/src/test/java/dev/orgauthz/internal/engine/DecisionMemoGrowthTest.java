package dev.orgauthz.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A thread's decision memo starts small and grows while it misses: a thread that asks few distinct
 * questions keeps a small memo, one that asks many grows it to the bound and no further, and the
 * outcomes kept before a growth are found after it. Every answer is held to {@link Engine#explain}.
 */
class DecisionMemoGrowthTest {
  private static final Principal ROLE = IdentityLayers.ROLE;

  /** Reads the resource and a tag, so that its outcomes are kept by resource and tag value. */
  private static final CompiledLayers LAYERS =
      IdentityLayers.of(
          "[{`Effect`:`Allow`,`Action`:`s3:GetObject`,`Resource`:`arn:aws:s3:::b/open/*`,"
              + "`Condition`:{`StringEquals`:{`s3:ExistingObjectTag/t`:`a`}}}]");

  private static EvaluationRequest request(int i) {
    String resource = "arn:aws:s3:::b/" + (i % 3 == 0 ? "closed/" : "open/") + i;
    return EvaluationRequest.of(
        ROLE,
        "s3:GetObject",
        resource,
        null,
        "111122223333",
        RequestContext.builder().put("s3:ExistingObjectTag/t", i % 2 == 0 ? "a" : "b").build());
  }

  private static List<EvaluationRequest> requests(int count) {
    List<EvaluationRequest> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(request(i));
    }
    return out;
  }

  private static void askAll(CollidingMemo path, List<EvaluationRequest> requests) {
    for (EvaluationRequest request : requests) {
      assertThat(path.decide(LAYERS, request))
          .as(request.resource())
          .isEqualTo(Engine.explain(LAYERS, request).outcome());
    }
  }

  @Test
  void aThreadThatAsksFewQuestionsKeepsASmallMemo() {
    DecisionMemo memo = new DecisionMemo();
    CollidingMemo path = new CollidingMemo(memo);
    List<EvaluationRequest> few = requests(16);
    for (int round = 0; round < 20; round++) {
      askAll(path, few);
    }
    assertThat(memo.capacity()).isEqualTo(4 * DecisionMemo.FIRST_SETS);
  }

  @Test
  void aThreadThatAsksManyQuestionsGrowsItsMemoToTheBoundAndNoFurther() {
    DecisionMemo memo = new DecisionMemo();
    CollidingMemo path = new CollidingMemo(memo);
    List<EvaluationRequest> many = requests(20_000);
    askAll(path, many);
    askAll(path, many);
    assertThat(memo.capacity()).isEqualTo(4 * DecisionMemo.MAX_SETS);
  }

  @Test
  void outcomesKeptBeforeAGrowthAreFoundAfterIt() {
    DecisionMemo memo = new DecisionMemo();
    CollidingMemo path = new CollidingMemo(memo);
    List<EvaluationRequest> asked = new ArrayList<>();
    int growths = 0;
    for (int i = 0; growths < 3; i++) {
      int before = memo.capacity();
      EvaluationRequest request = request(i);
      asked.add(request);
      path.decide(LAYERS, request);
      if (memo.capacity() == before) {
        continue;
      }
      growths++;
      // The memo grew on this miss: the questions just asked before it are kept still
      int misses = memo.misses();
      askAll(path, asked.subList(asked.size() - 8, asked.size()));
      assertThat(memo.misses()).as("misses after growth %s", growths).isEqualTo(misses);
    }
    assertThat(memo.capacity()).isEqualTo(8 * 4 * DecisionMemo.FIRST_SETS);
  }
}
