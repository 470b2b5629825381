package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.condition.Keys;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decision path with a memo whose hashes all collide: every kept outcome lands in one set under
 * one hash, so only the memo's full comparison of what a plan reads keeps the answers apart. For
 * tests that hold the memo to a reference; not thread-safe.
 */
public final class CollidingMemo {
  /** The one source of every view: all keys are the caller's. */
  private static final Object SOURCE = new Object();

  private final Engine.Scratch scratch = new Engine.Scratch();

  public CollidingMemo() {
    scratch.memo(new DecisionMemo(0));
  }

  /** The outcome through the fast path, its plan's outcome kept in (and found in) the memo. */
  public Outcome decide(CompiledLayers layers, EvaluationRequest request) {
    Engine.Scratch prepared =
        scratch
            .request(
                request.action(),
                request.resource(),
                request.resourceAccount(),
                new CallerKeys(request.context()))
            .principal(request.principal(), request.principalAccount());
    return Engine.decide(layers, prepared);
  }

  /** A view of a context whose keys are all given by the caller. */
  private static final class CallerKeys implements Keys {
    private final RequestContext context;

    CallerKeys(RequestContext context) {
      this.context = context;
    }

    @Override
    public @Nullable List<String> values(String key) {
      return context.valuesOfLowercaseKey(key);
    }

    @Override
    public boolean isMultivalued(String key) {
      return context.isMultivaluedLowercaseKey(key);
    }

    @Override
    public int sourceCount() {
      return 1;
    }

    @Override
    public Object source(int i, boolean perUser) {
      return SOURCE;
    }

    @Override
    public boolean callerEmpty() {
      return context.size() == 0;
    }

    @Override
    public @Nullable List<String> callerValues(String key) {
      return context.valuesOfLowercaseKey(key);
    }

    @Override
    public boolean callerMultivalued(String key) {
      return values(key) != null && isMultivalued(key);
    }
  }
}
