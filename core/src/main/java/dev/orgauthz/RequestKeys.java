package dev.orgauthz;

import dev.orgauthz.evaluation.ControlPolicyScope;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.condition.Keys;
import dev.orgauthz.internal.engine.Engine;
import dev.orgauthz.internal.engine.SessionSources;
import dev.orgauthz.internal.engine.ThreadPadding;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of one decision, layered without copying: the caller's keys win over the keys
 * of the request (time, region, the resource's account and org), which win over the keys of the
 * user's session (user id, tags), then of the role (principal, org). Mutable and reused per thread
 * by {@link Authorizer#decide}, so a decision builds no map; keys are asked lowercase (see {@link
 * Keys}), so a layer is one hash probe; the time keys are formatted only when a condition reads
 * them, and kept while the second does not change.
 */
class RequestKeys extends ThreadPadding implements Keys {
  private static final String CURRENT_TIME = "aws:currenttime";
  private static final String EPOCH_TIME = "aws:epochtime";
  private static final String REQUESTED_REGION = "aws:requestedregion";
  private static final String USER_ID = "aws:userid";

  /** Where the last key was found, for {@link #isMultivalued}. */
  private static final int CALLER = 0;

  private static final int SINGLE = 1;
  private static final int RESOURCE = 2;
  private static final int USER = 3;
  private static final int ROLE = 4;

  private RequestContext caller = RequestContext.empty();
  private boolean callerEmpty = true;
  private KeyLayer resource = KeyLayer.EMPTY;
  private List<String> userId = List.of();
  private KeyLayer user = KeyLayer.EMPTY;
  private KeyLayer role = KeyLayer.EMPTY;
  private @Nullable String region;
  private @Nullable Instant time;
  private Clock clock = Clock.systemUTC();

  /**
   * For keys borrowed from the pool ({@link ThreadKeys}), the slot they were borrowed from, where
   * their search for a free slot starts when they are given back; -1 for a thread's own keys.
   */
  int home = -1;

  /** The engine's request view of this thread, set by the same decision. */
  final Engine.Scratch scratch = new Engine.Scratch();

  private @Nullable String lastKey;
  private int lastLayer;

  /**
   * The lists of the regions asked about, open addressed: AWS has a few dozen regions, so each
   * keeps its list and the decision path allocates none; once the table is full (regions made up by
   * the caller), a region that is not in it replaces the one at its first slot.
   */
  private static final int REGIONS = 128;

  private final @Nullable String[] regions = new String[REGIONS];

  @SuppressWarnings("unchecked")
  private final List<String>[] regionLists = new List[REGIONS];

  /**
   * Recent answers of costly clauses by (clause, list of values), direct mapped: a pattern over the
   * principal ARN gives the same answer for every decision of the role. Per thread, so unshared.
   */
  private static final int ANSWERS = 64;

  private final @Nullable Object[] answeredClauses = new Object[ANSWERS];
  private final @Nullable Object[] answeredValues = new Object[ANSWERS];
  private final boolean[] answers = new boolean[ANSWERS];

  /** log2 of the number of sets of {@link #sessionTable}. */
  private static final int SESSION_SET_BITS = 9;

  /** Ways per set of {@link #sessionTable}. */
  private static final int SESSION_WAYS = 4;

  /**
   * This thread's recent sessions by authorizer, user and account: sets of four (authorizer's
   * token, user, account, sessions) ways, the newest first, with the names' hash in {@link
   * #sessionHashes}. An authorizer's sessions of a user in an account never change, so the ones
   * kept here are the ones its catalog gives; finding them here reads neither the catalog's map of
   * users nor the user's table of accounts. The token is an object of the authorizer's own, so an
   * entry holds neither the authorizer nor its catalog, and while the entry holds the token no
   * other authorizer can have one equal to it.
   */
  private final @Nullable Object[] sessionTable = new Object[4 * SESSION_WAYS << SESSION_SET_BITS];

  /** Per way of {@link #sessionTable}: the hash of the user's and the account's names. */
  private final int[] sessionHashes = new int[SESSION_WAYS << SESSION_SET_BITS];

