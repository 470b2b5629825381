package dev.orgauthz.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Action element's matching rules, semantics §4.1 and T19. */
class ActionMatcherTest {

  @ParameterizedTest(name = "`{0}` vs `{1}` -> {2}")
  @CsvSource({
    "*, s3:GetObject, true",
    "s3:*, s3:GetObject, true",
    "s3:*, S3:GetObject, true",
    "s3:*, s3x:GetObject, false",
    "s3:Get*, s3:GetObjectVersion, true",
    "s3:Get*, s3:PutObject, false",
    "iam:*AccessKey*, IAM:listaccesskeys, true",
    "iam:*AccessKey*, iam:ListUsers, false",
    "ec2:?erminateInstances, ec2:TerminateInstances, true",
    "'s3:', s3:GetObject, false",
    "'s3:GetObject ', s3:GetObject, false",
    "s?:GetObject, s3:GetObject, false",
    "s3:GetObject, s3:GetObjectAcl, false",
  })
  void matches(String pattern, String action, boolean expected) {
    String lower = action.toLowerCase(Locale.ROOT);
    assertThat(ActionMatcher.compile(List.of(pattern)).matches(lower, lower.indexOf(':')))
        .isEqualTo(expected);
  }
}
