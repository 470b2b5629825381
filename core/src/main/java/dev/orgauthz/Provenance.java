package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where a {@link Snapshot} came from and when: an AWS CLI export collected at a time, a model built
 * in code. A snapshot file keeps the provenance of what it was written from.
 *
 * @param collectedFrom what the data was collected from, as a person reads it, for example {@code
 *     AWS CLI export of organization o-exampleorg1}
 * @param collectedAt when it was collected, or null when unknown
 * @param details further facts by name, for example {@code partition}, {@code
 *     identityCenterRegion}, or which AWS managed policies came from the bundled catalog
 */
public record Provenance(
    String collectedFrom, @Nullable Instant collectedAt, Map<String, String> details) {
  private static final Provenance UNKNOWN = new Provenance("unknown", null, Map.of());

  public Provenance {
    requireNonNull(collectedFrom, "collectedFrom");
    if (collectedFrom.isBlank()) {
      throw new ModelException("provenance has no source: say what it was collected from");
    }
    details = Collections.unmodifiableMap(new TreeMap<>(details));
  }

  /** The provenance of a model whose origin nobody recorded, such as one built in code. */
  public static Provenance unknown() {
    return UNKNOWN;
  }

  /** A provenance without details. */
  public static Provenance of(String collectedFrom, @Nullable Instant collectedAt) {
    return new Provenance(collectedFrom, collectedAt, Map.of());
  }
}
