package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.LayeredEvaluator;
import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyLimits;
import dev.orgauthz.policy.PolicyType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fail closed: every error path ends in a load error with a clear message, or in a deny, never in
 * an allow. The grammar errors of a document are in {@code PoliciesTest}, the model's unresolvable
 * references in {@code SnapshotTest}, unknown names in a question in {@code AuthorizerTest}; this
 * class holds the rest: condition blocks AWS would reject, malformed policy variables, documents
 * beyond the input limits, and request values that cannot be read.
 */
class FailClosedTest {
  private static final String USER = "arn:aws:iam::111111111111:user/u";

  /** The cases write JSON with backquotes for double quotes, to stay readable. */
  private static String json(String text) {
    return text.replace('`', '"');
  }

  @Nested
  class Documents {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            unknown operator in a Deny | SERVICE_CONTROL | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEqualz`:\
            {`aws:RequestedRegion`:`eu-west-1`}}}} | /Statement/Condition/StringEqualz\
            /aws:RequestedRegion | unknown condition operator `StringEqualz`: did you mean\
             `StringEquals`?
            operator far from every known one | IDENTITY | {`Version`:`2012-10-17`,\
            `Statement`:{`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:\
            {`StringEqualsXYZ`:{`k`:`v`}}}} | /Statement/Condition/StringEqualsXYZ/k\
             | unknown condition operator `StringEqualsXYZ`: use one of StringEquals,\
             StringNotEquals,
            operator two edits from a known one | IDENTITY | {`Version`:`2012-10-17`,\
            `Statement`:{`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:\
            {`ForAnyValue:StrngEqals`:{`k`:`v`}}}} | /Statement/Condition\
            /ForAnyValue:StrngEqals/k | did you mean `ForAnyValue:StringEquals`?
            qualifier without name | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:\
            {`:StringEquals`:{`k`:`v`}}}} | /Statement/Condition/:StringEquals/k\
             | unknown set qualifier `:`
            unknown set qualifier | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:\
            {`ForEachValue:StringEquals`:{`aws:TagKeys`:`a`}}}} | /Statement/Condition\
            /ForEachValue:StringEquals/aws:TagKeys | unknown set qualifier `ForEachValue:`
            IfExists on Null | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:\
            {`NullIfExists`:{`aws:TagKeys`:`true`}}}} | /Statement/Condition/NullIfExists\
            /aws:TagKeys | `NullIfExists` is not an operator
            NumericLessThan of text | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericLessThan`:\
            {`s3:max-keys`:`abc`}}}} | /Statement/Condition/NumericLessThan/s3:max-keys\
             | `abc` is not a number for `NumericLessThan`
            IpAddress of text | SERVICE_CONTROL | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NotIpAddress`:\
            {`aws:SourceIp`:`not-an-ip`}}}} | /Statement/Condition/NotIpAddress/aws:SourceIp\
             | `not-an-ip` is not an IP address or CIDR range for `NotIpAddress`
            DateGreaterThan of garbage | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`DateGreaterThan`:\
            {`aws:CurrentTime`:`next tuesday`}}}} | /Statement/Condition/DateGreaterThan\
            /aws:CurrentTime | `next tuesday` is not a date for `DateGreaterThan`
            Bool of text | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Bool`:\
            {`aws:SecureTransport`:`yes`}}}} | /Statement/Condition/Bool/aws:SecureTransport\
             | `yes` is not a boolean for `Bool`
            BinaryEquals not base64 | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`BinaryEquals`:\
            {`k`:`Q=Q=`}}}} | /Statement/Condition/BinaryEquals/k | `Q=Q=` is not base64
            condition without value | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:\
            {`k`:[]}}}} | /Statement/Condition/StringEquals/k | has no value
            unclosed variable in a Resource | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Deny`,`Action`:`*`,`Resource`:[`*`,`arn:aws:s3:::b/${aws:username`]}}\
             | /Statement/Resource/1 | has no closing `}`
            empty variable in a NotResource | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Allow`,`Action`:`*`,`NotResource`:`arn:aws:s3:::b/${}`}}\
             | /Statement/NotResource | empty policy variable `${}`
            unclosed variable in a condition | IDENTITY | {`Version`:`2012-10-17`,`Statement`:\
            {`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:\
            {`aws:username`:`${aws:PrincipalTag/name`}}}} | /Statement/Condition/StringEquals\
            /aws:username | has no closing `}`
            Allow in a resource control policy | RESOURCE_CONTROL | {`Version`:`2012-10-17`,\
            `Statement`:{`Effect`:`Allow`,`Principal`:`*`,`Action`:`s3:*`,`Resource`:`*`}}\
             | /Statement/Effect | a resource control policy can only deny
            URL encoding that does not decode | IDENTITY | %7B%ZZ | | does not decode
            empty | IDENTITY | '   ' | | the policy document is empty
            a JSON string holding no JSON | IDENTITY | `{not json` | | not valid JSON
            """)
    void areRejectedAtLoad(
        String name, PolicyType type, String document, String pointer, String problem) {
      assertThatThrownBy(() -> Policies.parse(json(document), type, "policy.json"))
          .isInstanceOfSatisfying(
              PolicyException.class,
              e -> {
                assertThat(e.source()).isEqualTo("policy.json");
                assertThat(e.pointer()).isEqualTo(pointer == null ? "" : pointer);
                assertThat(e.problem()).contains(problem);
                assertThat(e.getMessage()).doesNotContain("\n");
              });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            too long | 100 | 6 | 10 | {`Version`:`2012-10-17`,`Statement`:[{`Effect`:`Allow`,\
            `Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`Action`:`x:y`,`Resource`:`*`}]}\
             | the policy document has 133 characters, over the limit of 100; raise\
             PolicyLimits.maxCharacters if it is genuine
            too deep | 1000 | 6 | 10 | {`Statement`:[[[[[[[]]]]]]]} | the policy document nests\
             deeper than 6 levels; a policy needs 6, so this is not a policy
            too many statements | 1000 | 6 | 1 | {`Version`:`2012-10-17`,`Statement`:[{`Effect`:\
            `Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`Action`:`x:y`,`Resource`:`*`}]}\
             | at /Statement: the policy has 2 statements, over the limit of 1; raise\
             PolicyLimits.maxStatements if it is genuine
            """)
    void documentsBeyondTheLimitsAreRejected(
        String name, int characters, int depth, int statements, String document, String problem) {
      PolicyLimits limits = new PolicyLimits(characters, depth, statements);

      assertThatThrownBy(
              () -> Policies.parse(json(document), PolicyType.IDENTITY, "big.json", limits))
          .isInstanceOf(PolicyException.class)
          .hasMessage("big.json" + (problem.startsWith("at ") ? " " : ": ") + problem);
    }
  }

  /**
   * A request value that an operator cannot read is an evaluation error: in an Allow it allows
   * nothing. (In a Deny it makes the deny apply once the engine compiles conditions with their
   * effect; the condition package holds that rule, {@code UnreadableRequestValueTest}.)
   */
  @Nested
  class RequestValues {
    @ParameterizedTest(name = "{0} on {1} = {3}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            IpAddress          | aws:SourceIp               | 203.0.113.0/24       | not-an-ip
            NotIpAddress       | aws:SourceIp               | 203.0.113.0/24       | 203.0.113.999
            NumericLessThan    | s3:max-keys                | 10                   | abc
            NumericNotEquals   | s3:max-keys                | 10                   | 1e3
            DateLessThan       | aws:CurrentTime            | 2030-01-01T00:00:00Z | soon
            DateNotEquals      | aws:EpochTime              | 1700000000           | -5
            Bool               | aws:MultiFactorAuthPresent | true                 | yes
            BinaryEquals       | k                          | QQ==                 | Q
            ArnNotLike         | aws:SourceArn              | arn:aws:s3:::b       | b
            """)
    void anAllowWhoseValueCannotBeReadAllowsNothing(
        String operator, String key, String policyValue, String requestValue) {
      String allow =
          json(
              "{`Version`:`2012-10-17`,`Statement`:{`Effect`:`Allow`,`Action`:`s3:GetObject`,"
                  + "`Resource`:`*`,`Condition`:{`"
                  + operator
                  + "`:{`"
                  + key
                  + "`:`"
                  + policyValue
                  + "`}}}}");
      PolicyLayers layers =
          PolicyLayers.builder()
              .identityPolicy(
                  NamedPolicy.of("allow", Policies.parse(allow, PolicyType.IDENTITY, "allow")))
              .build();
      RequestContext context = RequestContext.builder().put(key, requestValue).build();

      assertThat(LayeredEvaluator.evaluate(layers, request("s3:GetObject", context)).outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void anActionWithoutServicePrefixMatchesNoStatementEvenStar() {
      String allowAll =
          json(
              "{`Version`:`2012-10-17`,`Statement`:{`Effect`:`Allow`,`Action`:`*`,"
                  + "`Resource`:`*`}}");
      PolicyLayers layers =
          PolicyLayers.builder()
              .identityPolicy(
                  NamedPolicy.of("all", Policies.parse(allowAll, PolicyType.IDENTITY, "all")))
              .build();

      assertThat(
              LayeredEvaluator.evaluate(layers, request("GetObject", RequestContext.empty()))
                  .outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void aPrincipalOrAccountThatCannotBeReadIsAnErrorNotAGuess() {
      assertThatThrownBy(() -> Principal.parse("alice"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("principal `alice` is neither an ARN, a service principal nor `anonymous`");
      assertThatThrownBy(
              () ->
                  EvaluationRequest.of(
                      Principal.parse("anonymous"),
                      "s3:GetObject",
                      "arn:aws:s3:::bucket/key",
                      null,
                      null,
                      RequestContext.empty()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "resource `arn:aws:s3:::bucket/key` names no account: give the resource"
                  + " account");
    }

    private static EvaluationRequest request(String action, RequestContext context) {
      return EvaluationRequest.of(
          Principal.parse(USER), action, "arn:aws:s3:::b/k", null, "111111111111", context);
    }
  }
}
