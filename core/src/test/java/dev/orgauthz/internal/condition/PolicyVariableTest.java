package dev.orgauthz.internal.condition;

import static dev.orgauthz.internal.condition.Cases.holds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Policy variables in condition values (semantics 4.4). */
class PolicyVariableTest {
  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals | ${aws:username}            | k=al;aws:username=al         | true
          StringEquals | ${aws:username}            | k=al;aws:username=bob        | false
          StringEquals | ${AWS:UserName}            | k=al;aws:username=al         | true
          StringEquals | home/${aws:username}/x     | k=home/al/x;aws:username=al  | true
          StringEquals | ${aws:PrincipalTag/t, 'x'} | k=x                          | true
          StringEquals | ${aws:PrincipalTag/t, 'x'} | k=red;aws:PrincipalTag/t=red | true
          StringEquals | ${aws:PrincipalTag/t, 'x'} | k=x;aws:PrincipalTag/t=red   | false
          StringEquals | ${aws:TagKeys}             | k=a;aws:TagKeys=[a,b]        | false
          StringEquals | ${*}${?}${$}               | k=*?$                        | true
          StringLike   | home/${aws:username}/*     | k=home/al/d;aws:username=al  | true
          StringLike   | home/${aws:username}/*     | k=home/bo/d;aws:username=al  | false
          StringLike   | ${aws:username}            | k=anyone;aws:username=*      | false
          StringLike   | ${aws:username}            | k=*;aws:username=*           | true
          StringLike   | ${aws:username}x           | k=a?x;aws:username=a?        | true
          StringLike   | ${aws:username}x           | k=abx;aws:username=a?        | false
          StringLike   | ${*}                       | k=*                          | true
          StringLike   | ${*}                       | k=abc                        | false
          StringLike   | a\\b${aws:username}*       | k=a\\bob-1;aws:username=ob   | true
          StringLike   | a\\b${aws:username}*       | k=abob-1;aws:username=ob     | false
          StringLike   | ${aws:username}            | k=a\\b;aws:username=a\\b     | true
          """)
  void stringVariables(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /**
   * In Arn values the substituted text is literal too, but the parts are split after substitution,
   * so a substituted colon separates parts. Bool values may be variables (4.4).
   */
  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ArnLike   | arn:aws:iam::${aws:x}:role/* | k=arn:aws:iam::111:role/r;aws:x=111   | true
          ArnLike   | arn:aws:iam::${aws:x}:role/* | k=arn:aws:iam::999:role/r;aws:x=111   | false
          ArnLike   | arn:aws:iam::${aws:x}:role/* | k=arn:aws:iam::1:2:role/r;aws:x=1:2   | true
          ArnLike   | arn:aws:s3:::${aws:x}/*      | k=arn:aws:s3:::*/o;aws:x=*            | true
          ArnLike   | arn:aws:s3:::${aws:x}/*      | k=arn:aws:s3:::a/o;aws:x=*            | false
          ArnEquals | ${aws:x}                     | k=arn:aws:s3:::b;aws:x=arn:aws:s3:::b | true
          Bool      | ${aws:x}                     | k=true;aws:x=true                     | true
          Bool      | ${aws:x}                     | k=true;aws:x=FALSE                    | false
          Bool      | ${aws:x}                     | k=true;aws:x=maybe                    | false
          """)
  void arnAndBoolVariables(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /**
   * A variable the request lacks, without a default: positive operators do not match, negated ones
   * count the value as not matched.
   */
  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals           | ${aws:username}              | k=alice                 | false
          StringEquals           | ${aws:username};alice        | k=alice                 | true
          StringNotEquals        | ${aws:username}              | k=alice                 | true
          StringNotEquals        | ${aws:username};bob          | k=bob                   | false
          StringNotEquals        | ${aws:username};bob          | k=carol                 | true
          StringLike             | ${aws:username}*             | k=alice                 | false
          StringNotLike          | ${aws:username}*             | k=alice                 | true
          StringEqualsIgnoreCase | ${aws:username}              | k=alice                 | false
          ArnLike                | arn:aws:iam::${aws:x}:role/* | k=arn:aws:iam::1:role/r | false
          ArnNotLike             | arn:aws:iam::${aws:x}:role/* | k=arn:aws:iam::1:role/r | true
          Bool                   | ${aws:x}                     | k=true                  | false
          """)
  void unresolvedVariables(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEqualsIgnoreCase      | ${aws:username} | k=AL;aws:username=al | true
          StringNotEqualsIgnoreCase   | ${aws:username} | k=AL;aws:username=al | false
          StringNotEqualsIgnoreCase   | ${aws:username} | k=AL                 | true
          ForAnyValue:StringNotEquals | ${aws:username} | k=[a]                | true
          ForAllValues:StringEquals   | ${aws:username} | k=[a]                | false
          ForAllValues:StringEquals   | ${aws:username} | k=[a];aws:username=a | true
          """)
  void ignoreCaseAndQualifiedVariables(
      String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /** Under Version 2008-10-17, {@code ${...}} is literal text. */
  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals | ${aws:username}       | k=${aws:username};aws:username=al | true
          StringEquals | ${aws:username}       | k=alice;aws:username=alice        | false
          StringLike   | ${aws:username}*      | k=${aws:username}x                | true
          StringEquals | ${aws:username        | k=${aws:username                  | true
          ArnLike      | arn:aws:s3:::${aws:u} | k=arn:aws:s3:::${aws:u}           | true
          """)
  void version2008(String operator, String values, String request, boolean expected) {
    assertThat(Cases.compile(operator, Cases.KEY, values, false).matches(Cases.request(request)))
        .isEqualTo(expected);
  }
}
