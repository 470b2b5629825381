package dev.orgauthz.internal.condition;

import static dev.orgauthz.internal.condition.Cases.holds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Missing keys (semantics 5.2), set qualifiers and multivalued keys (5.4). */
class KeyAvailabilityTest {
  /** Every operator but Null, in every form, on a request that lacks the key. */
  static Stream<Arguments> everyFormOnAMissingKey() {
    List<Arguments> cases = new ArrayList<>();
    for (Operator operator : Operator.values()) {
      if (operator == Operator.NULL) {
        continue;
      }
      String name = operator.awsName();
      String value = sampleValue(operator.kind());
      cases.add(Arguments.of(name, value, operator.negated()));
      cases.add(Arguments.of(name + "IfExists", value, true));
      cases.add(Arguments.of("ForAllValues:" + name, value, true));
      cases.add(Arguments.of("ForAllValues:" + name + "IfExists", value, true));
      cases.add(Arguments.of("ForAnyValue:" + name, value, false));
      cases.add(Arguments.of("ForAnyValue:" + name + "IfExists", value, false));
    }
    return cases.stream();
  }

  private static String sampleValue(Operator.Kind kind) {
    return switch (kind) {
      case NUMERIC -> "10";
      case DATE -> "2024-01-01T00:00:00Z";
      case BOOL -> "true";
      case BINARY -> "QQ==";
      case IP_ADDRESS -> "10.0.0.0/8";
      case ARN -> "arn:aws:iam::*:role/*";
      default -> "a";
    };
  }

