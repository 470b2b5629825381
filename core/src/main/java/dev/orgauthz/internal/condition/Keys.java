package dev.orgauthz.internal.condition;

import dev.orgauthz.evaluation.RequestContext;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where conditions read the request's keys. The evaluator passes a view that layers the caller's
 * keys over the keys derived from the model, without copying them into one map per request.
 * Conditions ask for their keys lowercased, as compiled: a view may rely on it and skip case
 * folding.
 */
public interface Keys {
  /** The values of a key, given lowercase, or null when the request lacks it. */
  @Nullable List<String> values(String key);

  /**
   * True when the key, given lowercase, is multivalued; see {@link RequestContext#isMultivalued}.
   */
  boolean isMultivalued(String key);

  /** What {@link #recall} returns when it does not know the answer. */
  int UNKNOWN = -1;

  /**
   * The answer a costly clause gave before for this very list of request values (compared by
   * identity), as 1 (holds) or 0, or {@link #UNKNOWN}. A view reused across decisions may keep
   * recent answers, since the lists of a model's keys are the same objects from one decision to the
   * next; the default keeps none.
   */
  default int recall(Object clause, List<String> values) {
    return UNKNOWN;
  }

  /** Keeps the answer of a costly clause for a list of request values; see {@link #recall}. */
  default void remember(Object clause, List<String> values, boolean holds) {}

  /**
   * True when a key, given lowercase, may hold different values for two users of one role: {@code
   * aws:userid}, {@code identitystore:userid} and the principal tags ({@code
   * aws:principaltag/...}). A view with {@link #sourceCount sources} keeps every other key of a
   * session in sources that all the users of a role share.
   */
  static boolean variesByUser(String key) {
    return key.equals("aws:userid")
        || key.startsWith("identitystore:")
        || key.startsWith("aws:principaltag/");
  }

  /**
   * How many objects hold this view's keys besides the caller's own, for a memo of decisions; 0
   * (the default) when the view cannot tell, and then nothing is kept.
   */
  default int sourceCount() {
    return 0;
  }

  /**
   * Source {@code i} of this view's keys ({@code 0 <= i < sourceCount()}): two views whose sources
   * are equal (the same objects, or equal values) and whose caller gave equal values for a set of
   * keys hold equal values for those keys, but for the time keys ({@code aws:CurrentTime}, {@code
   * aws:EpochTime}), which come from a clock.
   *
   * @param perUser false when no key {@link #variesByUser} is asked: the sources may then be the
   *     same for every user of a role
   */
  default Object source(int i, boolean perUser) {
    throw new IndexOutOfBoundsException(i);
  }

  /**
   * A hash of the sources ({@link #source}) for {@code perUser}: equal sources give equal hashes. A
   * view may leave out of it sources that it expects to be the same for most decisions, so that
   * hashing touches less memory; the memo compares every source anyway.
   */
  default int sourcesHash(boolean perUser) {
    int hash = 0;
    for (int i = 0; i < sourceCount(); i++) {
      hash = hash * 31 + source(i, perUser).hashCode();
    }
    return hash;
  }

  /** True when the caller gave no key of its own. */
  default boolean callerEmpty() {
    return false;
  }

  /** The values the caller gave for a key (lowercase), or null; see {@link #source}. */
  default @Nullable List<String> callerValues(String key) {
    return values(key);
  }

  /** True when the caller gave the key (lowercase), and gave it as multivalued. */
  default boolean callerMultivalued(String key) {
    return callerValues(key) != null && isMultivalued(key);
  }

  /** A view of one context. */
  static Keys of(RequestContext context) {
    return new Keys() {
      @Override
      public @Nullable List<String> values(String key) {
        return context.values(key);
      }

      @Override
      public boolean isMultivalued(String key) {
        return context.isMultivalued(key);
      }
    };
  }
}
