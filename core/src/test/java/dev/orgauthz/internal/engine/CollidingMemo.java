package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.condition.Keys;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The decision path with a memo whose hashes all collide: every kept outcome lands in one set under
 * one hash, so only the memo's full comparison of what a plan reads keeps the answers apart; and
 * every plan of the thread's table of plans lands in one set of eight, so only the comparison of
 * layers and action finds the right one. For tests that hold the memo to a reference; not
 * thread-safe.
 */
public final class CollidingMemo {
  /** The first source of every view, the same for all. */
  private static final Object SOURCE = new Object();

  private final Engine.Scratch scratch = new Engine.Scratch();

  public CollidingMemo() {
    this(new DecisionMemo(0));
    scratch.collidePlans();
  }

  /** The same fast path over another memo (tests of a memo's growth give an ordinary one). */
  CollidingMemo(DecisionMemo memo) {
    scratch.memo(memo);
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

  /**
   * A view of a context that holds some keys in a source, as the authorizer holds the keys of the
   * model: those whose lowercase name has an even hash are in {@link #source} (one map of their
   * values and whether each is multivalued), the others are the caller's. Two requests that differ
   * only in a key of the source are then told apart by the memo's comparison of sources alone.
   */
  private static final class CallerKeys implements Keys {
    private final RequestContext context;
    private final Map<String, List<Object>> held = new HashMap<>();
    private final boolean callerEmpty;

    CallerKeys(RequestContext context) {
      this.context = context;
      boolean empty = true;
      for (String name : context.keys()) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> values = context.valuesOfLowercaseKey(key);
        if (values == null) {
          continue;
        }
        if (inSource(key)) {
          held.put(key, List.of(values, context.isMultivaluedLowercaseKey(key)));
        } else {
          empty = false;
        }
      }
      this.callerEmpty = empty;
    }

    private static boolean inSource(String key) {
      return (key.hashCode() & 1) == 0;
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
      return 2;
    }

    @Override
    public Object source(int i, boolean perUser) {
      return i == 0 ? SOURCE : held;
    }

    @Override
    public boolean callerEmpty() {
      return callerEmpty;
    }

    @Override
    public @Nullable List<String> callerValues(String key) {
      return inSource(key) ? null : context.valuesOfLowercaseKey(key);
    }

    @Override
    public boolean callerMultivalued(String key) {
      return callerValues(key) != null && isMultivalued(key);
    }
  }
}
