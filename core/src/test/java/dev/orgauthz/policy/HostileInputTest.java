package dev.orgauthz.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.LayeredEvaluator;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input: mutated and truncated JSON, deep nesting, huge documents, very long strings and
 * patterns built to make a naive matcher backtrack. The reader returns a document or throws a
 * {@link PolicyException} with a short one-line message, never another exception; whatever it
 * returns compiles and evaluates without exception; and everything takes bounded time.
 */
class HostileInputTest {
  private static final Duration BOUND = Duration.ofSeconds(5);
  private static final String ACCOUNT = "111111111111";

  /** Documents of every kind that exercise most of the grammar, to mutate. */
  private static final List<String> SEEDS =
      List.of(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A1\",\"Effect\":\"Allow\","
              + "\"Action\":[\"s3:Get*\",\"ec2:Describe*\"],\"Resource\":\"*\",\"Condition\":"
              + "{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"red\",\"blue\"]},"
              + "\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"},"
              + "\"NumericLessThan\":{\"s3:max-keys\":10}}},{\"Effect\":\"Deny\","
              + "\"NotAction\":\"iam:*\",\"NotResource\":\"arn:aws:s3:::b/${aws:username}/*\"}]}",
          "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\","
              + "\"Resource\":\"*\",\"Condition\":{\"ForAnyValue:StringNotLike\":"
              + "{\"aws:PrincipalOrgPaths\":\"o-a/r-b/ou-c/*\"},\"DateGreaterThan\":"
              + "{\"aws:CurrentTime\":\"2024-01-01T00:00:00Z\"},\"Bool\":"
              + "{\"aws:SecureTransport\":false}}}}",
          "{\"Version\":\"2012-10-17\",\"Id\":\"bucket\",\"Statement\":[{\"Effect\":\"Allow\","
              + "\"Principal\":{\"AWS\":[\"111111111111\",\"arn:aws:iam::222222222222:role/r\"],"
              + "\"Service\":\"s3.amazonaws.com\"},\"Action\":\"s3:GetObject\","
              + "\"Resource\":\"arn:aws:s3:::bucket/*\"},{\"Effect\":\"Deny\",\"NotPrincipal\":"
              + "{\"AWS\":\"arn:aws:iam::111111111111:root\"},\"Action\":\"s3:*\","
              + "\"Resource\":[\"arn:aws:s3:::bucket\",\"arn:aws:s3:::bucket/*\"],\"Condition\":"
              + "{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:*:*:*:*\"},\"BinaryEquals\":"
              + "{\"k\":\"QQ==\"},\"Null\":{\"aws:TagKeys\":\"true\"}}}]}");

  private static final List<PolicyType> SEED_TYPES =
      List.of(PolicyType.IDENTITY, PolicyType.SERVICE_CONTROL, PolicyType.RESOURCE);

  // ---- mutated documents

  /** One way to damage a document. */
  private record Mutation(int kind, int at, int length, char character) {
    String apply(String text) {
      int position = at % (text.length() + 1);
      int end = Math.min(text.length(), position + length);
      return switch (kind) {
        case 0 -> text.substring(0, position); // truncate
        case 1 -> text.substring(0, position) + character + text.substring(end); // replace a run
        case 2 -> text.substring(0, position) + character + text.substring(position); // insert
        case 3 -> text.substring(0, position) + text.substring(end); // delete a run
        case 4 -> duplicateKey(text, position);
        case 5, 6, 7 -> flipLetter(text, position, character);
        default ->
            text.substring(0, position)
                + text.substring(position, end).repeat(3)
                + text.substring(end); // repeat a run
      };
    }

    /** Replaces the first letter or digit at or after the position: damage inside a value. */
    private static String flipLetter(String text, int position, char character) {
      for (int i = position; i < text.length(); i++) {
        if (Character.isLetterOrDigit(text.charAt(i))) {
          return text.substring(0, i) + character + text.substring(i + 1);
        }
      }
      return text;
    }

    /** Repeats the key and value that follow the first {@code "} at or after the position. */
    private static String duplicateKey(String text, int position) {
      int quote = text.indexOf('"', position);
      int comma = quote < 0 ? -1 : text.indexOf(',', quote);
      if (comma < 0) {
        return text;
      }
      return text.substring(0, comma + 1)
          + text.substring(quote, comma + 1)
          + text.substring(comma + 1);
    }
  }

  @Provide
  Arbitrary<List<Object>> damagedDocuments() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 12),
                Arbitraries.of(
                    '{', '}', '[', ']', '"', ':', ',', '\\', ' ', '*', '?', '$', '/', '0', '9', '.',
                    '-', 'x', 'Z', '\u0000', '\uD800', '\u00e9'))
            .as(Mutation::new);
    // Read as the seed's own type mostly, so that a damage the grammar tolerates is read.
    Arbitrary<PolicyType> otherType = Arbitraries.of(PolicyType.values());
    return Combinators.combine(
            Arbitraries.integers().between(0, SEEDS.size() - 1),
            Arbitraries.frequencyOf(Tuple.of(1, otherType.optional()), Tuple.of(3, empty())),
            mutation.list().ofMinSize(1).ofMaxSize(3))
        .as(
            (seed, type, mutations) -> {
              String text = SEEDS.get(seed);
              for (Mutation m : mutations) {
                text = m.apply(text);
              }
              return List.of(text, type.orElse(SEED_TYPES.get(seed)));
            });
  }

  private static Arbitrary<Optional<PolicyType>> empty() {
    return Arbitraries.just(Optional.empty());
  }

  @Property(tries = 1000)
  void aDamagedDocumentIsReadOrRejectedNeverAnotherException(
      @ForAll("damagedDocuments") List<Object> damaged) {
    String text = (String) damaged.get(0);
    PolicyType type = (PolicyType) damaged.get(1);

    boolean read = assertTimeoutPreemptively(BOUND, () -> readAndEvaluate(text, type));
    Statistics.collect(read ? "read and evaluated" : "rejected");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void everySeedIsValid(int seed) {
    PolicyDocument document = Policies.parse(SEEDS.get(seed), SEED_TYPES.get(seed), "seed");

    assertThat(document.statements()).isNotEmpty();
  }

  // ---- size, depth and length

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[", "{\"a\":", "{\"Statement\":[", "\"[", "%7B%22a%22%3A"})
  void aHundredThousandLevelsOfNestingAreRejectedAtOnce(String opening) {
    String text = opening.repeat(100_000);

    assertTimeoutPreemptively(
        BOUND,
        () ->
            assertThatThrownBy(() -> Policies.parse(text, PolicyType.IDENTITY, "deep.json"))
                .isInstanceOfSatisfying(PolicyException.class, HostileInputTest::isShort));
  }

  @Test
  void aTenMegabyteDocumentIsRejectedBeforeItIsRead() {
    String text = statements(12_000, "\"arn:aws:s3:::" + "b".repeat(800) + "\"");
    assertThat(text.length()).isGreaterThan(10_000_000);

    assertTimeoutPreemptively(
        BOUND,
        () ->
            assertThatThrownBy(() -> Policies.parse(text, PolicyType.IDENTITY, "huge.json"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("huge.json: the policy document has " + text.length()));
  }

  @Test
  void aLargeDocumentWithinRaisedLimitsIsReadAndEvaluatedInBoundedTime() {
    String text = statements(5_000, "\"arn:aws:s3:::bucket-#/*\"");
    PolicyLimits limits = new PolicyLimits(10_000_000, 32, 10_000);

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          PolicyDocument document = Policies.parse(text, PolicyType.IDENTITY, "big", limits);
          assertThat(document.statements()).hasSize(5_000);
          assertThat(evaluate(document, "s3:GetObject", "arn:aws:s3:::bucket-4999/k", context()))
              .isEqualTo(Outcome.ALLOWED);
        });
  }

  /** A document of {@code count} Allow statements whose resource is {@code resource}. */
  private static String statements(int count, String resource) {
    StringBuilder out = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < count; i++) {
      out.append(i == 0 ? "" : ",")
          .append("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":")
          .append(resource.replace("#", Integer.toString(i)))
          .append('}');
    }
    return out.append("]}").toString();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\"Sid\":\"LONG\"",
        "\"Action\":\"s3:LONG\"",
        "\"Action\":\"LONG\"",
        "\"Resource\":\"arn:aws:s3:::LONG\"",
        "\"Resource\":\"LONG\"",
        "\"Condition\":{\"StringEquals\":{\"LONG\":\"x\"}}",
        "\"Condition\":{\"NumericLessThan\":{\"k\":\"LONG\"}}",
        "\"Condition\":{\"NumericLessThan\":{\"k\":\"1LONG\"}}",
        "\"Condition\":{\"DateLessThan\":{\"k\":\"1LONG\"}}",
        "\"Condition\":{\"IpAddress\":{\"k\":\"1LONG\"}}",
        "\"Condition\":{\"BinaryEquals\":{\"k\":\"QLONG\"}}",
        "\"Condition\":{\"LONG\":{\"k\":\"x\"}}"
      })
  void aStringOfHalfAMillionCharactersTakesBoundedTimeAndGivesAShortMessage(String element) {
    String filler = element.contains("1LONG") || element.contains("QLONG") ? "1" : "a";
    String text =
        ("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\","
                + element
                + "}}")
            .replace("\"Action\":\"s3:*\",\"Action\"", "\"Action\"")
            .replace("\"Resource\":\"*\",\"Resource\"", "\"Resource\"")
            .replace("LONG", filler.repeat(500_000));

    assertTimeoutPreemptively(
        BOUND,
        () -> {
          try {
            PolicyDocument document = Policies.parse(text, PolicyType.IDENTITY, "long.json");
            evaluate(document, "s3:" + "a".repeat(500_000), "arn:aws:s3:::b", context());
          } catch (PolicyException e) {
            isShort(e);
          }
        });
  }

  @Test
  void aLongQuotedValueIsCutWithItsLength() {
    String text =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:*\","
            + "\"Resource\":\""
            + "b".repeat(100_000)
            + "\"}}";

    assertThatThrownBy(() -> Policies.parse(text, PolicyType.IDENTITY, "long.json"))
        .hasMessage(
            "long.json at /Statement/Resource: resource `"
                + "b".repeat(60)
                + "... (100000 characters)` is not `*` nor an ARN"
                + " (arn:partition:service:region:account:resource)");
  }

  // ---- pathological patterns

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\"Action\":\"s3:PATTERN\",\"Resource\":\"*\"",
        "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::PATTERN\"",
        "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:PATTERN:PATTERN:PATTERN\"",
        "\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::PATTERN\"",
        "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":{\"k\":\"PATTERN\"}}",
        "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"ArnLike\":"
            + "{\"aws:SourceArn\":\"arn:aws:s3:PATTERN:PATTERN:PATTERN\"}}",
        "\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringLike\":"
            + "{\"aws:TagKeys\":[\"PATTERN\",\"PATTERN\"]}}"
      })
  void aPatternBuiltToBacktrackMatchesInLinearTime(String elements) {
    String pattern = "*a".repeat(2_000) + "*b";
    String document =
        ("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\"," + elements + "}}")
            .replace("PATTERN", pattern);
    String subject = "a".repeat(100_000);
    RequestContext context =
        RequestContext.builder()
            .put("k", subject)
            .put("aws:SourceArn", "arn:aws:s3:" + subject + ":" + subject + ":" + subject)
            .putAll("aws:TagKeys", List.of(subject, subject + "b"))
            .build();

    assertTimeoutPreemptively(
        BOUND,
        () -> {
          PolicyDocument parsed = Policies.parse(document, PolicyType.IDENTITY, "pattern.json");
          evaluate(
              parsed, "s3:" + subject, "arn:aws:s3:" + subject + ":" + subject + ":x", context);
          evaluate(parsed, "s3:" + subject, "arn:aws:s3:::" + subject, context);
        });
  }

  // ---- helpers

  /**
   * Reads a document; what is read must compile and evaluate in the layer of its type without
   * exception. True when it was read.
   */
  private static boolean readAndEvaluate(String text, PolicyType type) {
    PolicyDocument document;
    try {
      document = Policies.parse(text, type, "damaged.json");
    } catch (PolicyException e) {
      isShort(e);
      return false;
    }
    evaluate(document, "s3:GetObject", "arn:aws:s3:::bucket/key", context());
    return true;
  }

  private static RequestContext context() {
    return RequestContext.builder()
        .put("aws:SourceIp", "203.0.113.7")
        .put("aws:CurrentTime", "2025-06-01T00:00:00Z")
        .put("aws:username", "alice")
        .putAll("aws:TagKeys", List.of("team"))
        .build();
  }

  /** The document in the layer of its type; the outcome, which must not throw. */
  private static Outcome evaluate(
      PolicyDocument document, String action, String resource, RequestContext context) {
    NamedPolicy policy = NamedPolicy.of("p", document);
    PolicyLayers.Builder layers = PolicyLayers.builder();
    switch (document.type()) {
      case SERVICE_CONTROL ->
          layers.scpLevels(List.of(new PolicyLevel("r-1", "Root", List.of(policy))));
      case RESOURCE_CONTROL ->
          layers.rcpLevels(List.of(new PolicyLevel("r-1", "Root", List.of(policy))));
      case RESOURCE -> layers.resourcePolicy(policy);
      case PERMISSIONS_BOUNDARY -> layers.permissionsBoundary(policy);
      case SESSION -> layers.sessionPolicy(policy);
      case VPC_ENDPOINT -> layers.vpcEndpointPolicy(policy);
      case IDENTITY -> layers.identityPolicy(policy);
    }
    EvaluationRequest request =
        EvaluationRequest.of(
            Principal.parse("arn:aws:sts::" + ACCOUNT + ":assumed-role/app/s"),
            action,
            resource,
            null,
            ACCOUNT,
            context);
    return LayeredEvaluator.evaluate(layers.build(), request).outcome();
  }

  /** A message a person can read: one line, and short whatever the input. */
  private static void isShort(PolicyException e) {
    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000);
  }
}
