package dev.orgauthz.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Policy variables in {@code Resource} and {@code NotResource} (semantics 4.4): resolved from the
 * request, substituted text literal, an unresolved entry matching nothing (so excluding nothing
 * under NotResource), and literal text under Version 2008-10-17. One compiled set of layers answers
 * the requests in turn.
 */
class ResourceVariableTest {
  private static final String ACCOUNT = "111111111111";

  @ParameterizedTest(name = "{0} {1}: {2} as {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          2012-10-17 | Resource    | arn:aws:s3:::b/alice/x | alice | ALLOWED
          2012-10-17 | Resource    | arn:aws:s3:::b/bob/x   | alice | IMPLICIT_DENY
          2012-10-17 | Resource    | arn:aws:s3:::b/alice/x | -     | IMPLICIT_DENY
          2012-10-17 | Resource    | arn:aws:s3:::b/any/x   | *     | IMPLICIT_DENY
          2012-10-17 | Resource    | arn:aws:s3:::b/*/x     | *     | ALLOWED
          2012-10-17 | Resource    | arn:aws:s3:::b/team/x  | -     | ALLOWED
          2008-10-17 | Resource    | arn:aws:s3:::b/alice/x | alice | IMPLICIT_DENY
          2012-10-17 | NotResource | arn:aws:s3:::b/bob/x   | alice | EXPLICIT_DENY
          2012-10-17 | NotResource | arn:aws:s3:::b/alice/x | alice | ALLOWED
          2012-10-17 | NotResource | arn:aws:s3:::b/alice/x | -     | EXPLICIT_DENY
          """)
  void variablesInResources(
      String version,
      String element,
      String resource,
      @Nullable String userName,
      Outcome expected) {
    // An allow of the user's own prefix (or a tag-named team prefix with a default); or a deny of
    // everything but the user's own prefix, next to an allow of everything.
    String document =
        element.equals("Resource")
            ? "{`Version`:`"
                + version
                + "`,`Statement`:{`Effect`:`Allow`,`Action`:`s3:GetObject`,`Resource`:"
                + "[`arn:aws:s3:::b/${aws:username}/*`,"
                + "`arn:aws:s3:::b/${aws:PrincipalTag/team, 'team'}/*`]}}"
            : "{`Version`:`"
                + version
                + "`,`Statement`:[{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:"
                + "`Deny`,`Action`:`s3:*`,`NotResource`:`arn:aws:s3:::b/${aws:username}/*`}]}";
    NamedPolicy policy =
        NamedPolicy.of(
            "p", Policies.parse(document.replace('`', '"'), PolicyType.IDENTITY, "policy"));
    PolicyLayers layers = PolicyLayers.builder().identityPolicy(policy).build();
    RequestContext.Builder context = RequestContext.builder();
    if (userName != null) {
      context.put("aws:username", userName);
    }
    EvaluationRequest request =
        EvaluationRequest.of(
            Principal.parse("arn:aws:iam::" + ACCOUNT + ":user/u"),
            "s3:GetObject",
            resource,
            null,
            ACCOUNT,
            context.build());

    assertThat(LayeredEvaluator.evaluate(layers, request).outcome()).isEqualTo(expected);
  }
}