  @ParameterizedTest(name = "{0} on a missing key -> {2}")
  @MethodSource("everyFormOnAMissingKey")
  void missingKey(String operator, String value, boolean expected) {
    assertThat(holds(operator, value, "other=a")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ForAllValues:StringEquals           | a;b        | k=[a,b]          | true
          ForAllValues:StringEquals           | a;b        | k=[a,c]          | false
          ForAllValues:StringEquals           | a;b        | k=[]             | true
          ForAllValues:StringEquals           | a;b        |                  | true
          ForAllValues:StringEquals           | a;b        | k=a              | true
          ForAllValues:StringEquals           | a;b        | k=c              | false
          ForAnyValue:StringEquals            | a;b        | k=[c,b]          | true
          ForAnyValue:StringEquals            | a;b        | k=[c,d]          | false
          ForAnyValue:StringEquals            | a;b        | k=[]             | false
          ForAnyValue:StringEquals            | a;b        |                  | false
          ForAnyValue:StringEquals            | a          | k=a              | true
          ForAnyValue:StringEquals            | a          | k=b              | false
          ForAnyValue:StringNotEquals         | A;B        | k=[A,X]          | true
          ForAnyValue:StringNotEquals         | A;B        | k=[A,B]          | false
          ForAnyValue:StringNotEquals         | A;B        | k=[]             | false
          ForAnyValue:StringNotEqualsIfExists | A;B        |                  | false
          ForAnyValue:StringNotEqualsIfExists | A;B        | k=[A,X]          | true
          ForAllValues:StringNotEquals        | A;B        | k=[X,Y]          | true
          ForAllValues:StringNotEquals        | A;B        | k=[A,X]          | false
          ForAllValues:StringNotEquals        | A;B        |                  | true
          ForAllValues:StringEqualsIfExists   | a          | k=[a]            | true
          ForAllValues:StringEqualsIfExists   | a          | k=[a,b]          | false
          ForAllValues:StringLike             | team-*;env | k=[team-a,env]   | true
          ForAllValues:StringLike             | team-*;env | k=[team-a,owner] | false
          forallvalues:stringequals           | a          | k=[a]            | true
          FORANYVALUE:STRINGLIKEIFEXISTS      | a*         | k=[b,ab]         | true
          """)
  void setQualifiers(String operator, String values, @Nullable String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /** Typed operators under a qualifier; an unreadable element satisfies nothing. */
  @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ForAnyValue:NumericLessThan  | 5            | k=[10,3]                      | true
          ForAllValues:NumericLessThan | 5            | k=[10,3]                      | false
          ForAnyValue:NumericEquals    | 1            | k=[x,1]                       | true
          ForAllValues:NumericEquals   | 1            | k=[x,1]                       | false
          ForAnyValue:IpAddress        | 10.0.0.0/8   | k=[192.168.0.1,10.1.1.1]      | true
          ForAllValues:IpAddress       | 10.0.0.0/8   | k=[192.168.0.1,10.1.1.1]      | false
          ForAllValues:NotIpAddress    | 10.0.0.0/8   | k=[192.168.0.1,172.16.0.1]    | true
          ForAnyValue:ArnLike          | arn:*:*::*:A | k=[arn:a:b::1:D,arn:a:b::1:A] | true
          ForAllValues:ArnNotLike      | arn:*:*::*:A | k=[arn:a:b::1:D,not-an-arn]   | false
          ForAnyValue:DateLessThan     | 2024-01-01   | k=[2025-01-01,2023-06-01]     | true
          ForAllValues:DateLessThan    | 2024-01-01   | k=[2025-01-01,2023-06-01]     | false
          ForAnyValue:Bool             | true         | k=[false,true]                | true
          ForAllValues:Bool            | true         | k=[TRUE,true]                 | true
          ForAnyValue:BinaryEquals     | QQ==         | k=[Qg==,QQ==]                 | true
          """)
  void setQualifiersOnTypedOperators(
      String operator, String values, @Nullable String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /** An operator without a set qualifier never matches a multivalued key that is present. */
  @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals            | a | k=[a]   | false
          StringEquals            | a | k=[a,b] | false
          StringEquals            | a | k=[]    | false
          StringNotEquals         | b | k=[a]   | false
          StringNotEquals         | b | k=[]    | false
          StringEqualsIfExists    | a | k=[a]   | false
          StringNotEqualsIfExists | b | k=[a,c] | false
          StringLike              | * | k=[a]   | false
          NumericEquals           | 1 | k=[1]   | false
          """)
  void plainOperatorOnMultivaluedKey(
      String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /** Conformance case {@code condition-single-valued-op-on-multivalued-key}. */
  @Test
  void plainOperatorOnAGlobalMultivaluedKeyDoesNotMatch() {
    String key = "aws:PrincipalOrgPaths";
    String path = "o-exampleorg1/r-ex12/ou-ex12-prod/ou-ex12-prodapps/";

    assertThat(holds("StringLike", key, "o-exampleorg1/*", "aws:PrincipalOrgPaths=[" + path + "]"))
        .isFalse();
    assertThat(holds("StringLike", key, "o-exampleorg1/*", "aws:PrincipalOrgPaths=" + path))
        .isFalse();
    assertThat(
            holds(
                "ForAnyValue:StringLike", key, "o-exampleorg1/*", "aws:PrincipalOrgPaths=" + path))
        .isTrue();
  }

  /** A multivalued key the request lacks follows the missing-key rules, not the multivalued one. */
  @ParameterizedTest(name = "{0} on a missing aws:TagKeys -> {1}")
  @CsvSource({
    "StringEquals, false",
    "StringNotEquals, true",
    "StringLikeIfExists, true",
    "ForAllValues:StringEquals, true",
    "ForAnyValue:StringEquals, false"
  })
  void absentMultivaluedKeyIsMissing(String operator, boolean expected) {
    assertThat(holds(operator, "aws:TagKeys", "env", "")).isEqualTo(expected);
  }

  @Test
  void nullTestsAMultivaluedKeyLikeAnyOther() {
    RequestContext tagged =
        RequestContext.builder().putAll("aws:TagKeys", List.of("env", "team")).build();

    assertThat(Cases.compile("Null", "aws:TagKeys", "false", true).matches(tagged)).isTrue();
    assertThat(Cases.compile("Null", "aws:TagKeys", "true", true).matches(tagged)).isFalse();
  }
}
