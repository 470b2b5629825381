package dev.orgauthz.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Resource element's matching rules, semantics §4.2 and pitfall 17. */
class ArnPatternTest {

  @ParameterizedTest(name = "`{0}` vs `{1}` -> {2}")
  @CsvSource({
    // T20: * crosses /
    "arn:aws:s3:::b/*/test/*, arn:aws:s3:::b/1/2/test/3/o.jpg, true",
    "arn:aws:s3:::bucket/*/test/*, arn:aws:s3:::bucket//test/object.jpg, true",
    "arn:aws:s3:::bucket/*/test/*, arn:aws:s3:::bucket/1/test/, true",
    "arn:aws:s3:::bucket/*/test/*, arn:aws:s3:::bucket/1/tst/x, false",
    // the resource part keeps its colons
    "arn:aws:s3:::data/*, arn:aws:s3:::data/2024:x/y, true",
    "arn:aws:s3:::data/2024:x/y, arn:aws:s3:::data/2024:x/y, true",
    "arn:aws:logs:eu-west-1:111122223333:log-group:app:*,"
        + " arn:aws:logs:eu-west-1:111122223333:log-group:app:log-stream:s1, true",
    // segment by segment
    "arn:aws:ec2:*:111122223333:instance/*, arn:aws:ec2:eu-west-1:111122223333:instance/i-1, true",
    "arn:aws:ec2:*:111122223333:instance/*, arn:aws:ec2:eu-west-1:999999999999:instance/i-1, false",
    "arn:aws:rds:us-west-?:*:db:x, arn:aws:rds:us-west-2:111122223333:db:x, true",
    "arn:aws:rds:us-west-?:*:db:x, arn:aws:rds:us-east-2:111122223333:db:x, false",
    "arn:aws:ec2:eu-*-1:1:instance/i, arn:aws:ec2:eu-west-1:1:instance/i, true",
    // a segment-final * may consume colons
    "arn:aws:ec2:*, arn:aws:ec2:eu-west-1:111122223333:instance/i-1, true",
    "arn:aws:ec2:eu-west-1:*, arn:aws:ec2:eu-west-1:111122223333:instance/i-1, true",
    // case-sensitive resource part
    "arn:aws:iam::111122223333:user/Bob, arn:aws:iam::111122223333:user/bob, false",
    "arn:aws:iam::111122223333:user/Bob, arn:aws:iam::111122223333:user/Bob, true",
    // only * matches a request resource of *
    "*, *, true",
    "arn:aws:s3:::*, *, false",
    "arn:*:*:*:*:*, *, false",
    "*, arn:aws:s3:::anything, true",
  })
  void matches(String pattern, String resource, boolean expected) {
    int[] colons = new int[5];
    boolean isArn = ArnPattern.colons(resource, colons);
    assertThat(ArnPattern.compile(pattern, false).matches(resource, isArn ? colons : null))
        .isEqualTo(expected);
  }
}
