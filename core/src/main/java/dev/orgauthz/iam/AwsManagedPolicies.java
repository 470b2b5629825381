package dev.orgauthz.iam;

import static dev.orgauthz.internal.model.Checks.requireNew;

import dev.orgauthz.internal.snapshot.BundledManagedPolicies;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog of AWS managed policies by ARN. AWS managed policies exist in every account; a
 * permission set that names one the catalog lacks is a model error. The caller supplies the
 * documents (from an export, or written for a test); {@link #bundled()} holds copies of commonly
 * used AWS managed policies that ship with the library, which the reader of exports falls back on.
 */
public final class AwsManagedPolicies {
  private static final AwsManagedPolicies EMPTY = new AwsManagedPolicies(List.of());

  private final Map<String, ManagedPolicy> byArn;

  private AwsManagedPolicies(Collection<ManagedPolicy> policies) {
    Map<String, ManagedPolicy> map = new LinkedHashMap<>();
    for (ManagedPolicy policy : policies) {
      requireNew(map, policy.arn(), policy, "AWS managed policy");
    }
    this.byArn = Collections.unmodifiableMap(map);
  }

  /** The catalog of the policies given. */
  public static AwsManagedPolicies of(Collection<ManagedPolicy> policies) {
    return new AwsManagedPolicies(policies);
  }

  /** The catalog without policies. */
  public static AwsManagedPolicies empty() {
    return EMPTY;
  }

  /**
   * The AWS managed policies bundled with the library: AdministratorAccess, PowerUserAccess,
   * ReadOnlyAccess, SecurityAudit, the job-function policies (Billing, DatabaseAdministrator,
   * DataScientist, NetworkAdministrator, SupportUser, SystemAdministrator, ViewOnlyAccess) and a
   * few more, each at the version of its copy ({@link ManagedPolicy#versionId()}). Copies age: AWS
   * updates its policies, so prefer the ones of an export when you have them. Read once, on first
   * use.
   */
  public static AwsManagedPolicies bundled() {
    return BundledManagedPolicies.get().catalog();
  }

  /** The policy with this ARN. */
  public Optional<ManagedPolicy> policy(String arn) {
    return Optional.ofNullable(byArn.get(arn));
  }

  /** The policies, in the order given. */
  public List<ManagedPolicy> policies() {
    return List.copyOf(byArn.values());
  }
}
