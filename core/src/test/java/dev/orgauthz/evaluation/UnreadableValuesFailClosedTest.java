package dev.orgauthz.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Regression: a Deny whose condition reads a request value its operator cannot read still applies
 * (any evaluation error means no access, semantics §1.2 step 9), so an unreadable value never turns
 * into an allow. Before the fix these requests were allowed.
 */
class UnreadableValuesFailClosedTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/AppRole";

  @ParameterizedTest(name = "Deny {0} {1} with {1}=`{3}` is not allowed")
  @CsvSource(
      delimiter = '|',
      value = {
        "NotIpAddress | aws:SourceIp | 203.0.113.0/24 | not-an-ip",
        "IpAddress | aws:SourceIp | 203.0.113.0/24 | not-an-ip",
        "NumericGreaterThan | s3:max-keys | 10 | abc",
        "DateGreaterThan | aws:CurrentTime | 2020-01-01T00:00:00Z | garbage",
        "Bool | aws:SecureTransport | false | maybe",
        "ArnNotLike | aws:SourceArn | arn:aws:s3:::bucket | not-an-arn",
        "BinaryEquals | k:bytes | QUJD | ***",
        "ForAnyValue:NotIpAddress | aws:SourceIp | 203.0.113.0/24 | not-an-ip",
      })
  void denyWithAnUnreadableRequestValueStillDenies(
      String operator, String key, String policyValue, String requestValue) {
    NamedPolicy policy =
        NamedPolicy.of(
            "identity",
            Policies.parse(
                ("{`Version`:`2012-10-17`,`Statement`:["
                        + "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},"
                        + "{`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,"
                        + "`Condition`:{`OP`:{`KEY`:`VALUE`}}}]}")
                    .replace("OP", operator)
                    .replace("KEY", key)
                    .replace("VALUE", policyValue)
                    .replace('`', '"'),
                PolicyType.IDENTITY,
                "identity"));
    EvaluationRequest request =
        EvaluationRequest.of(
            Principal.parse(ROLE),
            "s3:GetObject",
            "*",
            null,
            null,
            RequestContext.builder().put(key, requestValue).build());

    EvaluationResult result =
        LayeredEvaluator.evaluate(PolicyLayers.builder().identityPolicy(policy).build(), request);

    assertThat(result.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }
}
