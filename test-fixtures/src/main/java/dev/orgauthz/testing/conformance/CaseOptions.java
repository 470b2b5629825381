package dev.orgauthz.testing.conformance;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of a case.
 *
 * @param deriveContext add {@code aws:PrincipalArn}, {@code aws:PrincipalAccount}, {@code
 *     aws:PrincipalOrgID}, {@code aws:PrincipalOrgPaths}, {@code aws:ResourceAccount}, {@code
 *     aws:ResourceOrgID} and {@code aws:ResourceOrgPaths} from the request and the organization
 *     unless the context has them (default true)
 * @param awsExemptions apply the AWS exemptions from control policies (management account,
 *     service-linked roles, services without RCP support) when the levels come from the
 *     organization and targets (default true)
 * @param rcpServices the service prefixes, lowercased, that RCPs apply to in this case, or null for
 *     the library's list ({@link dev.orgauthz.evaluation.ControlPolicyScope#RCP_SERVICES})
 */
public record CaseOptions(
    boolean deriveContext, boolean awsExemptions, @Nullable Set<String> rcpServices) {
  public CaseOptions {
    rcpServices = rcpServices == null ? null : Set.copyOf(rcpServices);
  }

  /** The options of a case that gives none. */
  public static CaseOptions defaults() {
    return new CaseOptions(true, true, null);
  }
}
