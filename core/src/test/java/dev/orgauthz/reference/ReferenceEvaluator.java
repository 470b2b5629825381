package dev.orgauthz.reference;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.Principal.Kind;
import dev.orgauthz.internal.condition.ConditionSet;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.PrincipalElement;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately simple, slow and obviously correct reading of the IAM policy evaluation logic
 * (semantics.md §1.2 to §1.4, with the principal forms of §3.3 and the matching rules of §4.1 and
 * §4.2), kept in the tests to hold the compiled evaluator against. It shares nothing with the
 * engine but the condition operators ({@link ConditionSet}): its action and resource matching is a
 * naive recursive glob, its layer logic the steps of §1.2 written out one by one.
 *
 * <p>Out of scope, so never generated against it: policy variables in {@code Resource}, VPC
 * endpoint policies, and the federated-user row of §1.3 that names the IAM user who federated.
 */
public final class ReferenceEvaluator {
  private ReferenceEvaluator() {}

  /** How a resource policy statement names the principal of the request (§1.3, §3.3). */
  enum Named {
    /** Not named. */
    NO,
    /** The account is named: the identity path must allow as well. */
    ACCOUNT,
    /** The role of a role session is named: the boundary and session policy still limit it. */
    ROLE,
    /** The principal itself, or everyone: the grant stands alone. */
    ITSELF
  }

  /** The outcome of a request. */
  public static Outcome evaluate(PolicyLayers layers, EvaluationRequest request) {
    Principal principal = request.principal();
    Kind kind = principal.kind();
    boolean iamPrincipal = kind != Kind.SERVICE && kind != Kind.ANONYMOUS;
    boolean hasBoundary = !layers.permissionsBoundaries().isEmpty();

    // The policies that apply to this request, by layer (§1.1).
    List<NamedPolicy> scps = flatten(layers.scpLevels());
    List<NamedPolicy> rcps = flatten(layers.rcpLevels());
    List<NamedPolicy> identity = iamPrincipal ? layers.identityPolicies() : List.of();
    List<NamedPolicy> boundaries = iamPrincipal ? layers.permissionsBoundaries() : List.of();
    NamedPolicy session = principal.isSession() ? layers.sessionPolicy() : null;
    NamedPolicy resource = layers.resourcePolicy();

    // Step 2: a matching Deny anywhere is final.
    List<NamedPolicy> attached = new ArrayList<>();
    attached.addAll(scps);
    attached.addAll(rcps);
    attached.addAll(identity);
    attached.addAll(boundaries);
    if (session != null) {
      attached.add(session);
    }
    for (NamedPolicy policy : attached) {
      if (anyStatement(policy, Effect.DENY, request)) {
        return Outcome.EXPLICIT_DENY;
      }
    }
    if (resource != null && resourceDenies(resource, request, hasBoundary)) {
      return Outcome.EXPLICIT_DENY;
    }

    // Steps 3 and 4: every level of the RCPs, then of the SCPs, must allow.
    if (!everyLevelAllows(layers.rcpLevels(), request)) {
      return Outcome.IMPLICIT_DENY;
    }
    if (!everyLevelAllows(layers.scpLevels(), request)) {
      return Outcome.IMPLICIT_DENY;
    }

    // Steps 6 to 8: the identity path.
    boolean identityAllows =
        kind == Kind.ACCOUNT_ROOT || anyAllows(identity, request); // §1.5: root allowed by default
    boolean boundaryAllows = true;
    for (NamedPolicy boundary : boundaries) {
      boundaryAllows &= anyStatement(boundary, Effect.ALLOW, request);
    }
    boolean sessionAllows;
    if (!principal.isSession()) {
      sessionAllows = true;
    } else if (session == null) {
      sessionAllows = kind != Kind.FEDERATED_USER;
    } else {
      sessionAllows = anyStatement(session, Effect.ALLOW, request);
    }
    boolean identityPath = iamPrincipal && identityAllows && boundaryAllows && sessionAllows;

    // Step 5: the resource policy, by how strongly its allow names the principal.
    Named named = resource == null ? Named.NO : resourceGrant(resource, request);

    // §1.4: across accounts both sides must allow; there is no union.
    if (crossAccount(request)) {
      boolean principalSide = !iamPrincipal || identityPath;
      return principalSide && named != Named.NO ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
    }

    // §1.3: the same account.
    boolean resourcePath =
        switch (named) {
          case ITSELF -> true;
          case ROLE -> boundaryAllows && sessionAllows;
          case ACCOUNT -> identityPath;
          case NO -> false;
        };
    if (resourcePath) {
      return Outcome.ALLOWED;
    }
    // §1.2, §1.5: role trust policies and KMS key policies must allow explicitly.
    boolean keyOrTrustPolicy =
        resource != null
            && (service(request.action()).equals("kms")
                || request.action().toLowerCase(Locale.ROOT).startsWith("sts:assumerole"));
    return identityPath && !keyOrTrustPolicy ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
  }

