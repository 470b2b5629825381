package dev.orgauthz.reference;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.policy.PrincipalElement;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * Generated authorization questions at the level of layered evaluation: policies of every layer
 * (Allow and Deny, Action and NotAction with wildcards over a small alphabet of services and
 * actions, Resource and NotResource with ARN patterns, optional simple conditions, principals in
 * resource policies), SCP and RCP levels, principals of every kind, and requests with a context.
 * The alphabet is small and half the patterns are derived from the request itself, so that
 * statements often apply and every outcome is common.
 *
 * <p>Documents are built as the model ({@link PolicyDocument}) without going through the reader,
 * which keeps a try fast; {@link Documents#json} writes them as JSON, and a property checks that
 * the reader reads that JSON back to the same statements.
 */
final class Scenarios {
  static final String A = "111111111111";
  static final String B = "222222222222";

  static final List<String> PRINCIPALS =
      List.of(
          "arn:aws:iam::" + A + ":user/alice",
          "arn:aws:iam::" + A + ":role/app",
          "arn:aws:iam::" + A + ":role/team/app",
          "arn:aws:sts::" + A + ":assumed-role/app/s1",
          "arn:aws:sts::" + A + ":federated-user/fed",
          "arn:aws:iam::" + A + ":root",
          "arn:aws:iam::" + B + ":user/bob",
          "arn:aws:sts::" + B + ":assumed-role/app/s2",
          "s3.amazonaws.com",
          "anonymous");

  static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "s3:ListAllMyBuckets",
          "ec2:TerminateInstances",
          "ec2:DescribeInstances",
          "iam:CreateRole",
          "kms:Decrypt",
          "logs:PutLogEvents",
          "sts:AssumeRole");

  static final List<String> RESOURCES =
      List.of(
          "arn:aws:s3:::bucket/key",
          "arn:aws:s3:::bucket",
          "arn:aws:ec2:eu-west-1:" + A + ":instance/i-1",
          "arn:aws:ec2:eu-west-1:" + B + ":instance/i-1",
          "arn:aws:iam::" + A + ":role/app",
          "arn:aws:kms:eu-west-1:" + A + ":key/k1",
          "arn:aws:logs:eu-west-1:" + A + ":log-group:app:log-stream:s1",
          "arn:aws:kms:eu-west-1:" + B + ":key/k1",
          "*");

  private static final List<String> RESOURCE_PATTERNS =
      List.of(
          "arn:aws:s3:::bucket/*",
          "arn:aws:s3:::*",
          "arn:aws:ec2:*:" + A + ":instance/*",
          "arn:aws:ec2:eu-west-1:*:*",
          "arn:aws:*:*:" + B + ":*",
          "arn:aws:iam::*:role/a?p",
          "arn:aws:kms:eu-west-1:" + B + ":key/*",
          "arn:aws:logs:eu-west-1:*:app:*",
          "arn:aws:logs:*:" + A + ":log-group:*");

  private static final List<PrincipalElement> PRINCIPAL_ELEMENTS =
      List.of(
          PrincipalElement.everyone(),
          aws("*"),
          aws(A),
          aws("arn:aws:iam::" + A + ":root"),
          aws(B),
          aws("arn:aws:iam::" + A + ":user/alice"),
          aws("arn:aws:iam::" + A + ":role/app"),
          aws("arn:aws:sts::" + A + ":assumed-role/app/s1"),
          aws("arn:aws:sts::" + A + ":federated-user/fed"),
          aws("arn:aws:iam::" + B + ":user/bob", "arn:aws:iam::" + B + ":role/app"),
          new PrincipalElement(false, Map.of("Service", List.of("s3.amazonaws.com"))));

  /** One condition clause: an operator, a key and its values. */
  record Condition(String operator, String key, List<String> values) {}

  private static final List<Condition> CONDITIONS =
      List.of(
          new Condition("StringEquals", "aws:PrincipalTag/team", List.of("red")),
          new Condition(
              "StringNotEquals", "aws:RequestedRegion", List.of("eu-west-1", "eu-west-2")),
          new Condition("Bool", "aws:SecureTransport", List.of("true")),
          new Condition("BoolIfExists", "aws:MultiFactorAuthPresent", List.of("false")),
          new Condition("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24")),
          new Condition("NotIpAddress", "aws:SourceIp", List.of("203.0.113.0/24")),
          new Condition("StringLike", "s3:prefix", List.of("home/*")),
          new Condition("Null", "aws:PrincipalTag/team", List.of("true")),
          new Condition("ForAnyValue:StringEquals", "aws:TagKeys", List.of("env")),
          new Condition("NumericLessThan", "s3:max-keys", List.of("10")));

  /** Context keys and the values a request may give them; a list value sets a multivalued key. */
  private static final Map<String, List<Object>> CONTEXT =
      Map.of(
          "aws:PrincipalTag/team", List.of("red", "blue"),
          "aws:RequestedRegion", List.of("eu-west-1", "us-east-1"),
          "aws:SecureTransport", List.of("true", "false"),
          "aws:MultiFactorAuthPresent", List.of("true", "false"),
          "aws:SourceIp", List.of("203.0.113.7", "198.51.100.1"),
          "s3:prefix", List.of("home/x", "tmp/"),
          "aws:TagKeys", List.of(List.of("env"), List.of("owner", "env"), List.of()),
          "s3:max-keys", List.of("5", "50"));

  private static final PolicyDocument FULL_AWS_ACCESS =
      Documents.of(
          PolicyType.SERVICE_CONTROL,
          List.of(
              new Statement(
                  0,
                  null,
                  Effect.ALLOW,
                  null,
                  false,
                  List.of("*"),
                  false,
                  List.of("*"),
                  false,
                  List.of(),
                  "/Statement/0")));

  private static final PolicyDocument RCP_FULL_AWS_ACCESS =
      Documents.of(
          PolicyType.RESOURCE_CONTROL,
          List.of(
              new Statement(
                  0,
                  null,
                  Effect.ALLOW,
                  PrincipalElement.everyone(),
                  false,
                  List.of("*"),
                  false,
                  List.of("*"),
                  false,
                  List.of(),
                  "/Statement/0")));

  private Scenarios() {}

  /** One authorization question: its layers, and the request. */
  record Scenario(
      @Nullable List<List<PolicyDocument>> scpLevels,
      @Nullable List<List<PolicyDocument>> rcpLevels,
      List<PolicyDocument> identity,
      List<PolicyDocument> boundaries,
      @Nullable PolicyDocument session,
      @Nullable PolicyDocument resourcePolicy,
      String principal,
      String action,
      String resource,
      String resourceAccount,
      Map<String, Object> context) {

    PolicyLayers layers() {
      PolicyLayers.Builder builder = PolicyLayers.builder();
      if (scpLevels != null) {
        builder.scpLevels(levels(scpLevels, "scp"));
      } else {
        builder.noScps("not applicable in this scenario");
      }
      if (rcpLevels != null) {
        builder.rcpLevels(levels(rcpLevels, "rcp"));
      } else {
        builder.noRcps("not applicable in this scenario");
      }
      for (int i = 0; i < identity.size(); i++) {
        builder.identityPolicy(NamedPolicy.of("identity-" + i, identity.get(i)));
      }
      for (int i = 0; i < boundaries.size(); i++) {
        builder.permissionsBoundary(NamedPolicy.of("boundary-" + i, boundaries.get(i)));
      }
      if (session != null) {
        builder.sessionPolicy(NamedPolicy.of("session", session));
      }
      if (resourcePolicy != null) {
        builder.resourcePolicy(NamedPolicy.of("resource", resourcePolicy));
      }
      return builder.build();
    }

    EvaluationRequest request() {
      RequestContext.Builder keys = RequestContext.builder();
      context.forEach(
          (key, value) -> {
            if (value instanceof List<?> list) {
              keys.putAll(key, list.stream().map(String::valueOf).toList());
            } else {
              keys.put(key, String.valueOf(value));
            }
          });
      return EvaluationRequest.of(
          Principal.parse(principal), action, resource, null, resourceAccount, keys.build());
    }

    /**
     * The request, then the same principal asking again with the context emptied, with every other
     * value of each key, for every other action of the alphabet, on every resource, and every
     * principal asking the same: questions that one compiled set of layers answers in turn.
     */
    List<EvaluationRequest> variants() {
      EvaluationRequest request = request();
      List<EvaluationRequest> out = new ArrayList<>();
      out.add(request);
      out.add(with(request, request.action(), RequestContext.empty()));
      RequestContext.Builder flipped = RequestContext.builder();
      CONTEXT.forEach(
          (key, values) -> {
            Object current = context.get(key);
            int at = current == null ? -1 : values.indexOf(current);
            Object value = values.get((at + 1) % values.size());
            if (value instanceof List<?> list) {
              flipped.putAll(key, list.stream().map(String::valueOf).toList());
            } else {
              flipped.put(key, String.valueOf(value));
            }
          });
      out.add(with(request, request.action(), flipped.build()));
      for (String other : ACTIONS) {
        out.add(with(request, other, request.context()));
      }
      // The same action on other resources and by other principals: what a plan keeps for one
      // must not answer for another
      for (String other : RESOURCES) {
        out.add(
            new EvaluationRequest(
                request.principal(),
                request.action(),
                other,
                request.principalAccount(),
                request.resourceAccount(),
                request.context()));
      }
      for (String other : PRINCIPALS) {
        out.add(
            EvaluationRequest.of(
                Principal.parse(other),
                request.action(),
                request.resource(),
                null,
                request.resourceAccount(),
                request.context()));
      }
      out.add(request);
      return out;
    }

    private static EvaluationRequest with(
        EvaluationRequest request, String action, RequestContext context) {
      return new EvaluationRequest(
          request.principal(),
          action,
          request.resource(),
          request.principalAccount(),
          request.resourceAccount(),
          context);
    }

    /** Every document of the scenario. */
    List<PolicyDocument> documents() {
      List<PolicyDocument> out = new ArrayList<>();
      if (scpLevels != null) {
        scpLevels.forEach(out::addAll);
      }
      if (rcpLevels != null) {
        rcpLevels.forEach(out::addAll);
      }
      out.addAll(identity);
      out.addAll(boundaries);
      if (session != null) {
        out.add(session);
      }
      if (resourcePolicy != null) {
        out.add(resourcePolicy);
      }
      return out;
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder("\n");
      out.append("request: ").append(principal).append(' ').append(action).append(' ');
      out.append(resource).append(" (resource account ").append(resourceAccount).append(") ");
      out.append(context).append('\n');
      if (scpLevels != null) {
        scpLevels.forEach(level -> out.append("scp level: ").append(texts(level)).append('\n'));
      }
      if (rcpLevels != null) {
        rcpLevels.forEach(level -> out.append("rcp level: ").append(texts(level)).append('\n'));
      }
      out.append("identity: ").append(texts(identity)).append('\n');
      out.append("boundaries: ").append(texts(boundaries)).append('\n');
      out.append("session: ").append(session == null ? "none" : session.text()).append('\n');
      out.append("resource policy: ");
      out.append(resourcePolicy == null ? "none" : resourcePolicy.text()).append('\n');
      return out.toString();
    }
  }

  private static List<PolicyLevel> levels(List<List<PolicyDocument>> levels, String id) {
    List<PolicyLevel> out = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      List<NamedPolicy> policies = new ArrayList<>();
      for (int j = 0; j < levels.get(i).size(); j++) {
        policies.add(NamedPolicy.of(id + "-" + i + "-" + j, levels.get(i).get(j)));
      }
      out.add(new PolicyLevel("level-" + i, "Level " + i, policies));
    }
    return out;
  }

  private static String texts(List<PolicyDocument> documents) {
    return documents.stream().map(PolicyDocument::text).toList().toString();
  }

  private static PrincipalElement aws(String... values) {
    return new PrincipalElement(false, Map.of("AWS", List.of(values)));
  }

  // ---- the arbitraries
  //
  // Every arbitrary below is built once: a generated scenario holds recipes (which base text, which
  // wildcard where), resolved against the request at the end, so jqwik never builds generators
  // while generating and shrinks every part.

  /** Scenarios over every principal, action and resource of the alphabet. */
  static Arbitrary<Scenario> scenarios() {
    return SCENARIOS;
  }

  /** Documents of one kind, their patterns drawn from the alphabet alone. */
  static Arbitrary<PolicyDocument> documents(Kind kind) {
    return DOCUMENT.map(recipes -> resolve(kind, recipes, null));
  }

  /** The kinds of document, which decide the elements a statement may have. */
  enum Kind {
    IDENTITY(PolicyType.IDENTITY),
    BOUNDARY(PolicyType.PERMISSIONS_BOUNDARY),
    SESSION(PolicyType.SESSION),
    SCP(PolicyType.SERVICE_CONTROL),
    RCP(PolicyType.RESOURCE_CONTROL),
    RESOURCE(PolicyType.RESOURCE);

    final PolicyType type;

    Kind(PolicyType type) {
      this.type = type;
    }
  }

  /**
   * How to derive a pattern: from the request's own action or resource, or from an entry of the
   * alphabet, then as is, with one character turned into {@code ?}, or a run into {@code *}.
   */
  private record Pattern(
      boolean fromRequest, int base, int mode, int start, int size, boolean lower) {

    String wildcard(String text) {
      if (text.isEmpty()) {
        return text;
      }
      int from = start % text.length();
      int end = Math.min(text.length(), from + size);
      return switch (mode) {
        case 0 -> text;
        case 1 -> text.substring(0, from) + '?' + text.substring(from + 1);
        default -> text.substring(0, from) + '*' + text.substring(end);
      };
    }
  }

  /** A statement to build; its patterns are resolved against the request. */
  private record StatementRecipe(
      boolean deny,
      boolean notAction,
      List<Pattern> actions,
      boolean notResource,
      List<Pattern> resources,
      List<Condition> conditions,
      int principal,
      boolean notPrincipal) {}

  private static final Arbitrary<Pattern> PATTERN =
      Combinators.combine(
              Arbitraries.of(true, false),
              Arbitraries.integers().between(0, 99),
              Arbitraries.integers().between(0, 3),
              Arbitraries.integers().between(0, 99),
              Arbitraries.integers().between(0, 6),
              Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)))
          .as(Pattern::new);

  private static final Arbitrary<Boolean> ONE_IN_SIX =
      Arbitraries.frequency(Tuple.of(1, true), Tuple.of(5, false));

  private static final Arbitrary<StatementRecipe> STATEMENT =
      Combinators.combine(
              ONE_IN_SIX,
              ONE_IN_SIX,
              PATTERN.list().ofMinSize(1).ofMaxSize(2),
              ONE_IN_SIX,
              PATTERN.list().ofMinSize(1).ofMaxSize(2),
              Arbitraries.frequencyOf(
                  Tuple.of(3, Arbitraries.just(List.<Condition>of())),
                  Tuple.of(
                      2,
                      Arbitraries.of(CONDITIONS)
                          .list()
                          .ofMinSize(1)
                          .ofMaxSize(2)
                          .uniqueElements())),
              Arbitraries.integers().between(0, 2 * PRINCIPAL_ELEMENTS.size()),
              Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)))
          .as(StatementRecipe::new);

  private static final Arbitrary<List<StatementRecipe>> DOCUMENT =
      STATEMENT.list().ofMinSize(1).ofMaxSize(3);

  /** An SCP level: maybe FullAWSAccess, maybe another document. */
  private record LevelRecipe(boolean fullAccess, Optional<List<StatementRecipe>> other) {}

  private static final Arbitrary<List<LevelRecipe>> LEVELS =
      Combinators.combine(
              Arbitraries.frequency(Tuple.of(8, true), Tuple.of(2, false)), DOCUMENT.optional(0.5))
          .as(LevelRecipe::new)
          .list()
          .ofMinSize(1)
          .ofMaxSize(3);

  private static final Arbitrary<Map<String, Object>> CONTEXT_VALUES = context();

  /** The request and the recipes of its layers. */
  private record ScenarioRecipe(
      String principal,
      String action,
      String resource,
      String drawnAccount,
      Optional<List<LevelRecipe>> scps,
      Optional<List<LevelRecipe>> rcps,
      List<List<StatementRecipe>> identity,
      Optional<List<StatementRecipe>> boundary,
      Optional<List<StatementRecipe>> session,
      Optional<List<StatementRecipe>> resourcePolicy,
      Map<String, Object> context) {}

  private static final Arbitrary<Scenario> SCENARIOS =
      Combinators.combine(
              Combinators.combine(
                      Arbitraries.frequencyOf(
                          Tuple.of(3, Arbitraries.of(PRINCIPALS.subList(0, 6))),
                          Tuple.of(1, Arbitraries.of(PRINCIPALS.subList(6, PRINCIPALS.size())))),
                      Arbitraries.of(ACTIONS),
                      Arbitraries.of(RESOURCES),
                      Arbitraries.of(A, A, A, B))
                  .as(List::of),
              LEVELS.optional(0.7),
              LEVELS.map(l -> l.subList(0, Math.min(2, l.size()))).optional(0.5),
              DOCUMENT.list().ofMinSize(1).ofMaxSize(2),
              DOCUMENT.optional(0.25),
              DOCUMENT.optional(0.3),
              DOCUMENT.optional(0.45),
              CONTEXT_VALUES)
          .as(
              (request, scps, rcps, identity, boundary, session, resourcePolicy, context) ->
                  new ScenarioRecipe(
                      request.get(0),
                      request.get(1),
                      request.get(2),
                      request.get(3),
                      scps,
                      rcps,
                      identity,
                      boundary,
                      session,
                      resourcePolicy,
                      context))
          .map(Scenarios::build);

  private static Scenario build(ScenarioRecipe recipe) {
    String fromArn = EvaluationRequest.accountOf(recipe.resource());
    String resourceAccount = fromArn != null ? fromArn : recipe.drawnAccount();
    Target target = new Target(recipe.principal(), recipe.action(), recipe.resource());

    List<List<PolicyDocument>> scpLevels = null;
    if (recipe.scps().isPresent()) {
      scpLevels = new ArrayList<>();
      for (LevelRecipe level : recipe.scps().get()) {
        List<PolicyDocument> policies = new ArrayList<>();
        if (level.fullAccess()) {
          policies.add(FULL_AWS_ACCESS);
        }
        level.other().ifPresent(d -> policies.add(resolve(Kind.SCP, d, target)));
        scpLevels.add(policies);
      }
    }
    // RCPFullAWSAccess at most levels (AWS attaches it everywhere; a level without it tests the
    // formal rule that every level must allow), and maybe a deny.
    List<List<PolicyDocument>> rcpLevels = null;
    if (recipe.rcps().isPresent()) {
      rcpLevels = new ArrayList<>();
      for (LevelRecipe level : recipe.rcps().get()) {
        List<PolicyDocument> policies = new ArrayList<>();
        if (level.fullAccess()) {
          policies.add(RCP_FULL_AWS_ACCESS);
        }
        level.other().ifPresent(d -> policies.add(resolve(Kind.RCP, d, target)));
        rcpLevels.add(policies);
      }
    }
    // Identity policies and boundaries cannot be attached to the root user (semantics 1.5).
    boolean root = recipe.principal().endsWith(":root");
    List<PolicyDocument> identity = new ArrayList<>();
    List<PolicyDocument> boundaries = new ArrayList<>();
    if (!root) {
      recipe.identity().forEach(d -> identity.add(resolve(Kind.IDENTITY, d, target)));
      recipe.boundary().ifPresent(d -> boundaries.add(resolve(Kind.BOUNDARY, d, target)));
    }
    return new Scenario(
        scpLevels,
        rcpLevels,
        identity,
        boundaries,
        recipe.session().map(d -> resolve(Kind.SESSION, d, target)).orElse(null),
        recipe.resourcePolicy().map(d -> resolve(Kind.RESOURCE, d, target)).orElse(null),
        recipe.principal(),
        recipe.action(),
        recipe.resource(),
        resourceAccount,
        recipe.context());
  }

  /** The action and resource of the request, from which half the patterns are derived. */
  private record Target(String principal, String action, String resource) {}

  private static PolicyDocument resolve(
      Kind kind, List<StatementRecipe> recipes, @Nullable Target target) {
    List<Statement> statements = new ArrayList<>();
    for (StatementRecipe recipe : recipes) {
      statements.add(statement(kind, recipe, target));
    }
    return Documents.of(kind.type, statements);
  }

  /** A statement of a kind: RCPs deny with {@code "Principal": "*"} and no NotAction. */
  private static Statement statement(Kind kind, StatementRecipe recipe, @Nullable Target target) {
    boolean rcp = kind == Kind.RCP;
    boolean deny = rcp || recipe.deny();
    PrincipalElement principal = null;
    if (rcp) {
      principal = PrincipalElement.everyone();
    } else if (kind == Kind.RESOURCE) {
      principal = principal(recipe.principal(), target);
    }
    boolean notPrincipal =
        kind == Kind.RESOURCE
            && deny
            && recipe.notPrincipal()
            && principal != null
            && !principal.isEveryone();
    List<String> actions = new ArrayList<>();
    for (Pattern pattern : recipe.actions()) {
      actions.add(action(pattern, target));
    }
    List<String> resources = new ArrayList<>();
    for (Pattern pattern : recipe.resources()) {
      resources.add(resource(pattern, target));
    }
    return new Statement(
        0,
        null,
        deny ? Effect.DENY : Effect.ALLOW,
        principal,
        notPrincipal,
        actions,
        !rcp && recipe.notAction(),
        resources,
        recipe.notResource(),
        recipe.conditions().stream()
            .map(c -> new ConditionClause(c.operator(), c.key(), c.values(), ""))
            .toList(),
        "");
  }

  /**
   * The Principal element of a resource policy statement: none, one that names the request's
   * principal (itself, its role, its account), or one of the pool.
   */
  private static @Nullable PrincipalElement principal(int choice, @Nullable Target target) {
    if (choice == 0) {
      return null;
    }
    if (target != null && choice <= PRINCIPAL_ELEMENTS.size()) {
      Principal principal = Principal.parse(target.principal());
      if (principal.kind() == Principal.Kind.ANONYMOUS) {
        return PrincipalElement.everyone();
      }
      String account = principal.account();
      String roleArn = principal.roleArn();
      return switch (choice % 4) {
        case 0 ->
            principal.kind() == Principal.Kind.SERVICE
                ? new PrincipalElement(false, Map.of("Service", List.of(principal.arn())))
                : aws(principal.arn());
        case 1 -> roleArn != null ? aws(roleArn) : aws(principal.arn());
        case 2 -> account != null ? aws(account) : PrincipalElement.everyone();
        default -> account != null ? aws("arn:aws:iam::" + account + ":root") : aws("*");
      };
    }
    return PRINCIPAL_ELEMENTS.get(choice % PRINCIPAL_ELEMENTS.size());
  }

  private static final List<String> SERVICES =
      List.of("s3", "ec2", "iam", "kms", "logs", "sts", "S3");

  /**
   * An action pattern: {@code *}, {@code service:*}, or a service prefix and an action name with a
   * wildcard, from the request's action or from the alphabet.
   */
  private static String action(Pattern pattern, @Nullable Target target) {
    String base;
    if (pattern.fromRequest() && target != null) {
      base = target.action();
    } else if (pattern.base() % 10 == 0) {
      return "*";
    } else if (pattern.base() % 10 == 1) {
      return SERVICES.get(pattern.base() % SERVICES.size()) + ":*";
    } else {
      String name = ACTIONS.get(pattern.base() % ACTIONS.size());
      base = SERVICES.get(pattern.start() % SERVICES.size()) + name.substring(name.indexOf(':'));
    }
    int colon = base.indexOf(':');
    String name = pattern.wildcard(base.substring(colon + 1));
    return base.substring(0, colon + 1) + (pattern.lower() ? name.toLowerCase(Locale.ROOT) : name);
  }

  /**
   * A resource pattern: {@code *}, or an ARN from the request or the alphabet with a wildcard, kept
   * an ARN of six parts.
   */
  private static String resource(Pattern pattern, @Nullable Target target) {
    String base;
    if (pattern.fromRequest() && target != null && !target.resource().equals("*")) {
      base = target.resource();
    } else if (pattern.base() % 5 == 0) {
      return "*";
    } else {
      List<String> bases = new ArrayList<>(RESOURCE_PATTERNS);
      RESOURCES.stream().filter(r -> !r.equals("*")).forEach(bases::add);
      base = bases.get(pattern.base() % bases.size());
    }
    String wildcarded = pattern.wildcard(base);
    return wildcarded.startsWith("arn:") && wildcarded.split(":", 6).length == 6
        ? wildcarded
        : base;
  }

  private static Arbitrary<Map<String, Object>> context() {
    List<Arbitrary<Optional<Map.Entry<String, Object>>>> entries = new ArrayList<>();
    new TreeMap<>(CONTEXT)
        .forEach(
            (key, values) ->
                entries.add(Arbitraries.of(values).map(v -> Map.entry(key, v)).optional(0.5)));
    return Combinators.combine(entries)
        .as(
            list -> {
              Map<String, Object> out = new TreeMap<>();
              list.forEach(e -> e.ifPresent(entry -> out.put(entry.getKey(), entry.getValue())));
              return out;
            });
  }
}