  /** The sessions kept for the user in the account by the authorizer of the token, or null. */
  CompiledRole.Session @Nullable [] sessions(Object authorizer, String user, String account) {
    int hash = user.hashCode() * 31 + account.hashCode();
    int first = SESSION_WAYS * sessionSet(hash);
    for (int way = first; way < first + SESSION_WAYS; way++) {
      if (sessionHashes[way] == hash && sessionTable[4 * way] == authorizer) {
        Object keptUser = sessionTable[4 * way + 1];
        Object keptAccount = sessionTable[4 * way + 2];
        if ((keptUser == user || user.equals(keptUser))
            && (keptAccount == account || account.equals(keptAccount))) {
          return (CompiledRole.Session[]) sessionTable[4 * way + 3];
        }
      }
    }
    return null;
  }

  /** Keeps the sessions of the user in the account for {@link #sessions}. */
  void keepSessions(
      Object authorizer, String user, String account, CompiledRole.Session[] sessions) {
    int hash = user.hashCode() * 31 + account.hashCode();
    int first = SESSION_WAYS * sessionSet(hash);
    System.arraycopy(sessionHashes, first, sessionHashes, first + 1, SESSION_WAYS - 1);
    System.arraycopy(sessionTable, 4 * first, sessionTable, 4 * first + 4, 4 * (SESSION_WAYS - 1));
    sessionHashes[first] = hash;
    sessionTable[4 * first] = authorizer;
    sessionTable[4 * first + 1] = user;
    sessionTable[4 * first + 2] = account;
    sessionTable[4 * first + 3] = sessions;
  }

  private static int sessionSet(int hash) {
    return (hash * 0x9E3779B9) >>> (32 - SESSION_SET_BITS);
  }

  /** Recent answers of {@link ControlPolicyScope#rcpAppliesTo}, by action (same object). */
  private final @Nullable String[] rcpActions = new String[32];

  private final boolean[] rcpAnswers = new boolean[32];

  private long secondOfLists = Long.MIN_VALUE;
  private List<String> currentTime = List.of();
  private List<String> epochTime = List.of();

  RequestKeys() {}

  /** The keys for one thread to reuse: padded on both sides (see {@link ThreadPadding}). */
  static RequestKeys padded() {
    return new Padded();
  }

  @SuppressWarnings("unused") // padding: never read
  private static final class Padded extends RequestKeys {
    private long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15, q16;
  }

  RequestKeys reset(
      RequestContext caller,
      KeyLayer resource,
      @Nullable String region,
      @Nullable Instant time,
      Clock clock) {
    this.caller = caller;
    this.callerEmpty = caller.size() == 0;
    this.lastKey = null;
    this.resource = resource;
    this.region = region;
    this.time = time;
    this.clock = clock;
    return this;
  }

  /** Sets the keys of the session asked about next. */
  RequestKeys session(CompiledRole.Session session) {
    this.userId = session.userId();
    this.user = session.userKeys();
    this.role = session.roleKeys;
    this.lastKey = null;
    return this;
  }

  @Override
  public @Nullable List<String> values(String key) {
    List<String> found;
    if (!callerEmpty) {
      found = caller.valuesOfLowercaseKey(key);
      if (found != null) {
        return hit(key, CALLER, found);
      }
    }
    if (key.startsWith("aws:")) {
      if (region != null && key.equals(REQUESTED_REGION)) {
        return hit(key, SINGLE, regionList(region));
      }
      if (key.equals(CURRENT_TIME)) {
        updateTime();
        return hit(key, SINGLE, currentTime);
      }
      if (key.equals(EPOCH_TIME)) {
        updateTime();
        return hit(key, SINGLE, epochTime);
      }
      if (key.equals(USER_ID)) {
        return hit(key, SINGLE, userId);
      }
      found = resource.values(key);
      if (found != null) {
        return hit(key, RESOURCE, found);
      }
    }
    found = user.values(key);
    if (found != null) {
      return hit(key, USER, found);
    }
    found = role.values(key);
    return found == null ? null : hit(key, ROLE, found);
  }

  private List<String> hit(String key, int layer, List<String> found) {
    lastKey = key;
    lastLayer = layer;
    return found;
  }

