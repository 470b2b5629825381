package dev.orgauthz.cli;

import dev.orgauthz.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options the queries share: resource, region and context keys of every question. */
final class QueryOptions {
  @Option(
      names = "--resource",
      paramLabel = "ARN",
      defaultValue = "*",
      description = "The resource ARN of every question (default: ${DEFAULT-VALUE}).")
  String resource = "*";

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "The region of every question (aws:RequestedRegion). Without it the key is absent, and a"
              + " region-restriction SCP with StringNotEquals denies regional actions.")
  @Nullable String region;

  @Option(
      names = "--context",
      paramLabel = "KEY=VALUE",
      description =
          "A condition key of every question; repeat a key for a multivalued key. It wins over"
              + " derived keys.")
  List<String> context = new ArrayList<>();

  /**
   * The context keys.
   *
   * @throws IllegalArgumentException when a pair is not KEY=VALUE
   */
  RequestContext contextKeys() {
    RequestContext.Builder out = RequestContext.builder();
    RequestOptions.contextKeys(context)
        .forEach(
            (key, values) -> {
              if (values.size() == 1) {
                out.put(key, values.get(0));
              } else {
                out.putAll(key, values);
              }
            });
    return out.build();
  }

  /** The region and resource as a person reads them, for a title line. */
  String where() {
    return (resource.equals("*") ? "" : " on " + resource)
        + (region == null ? ", no region" : ", region " + region);
  }
}
