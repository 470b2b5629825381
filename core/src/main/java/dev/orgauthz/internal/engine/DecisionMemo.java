package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.internal.condition.Keys;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of one thread's recent decisions, by plan and by all that the plan reads of the
 * request: the resource (unless every statement covers every resource), the sources of the keys
 * (see {@link Keys#source}), the caller's values of the keys the plan's statements read, the
 * principal's kind and whether the request crosses accounts. A plan of attached and control
 * policies reads nothing else, so an outcome kept here is the one {@link Engine#run} would give
 * again. Plans that read the time, or that have a resource or VPC endpoint policy, are never kept
 * (see {@link Plan#memoKeys}).
 *
 * <p>Bounded: sets of {@value #WAYS} entries, the newest first; an entry holds references to its
 * plan, its resource, its sources and the caller's lists of values, and nothing else. The caller's
 * values are in an array of their own, read only for requests whose caller gave keys, so that the
 * parts every lookup compares take 28 bytes per entry. A memo starts with {@value #FIRST_SETS} sets
 * (about 16 KB) and doubles, keeping its entries, each time it has missed twice as often as it has
 * entries since it last grew, up to {@value #MAX_SETS} sets (8,192 entries, about 0.5 MB): a thread
 * that asks few distinct questions keeps a small memo. Not thread-safe: one per thread, in {@link
 * Engine.Scratch}, so threads share nothing.
 */
final class DecisionMemo {
  static final int FIRST_SETS = 64;
  static final int MAX_SETS = 2048;

  /** Entries per set, the newest first. */
  private static final int WAYS = 4;

  /** How many caller values an entry keeps: plans that read more are kept only without them. */
  static final int WIDTH = 6;

  static final int SOURCES = 5;
  private static final int RESOURCE = 1;
  private static final int FIRST_SOURCE = 2;

  /** References per entry in {@link #entries}: the plan, the resource, the sources. */
  private static final int STRIDE = FIRST_SOURCE + SOURCES;

  /** In an entry's meta word: the caller gave no key, so the entry keeps no caller value. */
  private static final int NO_CALLER_VALUES = 1 << 30;

  private static final Outcome[] OUTCOMES = Outcome.values();

  /** How many sets: a power of two, from {@value #FIRST_SETS} to {@value #MAX_SETS}. */
  private int sets;

  /** 32 minus the log of {@link #sets}: a hash's top bits pick its set. */
  private int shift;

  /** Misses since the memo last grew. */
  private int misses;

  /** Per entry: the plan, the resource, the sources. */
  private @Nullable Object[] entries;

  /** Per entry, {@value #WIDTH} slots: the caller's values of the keys the plan reads. */
  private @Nullable Object[] values;

  /**
   * Per entry, two words: the hash, then the outcome's ordinal plus one in bits 0 and 1 (0: empty)
   * with whether the request crosses accounts, the principal's kind and which caller values are
   * multivalued above them. A set's words share a cache line.
   */
  private int[] words;

  /** ANDed with every hash; see {@link #DecisionMemo(int)}. */
  private final int hashMask;

  DecisionMemo() {
    this(-1);
  }

  /**
   * @param hashMask ANDed with every hash: -1 on the decision path; 0 in tests, which puts every
   *     entry in one set under one hash, so that only the full comparison tells entries apart
   */
  DecisionMemo(int hashMask) {
    this.hashMask = hashMask;
    this.sets = FIRST_SETS;
    this.shift = 32 - Integer.numberOfTrailingZeros(FIRST_SETS);
    this.entries = new Object[WAYS * FIRST_SETS * STRIDE];
    this.values = new Object[WAYS * FIRST_SETS * WIDTH];
    this.words = new int[2 * WAYS * FIRST_SETS];
  }

  /** Misses since the memo last grew, while it can grow (for tests). */
  int misses() {
    return misses;
  }

  /** How many outcomes the memo can keep now. */
  int capacity() {
    return WAYS * sets;
  }

  private int first(int hash) {
    return WAYS * ((hash * 0x9E3779B9) >>> shift);
  }

  /** Doubles the sets, keeping every entry (the newest of each set first, as before). */
  private void grow() {
    @Nullable Object[] oldEntries = entries;
    @Nullable Object[] oldValues = values;
    int[] oldWords = words;
    int oldSets = sets;
    sets = 2 * oldSets;
    shift--;
    entries = new Object[WAYS * sets * STRIDE];
    values = new Object[WAYS * sets * WIDTH];
    words = new int[2 * WAYS * sets];
    misses = 0;
    // Oldest first, so that each is put in front of those kept before it
    for (int way = WAYS - 1; way >= 0; way--) {
      for (int set = 0; set < oldSets; set++) {
        int entry = WAYS * set + way;
        if (oldWords[2 * entry + 1] != 0) {
          int first = first(oldWords[2 * entry]);
          shiftDown(first);
          System.arraycopy(oldEntries, entry * STRIDE, entries, first * STRIDE, STRIDE);
          System.arraycopy(oldValues, entry * WIDTH, values, first * WIDTH, WIDTH);
          words[2 * first] = oldWords[2 * entry];
          words[2 * first + 1] = oldWords[2 * entry + 1];
        }
      }
    }
  }

  /** Moves a set's entries down one way, the last one out, to make room in front. */
  private void shiftDown(int first) {
    System.arraycopy(entries, first * STRIDE, entries, (first + 1) * STRIDE, (WAYS - 1) * STRIDE);
    System.arraycopy(values, first * WIDTH, values, (first + 1) * WIDTH, (WAYS - 1) * WIDTH);
    System.arraycopy(words, 2 * first, words, 2 * first + 2, 2 * (WAYS - 1));
  }

  /**
   * True when outcomes can be kept by keys with this many sources: at least one, and no more than
   * an entry holds ({@value #SOURCES}).
   */
  static boolean keyable(int sources) {
    return sources > 0 && sources <= SOURCES;
  }

  /** The outcome of the plan for the request of the view, kept or found and kept. */
  Outcome decide(CompiledLayers layers, Plan plan, String[] read, RequestView view) {
    Keys keys = view.context;
    int sources = keys.sourceCount();
    boolean callerEmpty = keys.callerEmpty();
    if (!keyable(sources) || (!callerEmpty && plan.memoWidth > WIDTH)) {
      return Engine.run(layers, plan, view, null);
    }
    boolean perUser = plan.memoPerUser;
    String resource = plan.anyResource ? null : view.resource;
    int meta =
        (view.crossAccount ? 4 : 0)
            | (view.kind.ordinal() << 3)
            | (callerEmpty ? NO_CALLER_VALUES : 0);
    int hash = System.identityHashCode(plan) * 31 + (resource == null ? 0 : resource.hashCode());
    hash = hash * 31 + keys.sourcesHash(perUser);
    int width = Math.min(plan.memoWidth, WIDTH);
    if (!callerEmpty) {
      for (int i = 0; i < width; i++) {
        List<String> values = keys.callerValues(read[i]);
        if (values != null) {
          hash = hash * 31 + values.hashCode() + i;
          if (keys.callerMultivalued(read[i])) {
            meta |= 1 << (8 + i);
          }
        }
      }
    }
    hash ^= meta;
    hash ^= hash >>> 16;
    hash &= hashMask;
    int first = first(hash);
    for (int entry = first; entry < first + WAYS; entry++) {
      int kept = words[2 * entry + 1];
      if (kept != 0
          && words[2 * entry] == hash
          && (kept & ~3) == meta
          && same(entry, plan, resource, keys, sources, perUser, read, width, callerEmpty)) {
        return OUTCOMES[(kept & 3) - 1];
      }
    }

    Outcome outcome = Engine.run(layers, plan, view, null);
    if (sets < MAX_SETS && ++misses > 2 * capacity()) {
      grow();
      first = first(hash);
    }
    // The newest entry first: the others move down and the oldest goes.
    shiftDown(first);
    int base = first * STRIDE;
    entries[base] = plan;
    entries[base + RESOURCE] = resource;
    for (int i = 0; i < SOURCES; i++) {
      entries[base + FIRST_SOURCE + i] = i < sources ? keys.source(i, perUser) : null;
    }
    for (int i = 0; i < WIDTH; i++) {
      values[first * WIDTH + i] = callerEmpty || i >= width ? null : keys.callerValues(read[i]);
    }
    words[2 * first] = hash;
    words[2 * first + 1] = meta | (outcome.ordinal() + 1);
    return outcome;
  }

  private boolean same(
      int entry,
      Plan plan,
      @Nullable String resource,
      Keys keys,
      int sources,
      boolean perUser,
      String[] read,
      int width,
      boolean callerEmpty) {
    int base = entry * STRIDE;
    if (entries[base] != plan || !equal(entries[base + RESOURCE], resource)) {
      return false;
    }
    for (int i = 0; i < sources; i++) {
      if (!equal(entries[base + FIRST_SOURCE + i], keys.source(i, perUser))) {
        return false;
      }
    }
    if (callerEmpty) {
      // The meta words are equal, so the entry was kept without caller values too
      return true;
    }
    for (int i = 0; i < width; i++) {
      if (!equal(values[entry * WIDTH + i], keys.callerValues(read[i]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Equal kept and current parts; lists (of values) compared by index, since the {@code equals} of
   * immutable lists walks the other list with an iterator that the decision path would allocate
   * when the compiler keeps it.
   */
  static boolean equal(@Nullable Object kept, @Nullable Object current) {
    if (kept == current) {
      return true;
    }
    if (kept == null || current == null) {
      return false;
    }
    if (kept instanceof List<?> keptList && current instanceof List<?> currentList) {
      int size = keptList.size();
      if (size != currentList.size()) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!keptList.get(i).equals(currentList.get(i))) {
          return false;
        }
      }
      return true;
    }
    return kept.equals(current);
  }
}