  @Override
  public boolean isMultivalued(String key) {
    if (key != lastKey && values(key) == null) {
      return false;
    }
    return switch (lastLayer) {
      case CALLER -> caller.isMultivaluedLowercaseKey(key);
      case RESOURCE -> resource.isMultivalued(key);
      case USER -> user.isMultivalued(key);
      case ROLE -> role.isMultivalued(key);
      default -> false;
    };
  }

  @Override
  public int sourceCount() {
    return SessionSources.COUNT;
  }

  /** The sources of {@link SessionSources}: this view's keys are those of a session's decision. */
  @Override
  public Object source(int i, boolean perUser) {
    return SessionSources.source(i, perUser, resource, region, role, user, userId);
  }

  /**
   * The region and, for {@code perUser}, the user's keys: the resource's keys and the role's keys
   * are those of the plan's own role and account in all but cross-account requests.
   */
  @Override
  public int sourcesHash(boolean perUser) {
    int hash = region == null ? 0 : region.hashCode();
    return perUser ? hash * 31 + System.identityHashCode(user) : hash;
  }

  @Override
  public boolean callerEmpty() {
    return callerEmpty;
  }

  @Override
  public @Nullable List<String> callerValues(String key) {
    return callerEmpty ? null : caller.valuesOfLowercaseKey(key);
  }

  @Override
  public boolean callerMultivalued(String key) {
    return !callerEmpty
        && caller.valuesOfLowercaseKey(key) != null
        && caller.isMultivaluedLowercaseKey(key);
  }

  @Override
  public int recall(Object clause, List<String> values) {
    int slot = answerSlot(clause, values);
    if (answeredClauses[slot] == clause && answeredValues[slot] == values) {
      return answers[slot] ? 1 : 0;
    }
    return UNKNOWN;
  }

  @Override
  public void remember(Object clause, List<String> values, boolean holds) {
    int slot = answerSlot(clause, values);
    answeredClauses[slot] = clause;
    answeredValues[slot] = values;
    answers[slot] = holds;
  }

  private static int answerSlot(Object clause, List<String> values) {
    int hash = System.identityHashCode(clause) * 31 + System.identityHashCode(values);
    return (hash ^ (hash >>> 16)) & (ANSWERS - 1);
  }

  /** {@link ControlPolicyScope#rcpAppliesTo}, kept for recent actions. */
  boolean rcpAppliesTo(String action) {
    int slot = action.hashCode() & (rcpActions.length - 1);
    if (rcpActions[slot] != action) {
      rcpAnswers[slot] = ControlPolicyScope.rcpAppliesTo(action);
      rcpActions[slot] = action;
    }
    return rcpAnswers[slot];
  }

  private List<String> regionList(String region) {
    int hash = region.hashCode();
    int first = (hash ^ (hash >>> 16)) & (REGIONS - 1);
    for (int i = 0; i < REGIONS; i++) {
      int slot = (first + i) & (REGIONS - 1);
      String kept = regions[slot];
      if (kept == null) {
        regions[slot] = region;
        regionLists[slot] = List.of(region);
        return regionLists[slot];
      }
      if (kept == region || kept.equals(region)) {
        return regionLists[slot];
      }
    }
    regions[first] = region;
    regionLists[first] = List.of(region);
    return regionLists[first];
  }

  /** Brings the time lists up to the request's second. */
  private void updateTime() {
    Instant fixed = time;
    long second = fixed != null ? fixed.getEpochSecond() : Math.floorDiv(clock.millis(), 1000);
    if (second != secondOfLists) {
      secondOfLists = second;
      currentTime = List.of(DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(second)));
      epochTime = List.of(Long.toString(second));
    }
  }

  /**
   * Drops the references to the last request, so that a pooled instance keeps nothing alive but its
   * recent answers: of costly clauses (at most 64 clauses and lists of values) and of the RCP scope
   * of actions (at most 32 action strings).
   */
  void clear() {
    caller = RequestContext.empty();
    callerEmpty = true;
    resource = KeyLayer.EMPTY;
    userId = List.of();
    user = KeyLayer.EMPTY;
    role = KeyLayer.EMPTY;
    lastKey = null;
    time = null;
  }
}