  private static boolean crossAccount(EvaluationRequest request) {
    String principalAccount = request.principalAccount();
    return principalAccount == null || !principalAccount.equals(request.resourceAccount());
  }

  private static List<NamedPolicy> flatten(@Nullable List<PolicyLevel> levels) {
    List<NamedPolicy> out = new ArrayList<>();
    if (levels != null) {
      for (PolicyLevel level : levels) {
        out.addAll(level.policies());
      }
    }
    return out;
  }

  private static boolean everyLevelAllows(
      @Nullable List<PolicyLevel> levels, EvaluationRequest request) {
    if (levels == null) {
      return true;
    }
    for (PolicyLevel level : levels) {
      if (!anyAllows(level.policies(), request)) {
        return false;
      }
    }
    return true;
  }

  static boolean anyAllows(List<NamedPolicy> policies, EvaluationRequest request) {
    for (NamedPolicy policy : policies) {
      if (anyStatement(policy, Effect.ALLOW, request)) {
        return true;
      }
    }
    return false;
  }

  /** True when a statement of the effect applies: action, resource and condition (no principal). */
  static boolean anyStatement(NamedPolicy policy, Effect effect, EvaluationRequest request) {
    for (Statement statement : policy.document().statements()) {
      if (statement.effect() == effect && applies(policy, statement, request)) {
        return true;
      }
    }
    return false;
  }

  private static boolean applies(NamedPolicy policy, Statement statement, EvaluationRequest req) {
    boolean actionListed = false;
    for (String pattern : statement.actions()) {
      actionListed |= actionMatches(pattern, req.action());
    }
    if (actionListed == statement.notAction()) {
      return false;
    }
    if (!statement.resources().isEmpty()) {
      boolean resourceListed = false;
      for (String pattern : statement.resources()) {
        resourceListed |= resourceMatches(pattern, req.resource());
      }
      if (resourceListed == statement.notResource()) {
        return false;
      }
    }
    // An unreadable request value allows nothing and still denies (§1.2, step 9).
    ConditionSet condition =
        ConditionSet.compile(
            statement.conditions(),
            policy.document().variablesEnabled(),
            policy.id(),
            statement.effect());
    return condition.matches(req.context());
  }

  // ---- the resource policy

  private static boolean resourceDenies(
      NamedPolicy policy, EvaluationRequest request, boolean hasBoundary) {
    for (Statement statement : policy.document().statements()) {
      if (statement.effect() != Effect.DENY || !applies(policy, statement, request)) {
        continue;
      }
      PrincipalElement element = statement.principal();
      if (element == null) {
        return true; // a deny without Principal denies everyone
      }
      Named named = named(element, request.principal());
      if (!statement.notPrincipal() && named != Named.NO) {
        return true;
      }
      // §3.3: NotPrincipal denies everyone it does not name, and every principal with a boundary.
      if (statement.notPrincipal() && (named == Named.NO || hasBoundary)) {
        return true;
      }
    }
    return false;
  }

  static Named resourceGrant(NamedPolicy policy, EvaluationRequest request) {
    Named best = Named.NO;
    for (Statement statement : policy.document().statements()) {
      PrincipalElement element = statement.principal();
      if (statement.effect() != Effect.ALLOW
          || element == null
          || !applies(policy, statement, request)) {
        continue;
      }
      Named named = named(element, request.principal());
      if (named.ordinal() > best.ordinal()) {
        best = named;
      }
    }
    return best;
  }

