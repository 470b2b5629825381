package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.Outcome;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One conformance case: an authorization question, the policies that bear on it and, usually, the
 * answer AWS gives. Policy documents are kept as text; {@link CaseRunner} parses them. Read cases
 * with {@link CaseReader}.
 *
 * @param name the unique case id
 * @param description free text, empty when the case has none
 * @param location the file the case was read from, with the line for {@code .jsonl}
 * @param organization the organization tree, or null when the case has none
 * @param scps service control policies with their targets, empty when the case has none
 * @param scpLevels the resolved SCP levels, root first and account last, or null when not given
 *     (when given they replace {@code organization} and {@code scps} for SCPs)
 * @param rcps resource control policies with their targets, empty when the case has none
 * @param rcpLevels the resolved RCP levels, or null when not given
 * @param identityPolicies the principal's identity policies
 * @param permissionsBoundaries the principal's permissions boundary (AWS allows one; a case may
 *     give several, and each must allow)
 * @param sessionPolicy the session policy, or null
 * @param resourcePolicy the resource policy, or null
 * @param vpcEndpointPolicies the VPC endpoint policies on the path of the request
 * @param request the request
 * @param options the options
 * @param expected the answer the case expects, or null when it gives none
 */
public record ConformanceCase(
    String name,
    String description,
    String location,
    @Nullable CaseOrganization organization,
    List<AttachedPolicy> scps,
    @Nullable List<CaseLevel> scpLevels,
    List<AttachedPolicy> rcps,
    @Nullable List<CaseLevel> rcpLevels,
    List<CasePolicy> identityPolicies,
    List<CasePolicy> permissionsBoundaries,
    @Nullable CasePolicy sessionPolicy,
    @Nullable CasePolicy resourcePolicy,
    List<CasePolicy> vpcEndpointPolicies,
    CaseRequest request,
    CaseOptions options,
    @Nullable Outcome expected) {
  public ConformanceCase {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    requireNonNull(location, "location");
    scps = List.copyOf(scps);
    scpLevels = scpLevels == null ? null : List.copyOf(scpLevels);
    rcps = List.copyOf(rcps);
    rcpLevels = rcpLevels == null ? null : List.copyOf(rcpLevels);
    identityPolicies = List.copyOf(identityPolicies);
    permissionsBoundaries = List.copyOf(permissionsBoundaries);
    vpcEndpointPolicies = List.copyOf(vpcEndpointPolicies);
    requireNonNull(request, "request");
    requireNonNull(options, "options");
  }
}
