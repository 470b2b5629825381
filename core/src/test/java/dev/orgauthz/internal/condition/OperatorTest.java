package dev.orgauthz.internal.condition;

import static dev.orgauthz.internal.condition.Cases.holds;
import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each operator of semantics 5.3 against a single-valued key {@code k}: operator, policy values
 * ({@code ;}-separated), request, whether the condition holds.
 */
class OperatorTest {
  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          StringEquals              | a         | k=a      | true
          StringEquals              | a         | k=A      | false
          StringEquals              | a;b       | k=b      | true
          StringEquals              | a;b       | k=c      | false
          StringEquals              | a*        | k=abc    | false
          StringEquals              | a*        | k=a*     | true
          StringEquals              | ""        | k=       | true
          StringNotEquals           | a         | k=a      | false
          StringNotEquals           | a         | k=b      | true
          StringNotEquals           | a;b       | k=b      | false
          StringNotEquals           | a;b       | k=c      | true
          StringEqualsIgnoreCase    | Alice     | k=aLICE  | true
          StringEqualsIgnoreCase    | Alice     | k=bob    | false
          StringNotEqualsIgnoreCase | Alice;Bob | k=BOB    | false
          StringNotEqualsIgnoreCase | Alice;Bob | k=carol  | true
          StringLike                | a*c       | k=abbc   | true
          StringLike                | a*c       | k=ac     | true
          StringLike                | a*c       | k=abcd   | false
          StringLike                | a?c       | k=abc    | true
          StringLike                | a?c       | k=abbc   | false
          StringLike                | abc       | k=ABC    | false
          StringLike                | *         | k=       | true
          StringLike                | x*;a*     | k=abc    | true
          StringLike                | a\\b*     | k=a\\bcd | true
          StringNotLike             | a*        | k=abc    | false
          StringNotLike             | a*;b*     | k=cat    | true
          StringNotLike             | a*;b*     | k=bat    | false
          """)
  void strings(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NumericEquals            | 10                   | k=10                    | true
          NumericEquals            | 10                   | k=10.0                  | true
          NumericEquals            | 10                   | k=11                    | false
          NumericEquals            | 2.5                  | k=2.50                  | true
          NumericEquals            | 007                  | k=7                     | true
          NumericEquals            | -3                   | k=-3                    | true
          NumericEquals            | 10                   | k=ten                   | false
          NumericEquals            | 10                   | k=1e1                   | false
          NumericEquals            | 10                   | k=+10                   | false
          NumericEquals            | 10                   | k=10.                   | false
          NumericEquals            | 10                   | k=                      | false
          NumericNotEquals         | 10                   | k=10                    | false
          NumericNotEquals         | 10                   | k=9                     | true
          NumericNotEquals         | 1;2                  | k=2                     | false
          NumericNotEquals         | 1;2                  | k=3                     | true
          NumericNotEquals         | 10                   | k=ten                   | false
          NumericLessThan          | 10                   | k=9                     | true
          NumericLessThan          | 10                   | k=10                    | false
          NumericLessThan          | 10                   | k=-11                   | true
          NumericLessThan          | 10                   | k=9.999                 | true
          NumericLessThan          | 2.5                  | k=2                     | true
          NumericLessThan          | 2.5                  | k=3                     | false
          NumericLessThan          | 1;100                | k=50                    | true
          NumericLessThanEquals    | 10                   | k=10                    | true
          NumericLessThanEquals    | 10                   | k=10.001                | false
          NumericGreaterThan       | 10                   | k=11                    | true
          NumericGreaterThan       | 10                   | k=10                    | false
          NumericGreaterThan       | 99999999999999999999 | k=100000000000000000000 | true
          NumericGreaterThan       | 99999999999999999999 | k=99999999999999999998  | false
          NumericGreaterThan       | 999999999999999999   | k=1000000000000000000   | true
          NumericGreaterThanEquals | 10                   | k=10                    | true
          NumericGreaterThanEquals | 10                   | k=9                     | false
          """)
  void numbers(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          DateEquals            | 2024-01-31T12:00:00Z      | k=1706702400                | true
          DateEquals            | 2024-01-31T12:00:00Z      | k=2024-01-31T13:00:00+01:00 | true
          DateEquals            | 2024-01-31T12:00:00-05:00 | k=2024-01-31T17:00:00Z      | true
          DateEquals            | 2024-01-31T12:00:00Z      | k=2024-01-31T12:00:00.999Z  | true
          DateEquals            | 1706702400                | k=1706702400.7              | true
          DateEquals            | 2024-01-31T12:00:00Z      | k=2024-01-31T12:00:01Z      | false
          DateEquals            | 2024-01-31T12:00:00Z      | k=1706702400000             | false
          DateNotEquals         | 2024-01-31                | k=2024-01-31T00:00:00Z      | false
          DateNotEquals         | 2024-01-31                | k=2024-01-31T00:00:01Z      | true
          DateNotEquals         | 2024-01-31                | k=yesterday                 | false
          DateLessThan          | 2024-02                   | k=2024-01-31T23:59:59Z      | true
          DateLessThan          | 2024-02                   | k=2024-02-01T00:00:00Z      | false
          DateLessThan          | 2030-01-01T00:00:00Z      | k=yesterday                 | false
          DateLessThan          | 1706702400000             | k=1706702400                | true
          DateLessThan          | 2024                      | k=2000                      | true
          DateLessThanEquals    | 2024-02                   | k=2024-02-01T00:00:00Z      | true
          DateLessThanEquals    | 2024-02                   | k=2024-02-01T00:00:01Z      | false
          DateGreaterThan       | 2024-01-31T12:00Z         | k=2024-01-31T12:00:01Z      | true
          DateGreaterThan       | 2024-01-31T12:00Z         | k=1706702400                | false
          DateGreaterThan       | 2024                      | k=1970-01-01T00:33:45Z      | true
          DateGreaterThan       | 2024                      | k=2025-01-01T00:00:00Z      | true
          DateGreaterThanEquals | 1706702400                | k=2024-01-31T12:00:00Z      | true
          DateGreaterThanEquals | 1706702400                | k=2024-01-31T11:59:59Z      | false
          """)
  void dates(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Bool         | true             | k=true             | true
          Bool         | true             | k=TRUE             | true
          Bool         | True             | k=true             | true
          Bool         | true             | k=false            | false
          Bool         | false            | k=false            | true
          Bool         | false            | k=no               | false
          Bool         | false            | k=0                | false
          Bool         | true;false       | k=false            | true
          BinaryEquals | QmluYXJ5VmFsdWU= | k=QmluYXJ5VmFsdWU= | true
          BinaryEquals | QmluYXJ5VmFsdWU= | k=QmluYXJ5VmFsdWU  | true
          BinaryEquals | QmluYXJ5VmFsdWU= | k=T3RoZXI=         | false
          BinaryEquals | QQ==;Qg==        | k=Qg==             | true
          BinaryEquals | QQ==             | k=QUE=             | false
          BinaryEquals | QQ==             | k=not base64!      | false
          """)
  void booleansAndBinary(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          IpAddress    | 203.0.113.0/24               | k=203.0.113.7                | true
          IpAddress    | 203.0.113.0/24               | k=203.0.114.7                | false
          IpAddress    | 203.0.113.7                  | k=203.0.113.7                | true
          IpAddress    | 203.0.113.7                  | k=203.0.113.8                | false
          IpAddress    | 203.0.113.9/24               | k=203.0.113.200              | true
          IpAddress    | 0.0.0.0/0                    | k=198.51.100.1               | true
          IpAddress    | 10.0.0.0/8;2001:db8::/32     | k=2001:db8:1234::1           | true
          IpAddress    | 10.0.0.0/8;2001:db8::/32     | k=10.200.0.1                 | true
          IpAddress    | 10.0.0.0/8;2001:db8::/32     | k=2001:db9::1                | false
          IpAddress    | 2001:DB8:1234:5678::/64      | k=2001:db8:1234:5678:abcd::1 | true
          IpAddress    | 2001:DB8:1234:5678::/64      | k=2001:db8:1234:5679::1      | false
          IpAddress    | 2001:db8::1                  | k=2001:db8:0:0:0:0:0:0001    | true
          IpAddress    | 2001:db8::1                  | k=2001:db8::2                | false
          IpAddress    | 2001:db8::/65                | k=2001:db8::7fff:0:0:1       | true
          IpAddress    | 2001:db8::/65                | k=2001:db8::8000:0:0:1       | false
          IpAddress    | ::ffff:203.0.113.0/120       | k=::ffff:203.0.113.9         | true
          IpAddress    | ::ffff:203.0.113.0/120       | k=0:0:0:0:0:ffff:203.0.113.9 | true
          IpAddress    | ::/0                         | k=203.0.113.7                | false
          IpAddress    | 0.0.0.0/0                    | k=::1                        | false
          IpAddress    | 203.0.113.0/24               | k=not-an-ip                  | false
          IpAddress    | 203.0.113.0/24               | k=203.0.113.256              | false
          NotIpAddress | 203.0.113.0/24               | k=203.0.113.7                | false
          NotIpAddress | 203.0.113.0/24               | k=198.51.100.7               | true
          NotIpAddress | 203.0.113.0/24;2001:db8::/32 | k=2001:db8::1                | false
          NotIpAddress | 203.0.113.0/24;2001:db8::/32 | k=2001:db9::1                | true
          NotIpAddress | 203.0.113.0/24               | k=garbage                    | false
          """)
  void ipAddresses(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ArnLike      | arn:aws:iam::*:role/Admin*       | k=arn:aws:iam::1:role/AdminTeam | true
          ArnEquals    | arn:aws:iam::*:role/Admin*       | k=arn:aws:iam::1:role/AdminTeam | true
          ArnLike      | arn:aws:iam::*:role/Admin*       | k=arn:aws:iam::1:role/Dev       | false
          ArnLike      | arn:aws:iam::1:role/x            | k=arn:aws:iam::1:role/X         | false
          ArnLike      | arn:aws:iam::1:role/*            | k=arn:aws:iam::1:role/a:b/c     | true
          ArnLike      | arn:aws:iam::1:*                 | k=arn:aws:iam::1:role/x         | true
          ArnLike      | arn:aws:s3:::bucket              | k=arn:aws:s3:::bucket           | true
          ArnLike      | arn:aws:s3:::b?                  | k=arn:aws:s3:::bb               | true
          ArnLike      | arn:aws:ec2:us-east-?:*:i/*      | k=arn:aws:ec2:us-east-1:1:i/i   | true
          ArnLike      | arn:aws:ec2:us-east-?:*:i/*      | k=arn:aws:ec2:us-east-10:1:i/i  | false
          ArnLike      | arn:aws:ec2:*:i/*                | k=arn:aws:ec2:us-east-1:1:i/i   | false
          ArnLike      | arn:*:*:*:*:*                    | k=not-an-arn                    | false
          ArnLike      | arn:*:*:*:*:*                    | k=ARN:aws:s3:::bucket           | false
          ArnLike      | *                                | k=arn:aws:s3:::bucket           | false
          ArnNotLike   | arn:aws:iam::*:role/Admin        | k=arn:aws:iam::1:role/Admin     | false
          ArnNotLike   | arn:aws:iam::*:role/Admin        | k=arn:aws:iam::1:role/Dev       | true
          ArnNotEquals | arn:*:iam::*:*/A;arn:*:*:*:*:*/O | k=arn:aws:iam::1:role/O         | false
          ArnNotEquals | arn:*:iam::*:*/A;arn:*:*:*:*:*/O | k=arn:aws:iam::1:role/A         | false
          ArnNotEquals | arn:*:iam::*:*/A;arn:*:*:*:*:*/O | k=arn:aws:iam::1:role/B         | true
          ArnNotEquals | arn:*:iam::*:*/A;arn:*:*         | k=arn:aws:iam::1:role/B         | true
          ArnNotLike   | arn:aws:iam::*:role/Admin        | k=not-an-arn                    | false
          ArnNotLike   | arn:aws:iam::*:role/Admin        | k=arn:aws:iam:role              | false
          ArnNotLike   | *                                | k=arn:aws:iam::1:role/Dev       | true
          """)
  void arns(String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  /** Semantics 4.3: StringLike's {@code *} swallows colons, ArnLike's stays in its part. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"StringLike, true", "ArnLike, false", "StringNotLike, false", "ArnNotLike, true"})
  void arnLikeComparesEachPartUnlikeStringLike(String operator, boolean expected) {
    String pattern = "arn:aws:someservice:*:111122223333:finance/*";
    String value =
        "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";

    assertThat(holds(operator, pattern, "k=" + value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs [{2}] -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Null | true       |         | true
          Null | true       | k=x     | false
          Null | true       | k=      | false
          Null | false      | k=x     | true
          Null | false      |         | false
          Null | TRUE       |         | true
          Null | true       | k=[]    | true
          Null | false      | k=[]    | false
          Null | false      | k=[a,b] | true
          Null | true;false | k=x     | true
          Null | true;false |         | true
          """)
  void nullOperator(String operator, String values, @Nullable String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEqualsIfExists    | a              | k=a                    | true
          StringEqualsIfExists    | a              | k=b                    | false
          StringNotEqualsIfExists | a              | k=a                    | false
          StringNotEqualsIfExists | a              | k=b                    | true
          StringLikeIfExists      | a*             | k=abc                  | true
          NumericLessThanIfExists | 10             | k=5                    | true
          NumericLessThanIfExists | 10             | k=50                   | false
          DateGreaterThanIfExists | 2024-01-01     | k=2023-12-31T23:59:59Z | false
          BoolIfExists            | false          | k=true                 | false
          BoolIfExists            | false          | k=false                | true
          IpAddressIfExists       | 10.0.0.0/8     | k=10.1.2.3             | true
          ArnLikeIfExists         | arn:aws:s3:::b | k=arn:aws:s3:::c       | false
          BinaryEqualsIfExists    | QQ==           | k=QQ==                 | true
          stringequals            | a              | k=a                    | true
          STRINGEQUALS            | a              | k=a                    | true
          stringNotEqualsIFEXISTS | a              | k=b                    | true
          """)
  void ifExistsOnPresentKeysAndOperatorCase(
      String operator, String values, String request, boolean expected) {
    assertThat(holds(operator, values, request)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1} vs {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals | AWS:SourceVpc         | vpc-1 | aws:sourcevpc=vpc-1       | true
          StringEquals | aws:sourcevpc         | vpc-1 | AWS:SOURCEVPC=vpc-1       | true
          StringEquals | aws:PrincipalTag/Team | red   | aws:principaltag/team=red | true
          """)
  void keysCompareIgnoringCase(
      String operator, String key, String values, String request, boolean expected) {
    assertThat(holds(operator, key, values, request)).isEqualTo(expected);
  }
}
