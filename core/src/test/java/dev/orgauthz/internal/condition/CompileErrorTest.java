package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.policy.ConditionClause;
import dev.orgauthz.policy.PolicyException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A condition AWS would reject fails at load time, with a message that says how to fix it. */
class CompileErrorTest {
  /** What the message says is wrong: the part before the fix. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          StringEqualz             | a          | unknown condition operator `StringEqualz`
          ForAnyValue:StringLikee  | a          | unknown condition operator \
          `ForAnyValue:StringLikee`
          StringEqualsIfExist      | a          | unknown condition operator `StringEqualsIfExist`
          ForSomeValues:StringLike | a          | unknown set qualifier `ForSomeValues:` in \
          `ForSomeValues:StringLike`
          NullIfExists             | true       | `NullIfExists` is not an operator
          ForAllValues:Null        | true       | `ForAllValues:Null` is not an operator
          NumericEquals            | abc        | `abc` is not a number for `NumericEquals`
          NumericLessThan          | 1e3        | `1e3` is not a number for `NumericLessThan`
          NumericLessThan          | +1         | `+1` is not a number for `NumericLessThan`
          NumericLessThan          | .5         | `.5` is not a number for `NumericLessThan`
          NumericLessThan          | ""         | `` is not a number for `NumericLessThan`
          NumericEquals            | ${aws:x}   | `${aws:x}` is not a number for `NumericEquals`
          DateLessThan             | tomorrow   | `tomorrow` is not a date for `DateLessThan`
          DateLessThanIfExists     | 2024-13    | `2024-13` is not a date for `DateLessThanIfExists`
          IpAddress                | 300.0.0.1  | `300.0.0.1` is not an IP address or CIDR range \
          for `IpAddress`
          BinaryEquals             | not base64 | `not base64` is not base64 for `BinaryEquals`
          Bool                     | yes        | `yes` is not a boolean for `Bool`
          Null                     | maybe      | `maybe` is not a boolean for `Null`
          StringEquals             | ${aws:x    | policy variable in `${aws:x` has no closing `}`
          """)
  void whatIsWrong(String operator, String values, String problem) {
    assertThatThrownBy(() -> Cases.compile(operator, Cases.KEY, values, true))
        .isInstanceOfSatisfying(
            PolicyException.class,
            e -> {
              assertThat(e.problem()).startsWith(problem + ": ");
              assertThat(e.source()).isEqualTo(Cases.SOURCE);
              assertThat(e.pointer()).isEqualTo(Cases.POINTER);
            });
  }

  static Stream<Arguments> howToFix() {
    return Stream.of(
        Arguments.of(
            "StringEqualz", "a", "did you mean `StringEquals`? (see the IAM condition operators)"),
        Arguments.of(
            "ForAnyValue:StringLikee",
            "a",
            "did you mean `ForAnyValue:StringLike`? (see the IAM condition operators)"),
        Arguments.of(
            "StringEqualsIfExist",
            "a",
            "did you mean `StringEqualsIfExists`? (see the IAM condition operators)"),
        Arguments.of("ForSomeValues:StringLike", "a", "use `ForAllValues:` or `ForAnyValue:`"),
        Arguments.of(
            "NullIfExists",
            "true",
            "Null itself tests whether the key exists, so write `Null` without `IfExists`"),
        Arguments.of(
            "ForAnyValue:Null",
            "true",
            "Null tests whether the key exists and takes no set qualifier, so write `Null`"),
        Arguments.of(
            "NumericEquals",
            "abc",
            "write an integer or a decimal such as `10` or `2.5`, without exponent or `+`, of at"
                + " most 1000 characters"),
        Arguments.of(
            "DateEquals",
            "tomorrow",
            "write epoch seconds or an ISO 8601 date such as `2024-01-31` or"
                + " `2024-01-31T12:00:00Z`"),
        Arguments.of(
            "IpAddress",
            "300.0.0.1",
            "write an address such as `203.0.113.7` or a range such as `203.0.113.0/24` or"
                + " `2001:db8::/32`"),
        Arguments.of(
            "BinaryEquals",
            "not base64",
            "write the bytes in standard base64, such as `QmluYXJ5VmFsdWU=`"),
        Arguments.of("Bool", "yes", "write `true` or `false`"),
        Arguments.of(
            "Null", "maybe", "write `true` (the key is absent) or `false` (the key is present)"),
        Arguments.of("StringEquals", "${aws:x", "write `${key}`"));
  }

  /** How the message says to fix it: the part after the last {@code ": "}. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("howToFix")
  void howToFix(String operator, String values, String fix) {
    assertThatThrownBy(() -> Cases.compile(operator, Cases.KEY, values, true))
        .isInstanceOfSatisfying(
            PolicyException.class, e -> assertThat(e.problem()).endsWith(": " + fix));
  }

  @Test
  void anOperatorFarFromEveryNameListsThemAll() {
    assertThatThrownBy(() -> Cases.compile("Frobnicate", Cases.KEY, "a", true))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(
            "test-policy.json at /Statement/0/Condition/Op/k: unknown condition operator"
                + " `Frobnicate`: use one of StringEquals, StringNotEquals,")
        .hasMessageContaining("ArnNotLike, Null, with an optional `IfExists` suffix");
  }

  @Test
  void aKeyWithoutValues() {
    ConditionClause clause = new ConditionClause("StringEquals", "aws:SourceVpc", List.of(), "/p");

    assertThatThrownBy(() -> ConditionSet.compile(List.of(clause), true, "p.json"))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "p.json at /p: `StringEquals` on `aws:SourceVpc` has no value: give at least one value"
                + " or remove the key");
  }

  /** Values each operator cannot read; one bad value among good ones is enough. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NumericEquals | 1;two
          NumericEquals | 99999999999999999999e1
          NumericEquals | 1.2.3
          NumericEquals | -
          NumericEquals | 1,000
          DateEquals    | 2024-02-30
          DateEquals    | 2023-02-29
          DateEquals    | 2024-01-01T10:00
          DateEquals    | 2024-01-01T25:00Z
          DateEquals    | 2024-01-01T10:60Z
          DateEquals    | 2024-01-01T10:00:60Z
          DateEquals    | 2024-01-01T10:00:00.Z
          DateEquals    | 2024-01-01T10:00:00+0100
          DateEquals    | 2024-01-01T10:00:00+01:00:00
          DateEquals    | 2024-01-01 10:00:00Z
          DateEquals    | 2024-1-01
          DateEquals    | 24-01-01
          DateEquals    | 2024-01-01T10:00:00z
          DateEquals    | 1706702400.
          DateEquals    | 1234567890123456789
          DateEquals    | -1
          IpAddress     | 10.0.0.0/33
          IpAddress     | 10.0.0.0/
          IpAddress     | 10.0.0.0/-1
          IpAddress     | 10.0.0
          IpAddress     | 10.0.0.0.0
          IpAddress     | 10..0.0
          IpAddress     | 2001:db8::/129
          IpAddress     | 1:2:3
          IpAddress     | 1::2::3
          IpAddress     | 1:2:3:4:5:6:7:8:9
          IpAddress     | 1:2:3:4:5:6:7::8
          IpAddress     | 12345::
          IpAddress     | 2001:db8::g
          IpAddress     | 1.2.3.4::
          IpAddress     | fe80::1%eth0
          NotIpAddress  | 10.0.0.0/8;nope
          BinaryEquals  | QQ=
          BinaryEquals  | Q
          BinaryEquals  | QQ===
          BinaryEquals  | Q=Q=
          Bool          | 1
          Bool          | true;yes
          Null          | 1
          """)
  void unreadableValues(String operator, String values) {
    assertThatThrownBy(() -> Cases.compile(operator, Cases.KEY, values, true))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("`" + operator + "`");
  }

  @Test
  void aBoolVariableUnderVersion2008IsLiteralTextAndSoNotABoolean() {
    assertThatThrownBy(() -> Cases.compile("Bool", Cases.KEY, "${aws:x}", false))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("`${aws:x}` is not a boolean for `Bool`");
  }
}
