package dev.orgauthz;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.internal.condition.Keys;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of one decision, layered without copying: the caller's keys win over the keys
 * of the request (time, region, the resource's account and org), which win over the keys of the
 * session (principal, org, user, tags). Mutable and reused per thread by {@link Authorizer#decide},
 * so a decision builds no map; the time keys are formatted only when a condition reads them, and
 * kept while the second does not change.
 */
final class RequestKeys implements Keys {
  private static final String CURRENT_TIME = "aws:CurrentTime";
  private static final String EPOCH_TIME = "aws:EpochTime";
  private static final String REQUESTED_REGION = "aws:RequestedRegion";

  private RequestContext caller = RequestContext.empty();
  private RequestContext resource = RequestContext.empty();
  private RequestContext session = RequestContext.empty();
  private @Nullable String region;
  private @Nullable Instant time;
  private Clock clock = Clock.systemUTC();

  /** A small direct-mapped cache of region lists: there are few regions, and lists are kept. */
  private final @Nullable String[] regions = new String[32];

  @SuppressWarnings("unchecked")
  private final List<String>[] regionLists = new List[32];

  private long secondOfLists = Long.MIN_VALUE;
  private List<String> currentTime = List.of();
  private List<String> epochTime = List.of();

  RequestKeys reset(
      RequestContext caller,
      RequestContext resource,
      @Nullable String region,
      @Nullable Instant time,
      Clock clock) {
    this.caller = caller;
    this.resource = resource;
    this.region = region;
    this.time = time;
    this.clock = clock;
    return this;
  }

  RequestKeys session(RequestContext session) {
    this.session = session;
    return this;
  }

  @Override
  public @Nullable List<String> values(String key) {
    List<String> found = caller.values(key);
    if (found != null) {
      return found;
    }
    if (key.length() > 4 && key.regionMatches(true, 0, "aws:", 0, 4)) {
      if (region != null && key.equalsIgnoreCase(REQUESTED_REGION)) {
        return regionList(region);
      }
      if (key.equalsIgnoreCase(CURRENT_TIME)) {
        updateTime();
        return currentTime;
      }
      if (key.equalsIgnoreCase(EPOCH_TIME)) {
        updateTime();
        return epochTime;
      }
      found = resource.values(key);
      if (found != null) {
        return found;
      }
    }
    return session.values(key);
  }

  @Override
  public boolean isMultivalued(String key) {
    if (caller.has(key)) {
      return caller.isMultivalued(key);
    }
    if (resource.has(key)) {
      return resource.isMultivalued(key);
    }
    return session.isMultivalued(key);
  }

  private List<String> regionList(String region) {
    int slot = region.hashCode() & (regions.length - 1);
    if (!region.equals(regions[slot])) {
      regions[slot] = region;
      regionLists[slot] = List.of(region);
    }
    return regionLists[slot];
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

  /** Drops the references to the last request, so that a pooled instance holds nothing alive. */
  void clear() {
    caller = RequestContext.empty();
    resource = RequestContext.empty();
    session = RequestContext.empty();
    time = null;
  }
}
