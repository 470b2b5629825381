package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a principal can do in one service.
 *
 * @param service the service prefix, lowercase
 * @param coverage all, some or none of the service's actions in the catalog
 * @param allowed the actions allowed, {@code service:Action}, in catalog order
 * @param actions how many actions the catalog holds for the service
 */
public record ServiceAccess(String service, Coverage coverage, List<String> allowed, int actions) {
  public ServiceAccess {
    requireNonNull(service, "service");
    requireNonNull(coverage, "coverage");
    allowed = List.copyOf(allowed);
  }
}
