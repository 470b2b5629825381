package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.policy.Effect;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request value that the operator cannot read (a malformed IP address, number, date, boolean,
 * base64 text or ARN in the request context) is an evaluation error, and an error never lets a
 * request through (semantics 1.2, step 9): in an Allow the clause does not hold, so nothing is
 * allowed; in a Deny it holds, so the deny still applies.
 */
class UnreadableRequestValueTest {

  @ParameterizedTest(name = "{0} {1} vs {2}: allow {3}, deny {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          IpAddress                    | 203.0.113.0/24     | k=not-an-ip          | false | true
          NotIpAddress                 | 203.0.113.0/24     | k=not-an-ip          | false | true
          NotIpAddressIfExists         | 203.0.113.0/24     | k=203.0.113.300      | false | true
          NumericGreaterThan           | 10                 | k=abc                | false | true
          NumericNotEquals             | 10                 | k=1e3                | false | true
          DateGreaterThan              | 2024-01-01         | k=garbage            | false | true
          DateNotEquals                | 2024-01-01         | k=2024-13-01         | false | true
          Bool                         | false              | k=maybe              | false | true
          BinaryEquals                 | QQ==               | k=!!                 | false | true
          ArnLike                      | arn:aws:iam::*:*   | k=not-an-arn         | false | true
          ArnNotLike                   | arn:aws:iam::*:*   | k=not-an-arn         | false | true
          ForAnyValue:NotIpAddress     | 203.0.113.0/24     | k=[not-an-ip]        | false | true
          ForAllValues:NumericLessThan | 5                  | k=[3,abc]            | false | true
          ForAnyValue:NumericLessThan  | 5                  | k=[10,abc]           | false | true
          NotIpAddress                 | 203.0.113.0/24     | k=203.0.113.7        | false | false
          NotIpAddress                 | 203.0.113.0/24     | k=198.51.100.7       | true  | true
          NumericGreaterThan           | 10                 | k=5                  | false | false
          ForAllValues:NumericLessThan | 5                  | k=[3,4]              | true  | true
          ForAnyValue:NumericLessThan  | 5                  | k=[10,11]            | false | false
          """)
  void anUnreadableValueAllowsNothingAndStillDenies(
      String operator, String values, String request, boolean inAllow, boolean inDeny) {
    assertThat(holds(operator, values, request, Effect.ALLOW)).isEqualTo(inAllow);
    assertThat(holds(operator, values, request, Effect.DENY)).isEqualTo(inDeny);
  }

  /** Without an effect, a block compiles as in an Allow. */
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({"NotIpAddress, k=not-an-ip", "IpAddress, k=not-an-ip"})
  void withoutAnEffectABlockCompilesAsInAnAllow(String operator, String request) {
    ConditionSet plain = Cases.compile(operator, Cases.KEY, "203.0.113.0/24", true);

    assertThat(plain.matches(Cases.request(request))).isFalse();
  }

  private static boolean holds(String operator, String values, String request, Effect effect) {
    ConditionSet set =
        ConditionSet.compile(
            List.of(Cases.clause(operator, Cases.KEY, values)), true, Cases.SOURCE, effect);
    return set.matches(Cases.request(request));
  }
}
