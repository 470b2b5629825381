package dev.orgauthz.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of a request and their values. Keys compare case-insensitively, as AWS
 * compares them. A key is either absent, single-valued (a list of one) or multivalued (any number,
 * including none: a present but empty set). A key set with {@link Builder#putAll} is multivalued,
 * and so are the global keys that AWS defines as multivalued ({@code aws:TagKeys}, {@code
 * aws:PrincipalOrgPaths}, ...) however they are set: an operator without {@code ForAllValues} or
 * {@code ForAnyValue} never matches a multivalued key. Immutable.
 */
public final class RequestContext {
  /** The global condition keys that AWS defines as multivalued, lowercased. */
  public static final Set<String> MULTIVALUED_GLOBAL_KEYS =
      Set.of(
          "aws:calledvia",
          "aws:principalorgpaths",
          "aws:resourceorgpaths",
          "aws:principalservicenameslist",
          "aws:tagkeys",
          "aws:sourceorgpaths",
          "aws:vpceorgpaths");

  private static final RequestContext EMPTY = new RequestContext(Map.of());

  /**
   * A key as set: its name as first written, its values, and whether it was set as multivalued.
   * Immutable, so contexts and builders share entries.
   */
  private record Entry(String name, List<String> values, boolean multivalued) {}

  /** The keys by lowercase name, in insertion order. */
  private final Map<String, Entry> entries;

  private RequestContext(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** The context with no key. */
  public static RequestContext empty() {
    return EMPTY;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this context's keys, to add or replace some. */
  public Builder toBuilder() {
    return new Builder().merge(this);
  }

  /**
   * The values of a key, or null when the request lacks it.
   *
   * @param key the key in any case
   */
  public @Nullable List<String> values(String key) {
    Entry found = entries.get(key);
    if (found != null) {
      return found.values;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    // Keys are stored lowercase: a lowercase key that missed is absent.
    return lower == key ? null : valuesOfLowercaseKey(lower);
  }

  /**
   * The values of a key given in lowercase, or null when the request lacks it: {@link
   * #values(String)} without case folding, for callers that lowercase their keys once (compiled
   * conditions do).
   */
  public @Nullable List<String> valuesOfLowercaseKey(String lowercaseKey) {
    Entry found = entries.get(lowercaseKey);
    return found == null ? null : found.values;
  }

  /** {@link #isMultivalued(String)} for a key given in lowercase, without case folding. */
  public boolean isMultivaluedLowercaseKey(String lowercaseKey) {
    Entry found = entries.get(lowercaseKey);
    return (found != null && found.multivalued) || MULTIVALUED_GLOBAL_KEYS.contains(lowercaseKey);
  }

  /**
   * True when the key is multivalued: set as a list, or one of {@link #MULTIVALUED_GLOBAL_KEYS}.
   */
  public boolean isMultivalued(String key) {
    return isMultivaluedLowercaseKey(key.toLowerCase(Locale.ROOT));
  }

  /** True when the request has the key. */
  public boolean has(String key) {
    return values(key) != null;
  }

  /** The keys as first written, in insertion order. */
  public Set<String> keys() {
    Set<String> names = new LinkedHashSet<>();
    entries.values().forEach(entry -> names.add(entry.name));
    return Collections.unmodifiableSet(names);
  }

  /** The number of keys. */
  public int size() {
    return entries.size();
  }

  /** Equal contexts have the same keys (in any case and order) with the same values and kinds. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RequestContext other) || entries.size() != other.entries.size()) {
      return false;
    }
    for (Map.Entry<String, Entry> mine : entries.entrySet()) {
      Entry theirs = other.entries.get(mine.getKey());
      if (theirs == null
          || theirs.multivalued != mine.getValue().multivalued
          || !theirs.values.equals(mine.getValue().values)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (Map.Entry<String, Entry> entry : entries.entrySet()) {
      hash += entry.getKey().hashCode() ^ entry.getValue().values.hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (Entry entry : entries.values()) {
      if (out.length() > 1) {
        out.append(", ");
      }
      List<String> list = entry.values;
      out.append(entry.name).append('=');
      out.append(list.size() == 1 ? list.get(0) : list.toString());
    }
    return out.append('}').toString();
  }

  /** Builds a {@link RequestContext}. A later value for the same key replaces the earlier one. */
  public static final class Builder {
    private Map<String, Entry> entries = new LinkedHashMap<>();

    /** True once {@link #build} handed the map to a context: the next change copies it. */
    private boolean built;

    private Builder() {}

    /** Takes a copy of the map when a built context holds it. */
    private void unshare() {
      if (built) {
        // Room for the keys a builder typically adds next, so that the copy does not grow again
        Map<String, Entry> copy = new LinkedHashMap<>(Math.max(16, 2 * (entries.size() + ROOM)));
        copy.putAll(entries);
        entries = copy;
        built = false;
      }
    }

    /**
     * The keys that the authorizer puts in every explained request, lowercased once: {@link
     * #lowercase} finds them without making a new string.
     */
    private static final Map<String, String> WELL_KNOWN =
        Stream.of(
                "aws:CurrentTime",
                "aws:EpochTime",
                "aws:RequestedRegion",
                "aws:ResourceAccount",
                "aws:ResourceOrgID",
                "aws:ResourceOrgPaths",
                "aws:PrincipalArn",
                "aws:PrincipalAccount",
                "aws:PrincipalOrgID",
                "aws:PrincipalOrgPaths",
                "aws:PrincipalType",
                "identitystore:UserId")
            .collect(Collectors.toUnmodifiableMap(k -> k, k -> k.toLowerCase(Locale.ROOT)));

    private static String lowercase(String key) {
      String known = WELL_KNOWN.get(key);
      return known != null ? known : key.toLowerCase(Locale.ROOT);
    }

    /** How many keys {@link #unshare} leaves room for. */
    private static final int ROOM = 8;

    /** Sets a single-valued key. */
    public Builder put(String key, String value) {
      unshare();
      entries.put(lowercase(key), new Entry(key, List.of(value), false));
      return this;
    }

    /** Sets a multivalued key; an empty list is a present key with no value. */
    public Builder putAll(String key, List<String> list) {
      unshare();
      entries.put(lowercase(key), new Entry(key, List.copyOf(list), true));
      return this;
    }

    /**
     * Sets every key of another context, as it is there (single-valued or multivalued), replacing
     * the keys of the same name in any case.
     */
    public Builder merge(RequestContext other) {
      if (other.entries.isEmpty()) {
        return this;
      }
      if (entries.isEmpty()) {
        // Nothing to keep: share the other's map, copied only when this builder changes it
        entries = other.entries;
        built = true;
        return this;
      }
      unshare();
      entries.putAll(other.entries);
      return this;
    }

    /** Sets a single-valued key only when the builder lacks it (in any case). */
    public Builder putIfAbsent(String key, String value) {
      if (!has(key)) {
        put(key, value);
      }
      return this;
    }

    /** Sets a multivalued key only when the builder lacks it (in any case). */
    public Builder putAllIfAbsent(String key, List<String> list) {
      if (!has(key)) {
        putAll(key, list);
      }
      return this;
    }

    /** Removes a key. */
    public Builder remove(String key) {
      unshare();
      entries.remove(key.toLowerCase(Locale.ROOT));
      return this;
    }

    /** True when the builder has the key, in any case. */
    public boolean has(String key) {
      return entries.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The immutable context. The builder stays usable: its next change works on a copy. */
    public RequestContext build() {
      if (entries.isEmpty()) {
        return EMPTY;
      }
      // Handed over, not copied: the builder copies before it changes it again. The map is never
      // handed out: lookups are on the decision path.
      built = true;
      return new RequestContext(entries);
    }
  }
}