  /** How a Principal element names the principal (§3.3). */
  static Named named(PrincipalElement element, Principal principal) {
    if (element.wildcard() || element.values("AWS").contains("*")) {
      return Named.ITSELF;
    }
    Named best = Named.NO;
    if (principal.kind() == Kind.SERVICE && element.values("Service").contains(principal.arn())) {
      best = Named.ITSELF;
    }
    for (String entry : element.values("AWS")) {
      Named named = namedBy(entry, principal);
      if (named.ordinal() > best.ordinal()) {
        best = named;
      }
    }
    return best;
  }

  private static Named namedBy(String entry, Principal principal) {
    String account = principal.account();
    if (account == null) {
      return Named.NO; // services and anonymous are named only by "*" or their service name
    }
    if (entry.equals(account) || entry.equals("arn:aws:iam::" + account + ":root")) {
      return Named.ACCOUNT;
    }
    boolean isRole = principal.kind() == Kind.ROLE;
    if (!isRole && entry.equals(principal.arn())) {
      return Named.ITSELF; // the user, the session, the federated user
    }
    String rolePrefix = "arn:aws:iam::" + account + ":role/";
    if (principal.isRoleOrSession() && entry.startsWith(rolePrefix)) {
      // A role is named by its ARN; role names are unique in an account whatever their path.
      String roleName = entry.substring(entry.lastIndexOf('/') + 1);
      if (roleName.equals(principal.name())) {
        return Named.ROLE;
      }
    }
    return Named.NO;
  }

  // ---- matching, §4.1 and §4.2

  /**
   * §4.1: {@code *} matches every action; otherwise the service prefix equals the request's,
   * ignoring case, and the name is a case-insensitive glob. An empty name or white space matches
   * nothing; a wildcard in the prefix is literal.
   */
  static boolean actionMatches(String pattern, String action) {
    if (pattern.equals("*")) {
      return true;
    }
    int colon = pattern.indexOf(':');
    int requestColon = action.indexOf(':');
    if (colon <= 0 || requestColon <= 0 || pattern.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    String name = pattern.substring(colon + 1);
    return !name.isEmpty()
        && pattern.substring(0, colon).equalsIgnoreCase(action.substring(0, requestColon))
        && glob(
            name.toLowerCase(Locale.ROOT),
            action.substring(requestColon + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * §4.2: {@code *} matches everything; an ARN pattern matches an ARN segment by segment
   * (partition, service, region, account), then the resource part as one glob that crosses {@code
   * /} and {@code :}; when a segment's pattern ends with {@code *}, the rest of the pattern is
   * matched against the rest of the ARN as one glob. Case-sensitive. A request resource that is not
   * an ARN (such as {@code *}) matches only {@code *}.
   */
  static boolean resourceMatches(String pattern, String resource) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] wanted = pattern.split(":", 6);
    String[] actual = resource.split(":", 6);
    if (wanted.length < 6 || actual.length < 6) {
      return false;
    }
    if (!glob(wanted[0], actual[0])) {
      return false;
    }
    for (int i = 1; i < 5; i++) {
      if (wanted[i].endsWith("*")) {
        return glob(join(wanted, i), join(actual, i));
      }
      if (!glob(wanted[i], actual[i])) {
        return false;
      }
    }
    return glob(wanted[5], actual[5]);
  }

  private static String service(String action) {
    int colon = action.indexOf(':');
    return colon < 0 ? "" : action.substring(0, colon).toLowerCase(Locale.ROOT);
  }

  private static String join(String[] parts, int from) {
    return String.join(":", List.of(parts).subList(from, parts.length));
  }

  /** The naive recursive glob: {@code *} any run, {@code ?} one character. */
  static boolean glob(String pattern, String text) {
    return glob(pattern, 0, text, 0);
  }

  private static boolean glob(String pattern, int p, String text, int t) {
    if (p == pattern.length()) {
      return t == text.length();
    }
    char c = pattern.charAt(p);
    if (c == '*') {
      for (int k = t; k <= text.length(); k++) {
        if (glob(pattern, p + 1, text, k)) {
          return true;
        }
      }
      return false;
    }
    return t < text.length()
        && (c == '?' || c == text.charAt(t))
        && glob(pattern, p + 1, text, t + 1);
  }
}
