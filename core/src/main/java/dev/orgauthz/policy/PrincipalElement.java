package dev.orgauthz.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Principal} or {@code NotPrincipal} element of a statement.
 *
 * @param wildcard true for {@code "*"} (everyone, anonymous included)
 * @param entries the principals by kind ({@code AWS}, {@code Service}, {@code Federated}, {@code
 *     CanonicalUser}); {@code {"AWS": "*"}} is kept as an {@code AWS} entry of {@code *}
 */
public record PrincipalElement(boolean wildcard, Map<String, List<String>> entries) {
  public PrincipalElement {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    entries.forEach((kind, values) -> copy.put(kind, List.copyOf(values)));
    entries = java.util.Collections.unmodifiableMap(copy);
  }

  /** The principal {@code "*"}. */
  public static PrincipalElement everyone() {
    return new PrincipalElement(true, Map.of());
  }

  /** The values listed for a kind, empty when the kind is absent. */
  public List<String> values(String kind) {
    return entries.getOrDefault(kind, List.of());
  }

  /** True for {@code "*"} and for {@code {"AWS": "*"}}, which AWS treats the same. */
  public boolean isEveryone() {
    return wildcard || values("AWS").contains("*");
  }
}
