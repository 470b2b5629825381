package dev.orgauthz.evaluation;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

  private static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of(), Set.of());

  private final Map<String, List<String>> values;
  private final Map<String, String> names;
  private final Set<String> multivalued;

  private RequestContext(
      Map<String, List<String>> values, Map<String, String> names, Set<String> multivalued) {
    this.values = values;
    this.names = names;
    this.multivalued = multivalued;
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
    Builder builder = new Builder();
    names.forEach(
        (lower, name) -> {
          List<String> list = values.getOrDefault(lower, List.of());
          if (multivalued.contains(lower)) {
            builder.putAll(name, list);
          } else {
            builder.put(name, list.get(0));
          }
        });
    return builder;
  }

  /**
   * The values of a key, or null when the request lacks it.
   *
   * @param key the key in any case
   */
  public @Nullable List<String> values(String key) {
    List<String> found = values.get(key);
    if (found != null) {
      return found;
    }
    String lower = key.toLowerCase(Locale.ROOT);
    // Keys are stored lowercase: a lowercase key that missed is absent.
    return lower == key ? null : values.get(lower);
  }

  /**
   * The values of a key given in lowercase, or null when the request lacks it: {@link
   * #values(String)} without case folding, for callers that lowercase their keys once (compiled
   * conditions do).
   */
  public @Nullable List<String> valuesOfLowercaseKey(String lowercaseKey) {
    return values.get(lowercaseKey);
  }

  /** {@link #isMultivalued(String)} for a key given in lowercase, without case folding. */
  public boolean isMultivaluedLowercaseKey(String lowercaseKey) {
    return multivalued.contains(lowercaseKey) || MULTIVALUED_GLOBAL_KEYS.contains(lowercaseKey);
  }

  /**
   * True when the key is multivalued: set as a list, or one of {@link #MULTIVALUED_GLOBAL_KEYS}.
   */
  public boolean isMultivalued(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return multivalued.contains(lower) || MULTIVALUED_GLOBAL_KEYS.contains(lower);
  }

  /** True when the request has the key. */
  public boolean has(String key) {
    return values(key) != null;
  }

  /** The keys as first written, in insertion order. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(names.values()));
  }

  /** The number of keys. */
  public int size() {
    return values.size();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RequestContext other
        && values.equals(other.values)
        && multivalued.equals(other.multivalued);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    names.forEach(
        (lower, name) -> {
          List<String> list = values.getOrDefault(lower, List.of());
          if (out.length() > 1) {
            out.append(", ");
          }
          out.append(name).append('=');
          out.append(list.size() == 1 ? list.get(0) : list.toString());
        });
    return out.append('}').toString();
  }

  /** Builds a {@link RequestContext}. A later value for the same key replaces the earlier one. */
  public static final class Builder {
    private Map<String, List<String>> values = new HashMap<>();
    private Map<String, String> names = new LinkedHashMap<>();
    private Set<String> multivalued = new HashSet<>();

    /** True once {@link #build} handed the maps to a context: the next change copies them. */
    private boolean built;

    private Builder() {}

    /** Takes copies of the maps when a built context holds them. */
    private void unshare() {
      if (built) {
        // Room for the keys a builder typically adds next, so that the copies do not grow again
        int capacity = Math.max(16, 2 * (values.size() + ROOM));
        Map<String, List<String>> valuesCopy = new HashMap<>(capacity);
        valuesCopy.putAll(values);
        Map<String, String> namesCopy = new LinkedHashMap<>(capacity);
        namesCopy.putAll(names);
        values = valuesCopy;
        names = namesCopy;
        multivalued = new HashSet<>(multivalued);
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
      String lower = lowercase(key);
      values.put(lower, List.of(value));
      names.put(lower, key);
      multivalued.remove(lower);
      return this;
    }

    /** Sets a multivalued key; an empty list is a present key with no value. */
    public Builder putAll(String key, List<String> list) {
      unshare();
      String lower = lowercase(key);
      values.put(lower, List.copyOf(list));
      names.put(lower, key);
      multivalued.add(lower);
      return this;
    }

    /**
     * Sets every key of another context, as it is there (single-valued or multivalued), replacing
     * the keys of the same name in any case.
     */
    public Builder merge(RequestContext other) {
      if (values.isEmpty() && other.size() > 0) {
        // Nothing to keep: share the other's maps, copied only when this builder changes them
        values = other.values;
        names = other.names;
        multivalued = other.multivalued;
        built = true;
        return this;
      }
      unshare();
      other.names.forEach(
          (lower, name) -> {
            names.put(lower, name);
            values.put(lower, other.values.getOrDefault(lower, List.of()));
            if (other.multivalued.contains(lower)) {
              multivalued.add(lower);
            } else {
              multivalued.remove(lower);
            }
          });
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
      String lower = key.toLowerCase(Locale.ROOT);
      values.remove(lower);
      names.remove(lower);
      multivalued.remove(lower);
      return this;
    }

    /** True when the builder has the key, in any case. */
    public boolean has(String key) {
      return values.containsKey(key.toLowerCase(Locale.ROOT));
    }

    /** The immutable context. The builder stays usable: its next change works on copies. */
    public RequestContext build() {
      if (values.isEmpty()) {
        return EMPTY;
      }
      // Handed over, not copied: the builder copies before it changes them again. The values map
      // is a private HashMap, never handed out: lookups are on the decision path.
      built = true;
      return new RequestContext(
          values, Collections.unmodifiableMap(names), Collections.unmodifiableSet(multivalued));
    }
  }
}
