package dev.orgauthz.testing.conformance;

import dev.orgauthz.evaluation.ControlPolicyScope;
import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.EvaluationResult;
import dev.orgauthz.evaluation.LayeredEvaluator;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs conformance cases: turns a case into {@link PolicyLayers} and an {@link EvaluationRequest}
 * as the case format defines, and evaluates it with {@link LayeredEvaluator}.
 *
 * <ul>
 *   <li>The principal's account is {@code request.principalAccount}, else the account of its ARN;
 *       the resource's account is {@code request.resourceAccount}, else the account of the resource
 *       ARN, else the principal's account.
 *   <li>SCP levels run from the root through each OU to the principal's account, each holding the
 *       SCPs whose targets name it, in case order; a level without SCPs allows nothing. RCP levels
 *       run likewise to the resource's account, with {@code RCPFullAWSAccess} at every level. No
 *       SCPs (RCPs) apply when the case has no organization, attaches none, or the account is not
 *       in the tree. Explicit {@code scpLevels} and {@code rcpLevels} are used as given (RCPs with
 *       {@code RCPFullAWSAccess} added).
 *   <li>With {@code awsExemptions} (the default), levels from the organization are skipped as AWS
 *       skips them: SCPs for the management account and service-linked roles, RCPs for the
 *       management account, service-linked roles and services without RCP support.
 *   <li>With {@code deriveContext} (the default), the principal and resource keys are added unless
 *       the case gives them, or sets them to {@code null}.
 * </ul>
 *
 * <p>A case that cannot be read, a policy that cannot be parsed, or an evaluation that fails is an
 * {@link CaseDecision#ERROR}, never an allow.
 */
public final class CaseRunner {
  /** The id of the resource control policy AWS attaches everywhere. */
  public static final String RCP_FULL_AWS_ACCESS_ID = "p-RCPFullAWSAccess";

  /** The content of {@code RCPFullAWSAccess}. */
  public static final String RCP_FULL_AWS_ACCESS =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
          + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private CaseRunner() {}

  /** Runs a case, or reports why it cannot be read. */
  public static CaseResult run(CaseEntry entry) {
    if (entry instanceof CaseEntry.Unreadable unreadable) {
      return new CaseResult(
          unreadable.name(),
          unreadable.location(),
          CaseDecision.ERROR,
          oneLine(unreadable.error().getMessage()),
          unreadable.expected(),
          true,
          null);
    }
    return run(((CaseEntry.Loaded) entry).value());
  }

  /** Runs a case. Never throws for a problem in the case: that is an error result. */
  public static CaseResult run(ConformanceCase testCase) {
    String error;
    try {
      PreparedCase prepared = prepare(testCase);
      EvaluationResult result = LayeredEvaluator.evaluate(prepared.layers(), prepared.request());
      return new CaseResult(
          testCase.name(),
          testCase.location(),
          CaseDecision.of(result.outcome()),
          null,
          testCase.expected(),
          testCase.expected() != null,
          result);
    } catch (PolicyException | CaseException | IllegalArgumentException e) {
      error = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    } catch (RuntimeException e) {
      error = "evaluation failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new CaseResult(
        testCase.name(),
        testCase.location(),
        CaseDecision.ERROR,
        oneLine(error),
        testCase.expected(),
        testCase.expected() != null,
        null);
  }

  /**
   * Turns a case into layers and a request, parsing every policy of the case.
   *
   * @throws PolicyException when a policy of the case cannot be parsed
   * @throws IllegalArgumentException when the principal cannot be parsed, or no resource account
   *     can be found
   */
  public static PreparedCase prepare(ConformanceCase testCase) {
    return prepare(testCase, CasePolicy::parse);
  }

  static PreparedCase prepare(ConformanceCase testCase, Function<CasePolicy, NamedPolicy> parser) {
    CaseRequest caseRequest = testCase.request();
    Principal principal = Principal.parse(caseRequest.principal());
    EvaluationRequest asGiven =
        EvaluationRequest.of(
            principal,
            caseRequest.action(),
            caseRequest.resource(),
            caseRequest.principalAccount(),
            caseRequest.resourceAccount(),
            caseRequest.context());
    String principalAccount = asGiven.principalAccount();
    String resourceAccount = asGiven.resourceAccount();

    // Parse every policy, so that a broken one is an error even where it would not apply.
    List<NamedPolicy> scps = parseAll(attachedPolicies(testCase.scps()), parser);
    List<NamedPolicy> rcps = parseAll(attachedPolicies(testCase.rcps()), parser);
    List<PolicyLevel> scpLevels = explicitLevels(testCase.scpLevels(), parser, null);
    NamedPolicy rcpFullAccess =
        parser.apply(
            new CasePolicy(
                RCP_FULL_AWS_ACCESS_ID,
                PolicyType.RESOURCE_CONTROL,
                RCP_FULL_AWS_ACCESS,
                testCase.name() + ": implicit " + RCP_FULL_AWS_ACCESS_ID));
    List<PolicyLevel> rcpLevels = explicitLevels(testCase.rcpLevels(), parser, rcpFullAccess);
    PolicyLayers.Builder layers = PolicyLayers.builder();
    layers.identityPolicies(parseAll(testCase.identityPolicies(), parser));
    parseAll(testCase.permissionsBoundaries(), parser).forEach(layers::permissionsBoundary);
    layers.sessionPolicy(parseOrNull(testCase.sessionPolicy(), parser));
    layers.resourcePolicy(parseOrNull(testCase.resourcePolicy(), parser));
    parseAll(testCase.vpcEndpointPolicies(), parser).forEach(layers::vpcEndpointPolicy);

    // Service control policies, along the path to the principal's account.
    CaseOrganization org = testCase.organization();
    boolean exemptions = testCase.options().awsExemptions();
    String management =
        org == null ? "" : Objects.requireNonNullElse(org.managementAccountId(), "");
    String scpExemption =
        exemptions ? ControlPolicyScope.scpExemption(principal, management) : null;
    if (scpLevels != null) {
      layers.scpLevels(scpLevels);
    } else if (org == null) {
      layers.noScps("the case has no organization");
    } else if (testCase.scps().isEmpty()) {
      layers.noScps("the case attaches no service control policies");
    } else if (principalAccount == null) {
      layers.noScps("the principal `" + principal.arn() + "` belongs to no account");
    } else if (org.ancestorsOf(principalAccount).isEmpty()) {
      layers.noScps(
          "the principal's account `" + principalAccount + "` is not in the organization");
    } else if (scpExemption != null) {
      layers.noScps(scpExemption);
    } else {
      layers.scpLevels(levelsFromTree(org, principalAccount, testCase.scps(), scps, null));
    }

    // Resource control policies, along the path to the resource's account.
    String rcpExemption =
        exemptions
            ? rcpExemption(principal, caseRequest.action(), resourceAccount, management, testCase)
            : null;
    if (rcpLevels != null) {
      layers.rcpLevels(rcpLevels);
    } else if (org == null) {
      layers.noRcps("the case has no organization");
    } else if (testCase.rcps().isEmpty()) {
      layers.noRcps("the case attaches no resource control policies");
    } else if (org.ancestorsOf(resourceAccount).isEmpty()) {
      layers.noRcps("the resource's account `" + resourceAccount + "` is not in the organization");
    } else if (rcpExemption != null) {
      layers.noRcps(rcpExemption);
    } else {
      layers.rcpLevels(levelsFromTree(org, resourceAccount, testCase.rcps(), rcps, rcpFullAccess));
    }

    RequestContext context =
        testCase.options().deriveContext()
            ? deriveContext(testCase, principal, principalAccount, resourceAccount)
            : caseRequest.context();
    EvaluationRequest request =
        new EvaluationRequest(
            principal,
            caseRequest.action(),
            caseRequest.resource(),
            principalAccount,
            resourceAccount,
            context);
    return new PreparedCase(layers.build(), request);
  }

  /**
   * The levels from the root through each OU to the account, each with the policies attached to it
   * in case order, after {@code implicit} when there is one.
   */
  private static List<PolicyLevel> levelsFromTree(
      CaseOrganization org,
      String account,
      List<AttachedPolicy> attached,
      List<NamedPolicy> parsed,
      @Nullable NamedPolicy implicit) {
    List<PolicyLevel> levels = new ArrayList<>();
    for (OrgNode node : org.ancestorsOf(account).orElseThrow()) {
      levels.add(level(node.id(), node.name(), attached, parsed, implicit));
    }
    String accountName = org.account(account).map(OrgAccount::name).orElse(account);
    levels.add(level(account, accountName, attached, parsed, implicit));
    return levels;
  }

  private static PolicyLevel level(
      String target,
      String name,
      List<AttachedPolicy> attached,
      List<NamedPolicy> parsed,
      @Nullable NamedPolicy implicit) {
    List<NamedPolicy> policies = new ArrayList<>();
    for (int i = 0; i < attached.size(); i++) {
      if (attached.get(i).targets().contains(target)) {
        policies.add(parsed.get(i));
      }
    }
    return new PolicyLevel(target, name, withImplicit(policies, implicit));
  }

  private static @Nullable List<PolicyLevel> explicitLevels(
      @Nullable List<CaseLevel> levels,
      Function<CasePolicy, NamedPolicy> parser,
      @Nullable NamedPolicy implicit) {
    if (levels == null) {
      return null;
    }
    List<PolicyLevel> out = new ArrayList<>();
    for (CaseLevel level : levels) {
      List<NamedPolicy> policies = withImplicit(parseAll(level.policies(), parser), implicit);
      out.add(new PolicyLevel(level.target(), level.target(), policies));
    }
    return out;
  }

  /** The policies with {@code implicit} first, unless the case attaches it itself. */
  private static List<NamedPolicy> withImplicit(
      List<NamedPolicy> policies, @Nullable NamedPolicy implicit) {
    if (implicit == null || policies.stream().anyMatch(p -> p.id().equals(implicit.id()))) {
      return policies;
    }
    List<NamedPolicy> out = new ArrayList<>();
    out.add(implicit);
    out.addAll(policies);
    return out;
  }

  /**
   * Why RCPs do not apply, or null: {@link ControlPolicyScope#rcpExemption}, except that a case
   * that lists {@code rcpServices} decides which services RCPs support.
   */
  private static @Nullable String rcpExemption(
      Principal principal,
      String action,
      String resourceAccount,
      String management,
      ConformanceCase testCase) {
    Set<String> services = testCase.options().rcpServices();
    if (services == null) {
      return ControlPolicyScope.rcpExemption(principal, action, resourceAccount, management);
    }
    int colon = action.indexOf(':');
    String service = (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
    if (management.equals(resourceAccount)) {
      return "RCPs do not restrict resources of the management account";
    }
    if (principal.isServiceLinkedRole()) {
      return "RCPs do not restrict service-linked roles";
    }
    if (!services.contains(service)) {
      return "service `" + service + "` is not in the case's `rcpServices`";
    }
    if (action.equalsIgnoreCase("kms:RetireGrant")) {
      return "RCPs never restrict kms:RetireGrant";
    }
    return null;
  }

  /**
   * The case's context with the principal and resource keys added where the case neither gives them
   * nor sets them to {@code null}.
   */
  private static RequestContext deriveContext(
      ConformanceCase testCase,
      Principal principal,
      @Nullable String principalAccount,
      String resourceAccount) {
    Set<String> absent = testCase.request().absentKeys();
    RequestContext.Builder context = testCase.request().context().toBuilder();
    CaseOrganization org = testCase.organization();
    boolean anonymous = principal.kind() == Principal.Kind.ANONYMOUS;
    boolean member = !anonymous && principal.kind() != Principal.Kind.SERVICE;

    String principalArn = principal.principalArn();
    if (principalArn != null) {
      add(context, absent, "aws:PrincipalArn", principalArn);
    }
    String account = anonymous ? "anonymous" : principalAccount;
    if (account != null) {
      add(context, absent, "aws:PrincipalAccount", account);
    }
    if (org != null && member && principalAccount != null) {
      addOrgKeys(
          context, absent, org, principalAccount, "aws:PrincipalOrgID", "aws:PrincipalOrgPaths");
    }
    add(context, absent, "aws:ResourceAccount", resourceAccount);
    if (org != null) {
      addOrgKeys(
          context, absent, org, resourceAccount, "aws:ResourceOrgID", "aws:ResourceOrgPaths");
    }
    return context.build();
  }

  private static void addOrgKeys(
      RequestContext.Builder context,
      Set<String> absent,
      CaseOrganization org,
      String account,
      String idKey,
      String pathsKey) {
    Optional<String> path = org.orgPath(account);
    String orgId = org.id();
    if (path.isEmpty() || orgId == null) {
      return;
    }
    add(context, absent, idKey, orgId);
    if (!absent.contains(pathsKey.toLowerCase(Locale.ROOT))) {
      context.putAllIfAbsent(pathsKey, List.of(path.get()));
    }
  }

  private static void add(
      RequestContext.Builder context, Set<String> absent, String key, String value) {
    if (!absent.contains(key.toLowerCase(Locale.ROOT))) {
      context.putIfAbsent(key, value);
    }
  }

  private static List<CasePolicy> attachedPolicies(List<AttachedPolicy> attached) {
    List<CasePolicy> out = new ArrayList<>();
    attached.forEach(policy -> out.add(policy.policy()));
    return out;
  }

  private static List<NamedPolicy> parseAll(
      List<CasePolicy> policies, Function<CasePolicy, NamedPolicy> parser) {
    List<NamedPolicy> out = new ArrayList<>();
    policies.forEach(policy -> out.add(parser.apply(policy)));
    return out;
  }

  private static @Nullable NamedPolicy parseOrNull(
      @Nullable CasePolicy policy, Function<CasePolicy, NamedPolicy> parser) {
    return policy == null ? null : parser.apply(policy);
  }

  private static String oneLine(String message) {
    return message.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}
