package dev.orgauthz.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.PolicyLevel;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyType;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How a case becomes layers and a request. Policies are not parsed here (a stand-in parser keeps
 * their text), so that these tests depend on the runner alone.
 */
class CaseRunnerTest {
  private static final Function<CasePolicy, NamedPolicy> KEEP_TEXT =
      policy ->
          NamedPolicy.of(
              policy.id(),
              new PolicyDocument(
                  policy.type(),
                  PolicyDocument.VERSION_2012,
                  null,
                  List.of(),
                  policy.document(),
                  policy.source(),
                  List.of()));

  private static final String DOC = "{\"Version\": \"2012-10-17\", \"Statement\": []}";

  /** Root r-1 (111111111111, management), Prod ou-prod > Apps ou-apps (222222222222). */
  private static final String ORG =
      """
      "org": {"id": "o-1", "managementAccountId": "111111111111",
        "root": {"id": "r-1", "name": "Root", "accounts": ["111111111111"], "children": [
          {"id": "ou-prod", "name": "Prod", "accounts": [], "children": [
            {"id": "ou-apps", "name": "Apps", "accounts": [{"id": "222222222222", "name": "App"}]}
          ]},
          {"id": "ou-sandbox", "accounts": ["333333333333"]}]}}
      """;

  private static String attached(String id, String... targets) {
    return "{\"id\": \""
        + id
        + "\", \"targets\": [\""
        + String.join("\", \"", targets)
        + "\"], \"document\": "
        + DOC
        + "}";
  }

  private static final String SCPS =
      "\"scps\": ["
          + attached("p-FullAWSAccess", "r-1", "ou-prod", "111111111111", "222222222222")
          + ", "
          + attached("p-deny", "ou-prod", "r-1")
          + "]";

  private static PreparedCase prepare(String fields, String request) {
    String json = "{\"name\": \"c\", " + fields + ", \"request\": " + request + "}";
    return CaseRunner.prepare(CaseReader.parse(json, "c.json"), KEEP_TEXT);
  }

  private static String request(String principal, String resource, String extra) {
    return "{\"principal\": \""
        + principal
        + "\", \"action\": \"s3:GetObject\", \"resource\": \""
        + resource
        + "\""
        + extra
        + "}";
  }

  private static List<String> targets(List<PolicyLevel> levels) {
    return levels.stream().map(PolicyLevel::targetId).toList();
  }

  private static List<List<String>> policyIds(List<PolicyLevel> levels) {
    return levels.stream()
        .map(level -> level.policies().stream().map(NamedPolicy::id).toList())
        .toList();
  }

  private static final String APP_ROLE = "arn:aws:iam::222222222222:role/AppRole";
  private static final String APP_BUCKET = ", \"resourceAccount\": \"222222222222\"";

  @Test
  void scpLevelsRunFromTheRootThroughNestedOusToThePrincipalsAccount() {
    PreparedCase prepared =
        prepare(ORG + ", " + SCPS, request(APP_ROLE, "arn:aws:s3:::b/k", APP_BUCKET));

    List<PolicyLevel> levels = prepared.layers().scpLevels();
    assertThat(levels).isNotNull();
    assertThat(targets(levels)).containsExactly("r-1", "ou-prod", "ou-apps", "222222222222");
    assertThat(levels)
        .extracting(PolicyLevel::targetName)
        .containsExactly("Root", "Prod", "Apps", "App");
    assertThat(policyIds(levels))
        .containsExactly(
            List.of("p-FullAWSAccess", "p-deny"),
            List.of("p-FullAWSAccess", "p-deny"),
            List.of(),
            List.of("p-FullAWSAccess"));
    assertThat(levels.get(0).policies().get(0).document().source())
        .isEqualTo("c: scps[0] p-FullAWSAccess");
    RequestContext context = prepared.request().context();
    assertThat(context.values("aws:PrincipalOrgPaths")).containsExactly("o-1/r-1/ou-prod/ou-apps/");
    assertThat(context.isMultivalued("aws:PrincipalOrgPaths")).isTrue();
    assertThat(context.values("aws:PrincipalOrgID")).containsExactly("o-1");
    assertThat(context.values("aws:ResourceOrgPaths")).containsExactly("o-1/r-1/ou-prod/ou-apps/");
  }

  @Test
  void anAccountUnderTheRootHasTwoLevels() {
    PreparedCase prepared =
        prepare(
            ORG + ", " + SCPS + ", \"options\": {\"awsExemptions\": false}",
            request("arn:aws:iam::111111111111:user/admin", "arn:aws:s3:::b/k", ""));

    List<PolicyLevel> levels = prepared.layers().scpLevels();
    assertThat(levels).isNotNull();
    assertThat(targets(levels)).containsExactly("r-1", "111111111111");
    assertThat(prepared.request().context().values("aws:PrincipalOrgPaths"))
        .containsExactly("o-1/r-1/");
    assertThat(prepared.request().resourceAccount()).isEqualTo("111111111111");
  }

  @Test
  void aPrincipalOutsideTheTreeHasNoScpsAndNoOrgKeys() {
    PreparedCase prepared =
        prepare(
            ORG + ", " + SCPS,
            request("arn:aws:iam::444444444444:role/Partner", "arn:aws:s3:::b/k", APP_BUCKET));

    PolicyLayers layers = prepared.layers();
    assertThat(layers.scpLevels()).isNull();
    assertThat(layers.scpNote())
        .isEqualTo("the principal's account `444444444444` is not in the organization");
    RequestContext context = prepared.request().context();
    assertThat(context.has("aws:PrincipalOrgID")).isFalse();
    assertThat(context.has("aws:PrincipalOrgPaths")).isFalse();
    assertThat(context.values("aws:PrincipalAccount")).containsExactly("444444444444");
    assertThat(context.values("aws:ResourceOrgID")).containsExactly("o-1");
    assertThat(prepared.request().crossAccount()).isTrue();
  }

  @Test
  void noOrganizationOrNoScpsMeansNoScps() {
    assertThat(prepare(SCPS, request(APP_ROLE, "*", "")).layers().scpNote())
        .isEqualTo("the case has no organization");
    assertThat(prepare(ORG, request(APP_ROLE, "*", "")).layers().scpLevels()).isNull();
    assertThat(prepare(ORG + ", \"scps\": []", request(APP_ROLE, "*", "")).layers().scpNote())
        .isEqualTo("the case attaches no service control policies");
  }

  @Test
  void aServicePrincipalHasNoScpsAndNoPrincipalKeys() {
    PreparedCase prepared =
        prepare(
            ORG + ", " + SCPS,
            request("sns.amazonaws.com", "arn:aws:sqs:eu-west-1:222222222222:q", ""));

    assertThat(prepared.layers().scpNote())
        .isEqualTo("the principal `sns.amazonaws.com` belongs to no account");
    RequestContext context = prepared.request().context();
    assertThat(context.has("aws:PrincipalArn")).isFalse();
    assertThat(context.has("aws:PrincipalAccount")).isFalse();
    assertThat(context.has("aws:PrincipalOrgID")).isFalse();
    assertThat(context.values("aws:ResourceAccount")).containsExactly("222222222222");
  }

  @Test
  void explicitScpLevelsAreUsedAsGiven() {
    String levels =
        "\"scpLevels\": [{\"target\": \"r-x\", \"policies\": [{\"id\": \"p-a\", \"document\": "
            + DOC
            + "}]}, {\"target\": \"111111111111\", \"policies\": []}]";

    PreparedCase prepared =
        prepare(
            ORG + ", " + SCPS + ", " + levels, request("arn:aws:iam::111111111111:root", "*", ""));

    List<PolicyLevel> scpLevels = prepared.layers().scpLevels();
    assertThat(scpLevels).isNotNull();
    assertThat(targets(scpLevels)).containsExactly("r-x", "111111111111");
    assertThat(policyIds(scpLevels)).containsExactly(List.of("p-a"), List.of());
    assertThat(scpLevels.get(0).policies().get(0).document().source())
        .isEqualTo("c: scpLevels[0].policies[0] p-a");
  }

  @Test
  void rcpFullAwsAccessIsAttachedAtEveryLevel() {
    String rcps = "\"rcps\": [" + attached("p-deny-http", "ou-apps") + "]";

    PreparedCase prepared =
        prepare(ORG + ", " + rcps, request(APP_ROLE, "arn:aws:s3:::b/k", APP_BUCKET));

    List<PolicyLevel> levels = prepared.layers().rcpLevels();
    assertThat(levels).isNotNull();
    assertThat(targets(levels)).containsExactly("r-1", "ou-prod", "ou-apps", "222222222222");
    assertThat(policyIds(levels))
        .containsExactly(
            List.of("p-RCPFullAWSAccess"),
            List.of("p-RCPFullAWSAccess"),
            List.of("p-RCPFullAWSAccess", "p-deny-http"),
            List.of("p-RCPFullAWSAccess"));
    PolicyDocument full = levels.get(0).policies().get(0).document();
    assertThat(full.type()).isEqualTo(PolicyType.RESOURCE_CONTROL);
    assertThat(full.text()).isEqualTo(CaseRunner.RCP_FULL_AWS_ACCESS);
    assertThat(levels.get(2).policies().get(1).document().type())
        .isEqualTo(PolicyType.RESOURCE_CONTROL);
  }

  @Test
  void rcpFullAwsAccessIsAddedToExplicitLevelsOnce() {
    String levels =
        "\"rcpLevels\": [{\"target\": \"r-1\", \"policies\": []}, {\"target\": \"ou-1\","
            + " \"policies\": [{\"id\": \"p-RCPFullAWSAccess\", \"document\": "
            + DOC
            + "}, {\"id\": \"p-deny\", \"document\": "
            + DOC
            + "}]}]";

    PreparedCase prepared = prepare(levels, request(APP_ROLE, "arn:aws:s3:::b/k", ""));

    List<PolicyLevel> rcpLevels = prepared.layers().rcpLevels();
    assertThat(rcpLevels).isNotNull();
    assertThat(policyIds(rcpLevels))
        .containsExactly(List.of("p-RCPFullAWSAccess"), List.of("p-RCPFullAWSAccess", "p-deny"));
    assertThat(prepared.layers().scpLevels()).isNull();
  }

  @Test
  void rcpLevelsFollowTheResourcesAccount() {
    String rcps = "\"rcps\": [" + attached("p-deny", "ou-sandbox") + "]";

    PreparedCase prepared =
        prepare(
            ORG + ", " + rcps, request(APP_ROLE, "arn:aws:sqs:eu-west-1:333333333333:queue", ""));

    List<PolicyLevel> levels = prepared.layers().rcpLevels();
    assertThat(levels).isNotNull();
    assertThat(targets(levels)).containsExactly("r-1", "ou-sandbox", "333333333333");
    assertThat(prepared.request().resourceAccount()).isEqualTo("333333333333");
    assertThat(prepared.request().context().values("aws:ResourceOrgPaths"))
        .containsExactly("o-1/r-1/ou-sandbox/");
  }

  @Test
  void aResourceOutsideTheTreeHasNoRcps() {
    String rcps = "\"rcps\": [" + attached("p-deny", "r-1") + "]";

    PreparedCase prepared =
        prepare(
            ORG + ", " + rcps,
            request(APP_ROLE, "arn:aws:s3:::b/k", ", \"resourceAccount\": \"999999999999\""));

    assertThat(prepared.layers().rcpLevels()).isNull();
    assertThat(prepared.layers().rcpNote())
        .isEqualTo("the resource's account `999999999999` is not in the organization");
    assertThat(prepared.request().context().has("aws:ResourceOrgID")).isFalse();
  }

  @Test
  void exemptionsSkipControlPoliciesOfTheManagementAccount() {
    String rcps = "\"rcps\": [" + attached("p-deny", "r-1") + "]";
    String mgmt = "arn:aws:iam::111111111111:role/Admin";

    PreparedCase on =
        prepare(ORG + ", " + SCPS + ", " + rcps, request(mgmt, "arn:aws:s3:::b/k", ""));
    PreparedCase off =
        prepare(
            ORG + ", " + SCPS + ", " + rcps + ", \"options\": {\"awsExemptions\": false}",
            request(mgmt, "arn:aws:s3:::b/k", ""));

    assertThat(on.layers().scpLevels()).isNull();
    assertThat(on.layers().scpNote()).contains("management account");
    assertThat(on.layers().rcpLevels()).isNull();
    assertThat(on.layers().rcpNote()).contains("management account");
    assertThat(off.layers().scpLevels()).isNotNull();
    assertThat(off.layers().rcpLevels()).isNotNull();
  }

  @Test
  void exemptionsSkipControlPoliciesOfServiceLinkedRoles() {
    String rcps = "\"rcps\": [" + attached("p-deny", "r-1") + "]";
    String slr =
        "arn:aws:iam::222222222222:role/aws-service-role/elasticmapreduce.amazonaws.com/"
            + "AWSServiceRoleForEMRCleanup";

    PreparedCase on =
        prepare(ORG + ", " + SCPS + ", " + rcps, request(slr, "arn:aws:s3:::b/k", ""));
    PreparedCase off =
        prepare(
            ORG + ", " + SCPS + ", " + rcps + ", \"options\": {\"awsExemptions\": false}",
            request(slr, "arn:aws:s3:::b/k", ""));

    assertThat(on.layers().scpNote()).contains("service-linked roles");
    assertThat(on.layers().rcpNote()).contains("service-linked roles");
    assertThat(off.layers().scpLevels()).isNotNull();
    assertThat(off.layers().rcpLevels()).isNotNull();
  }

  @Test
  void exemptionsSkipRcpsForServicesWithoutRcpSupport() {
    String rcps = "\"rcps\": [" + attached("p-deny", "r-1") + "]";
    String ec2 =
        "{\"principal\": \""
            + APP_ROLE
            + "\", \"action\": \"ec2:RunInstances\","
            + " \"resource\": \"arn:aws:ec2:eu-west-1:222222222222:instance/*\"}";

    assertThat(prepare(ORG + ", " + rcps, ec2).layers().rcpNote())
        .isEqualTo("service `ec2` does not support RCPs");
    assertThat(
            prepare(ORG + ", " + rcps + ", \"options\": {\"rcpServices\": [\"ec2\"]}", ec2)
                .layers()
                .rcpLevels())
        .isNotNull();
    assertThat(
            prepare(ORG + ", " + rcps + ", \"options\": {\"rcpServices\": [\"sqs\"]}", ec2)
                .layers()
                .rcpNote())
        .isEqualTo("service `ec2` is not in the case's `rcpServices`");
  }

  @Test
  void exemptionsDoNotTouchExplicitLevels() {
    String levels =
        "\"scpLevels\": [{\"target\": \"r-1\", \"policies\": []}],"
            + " \"rcpLevels\": [{\"target\": \"r-1\", \"policies\": []}]";

    PreparedCase prepared =
        prepare(
            ORG + ", " + levels, request("arn:aws:iam::111111111111:root", "arn:aws:s3:::b/k", ""));

    assertThat(prepared.layers().scpLevels()).isNotNull();
    assertThat(prepared.layers().rcpLevels()).isNotNull();
  }

  @Test
  void derivedKeysNeverReplaceGivenOrAbsentOnes() {
    String context =
        ", \"context\": {\"AWS:PRINCIPALORGID\": \"o-given\", \"aws:PrincipalOrgPaths\": null,"
            + " \"aws:SourceIp\": \"203.0.113.7\"}";

    PreparedCase prepared =
        prepare(ORG, request("arn:aws:sts::222222222222:assumed-role/AppRole/s1", "*", context));

    RequestContext derived = prepared.request().context();
    assertThat(derived.values("aws:PrincipalOrgID")).containsExactly("o-given");
    assertThat(derived.has("aws:PrincipalOrgPaths")).isFalse();
    assertThat(derived.values("aws:SourceIp")).containsExactly("203.0.113.7");
    assertThat(derived.values("aws:PrincipalArn"))
        .containsExactly("arn:aws:iam::222222222222:role/AppRole");
    assertThat(derived.values("aws:PrincipalAccount")).containsExactly("222222222222");
    assertThat(derived.values("aws:ResourceAccount")).containsExactly("222222222222");
    assertThat(derived.values("aws:ResourceOrgPaths")).containsExactly("o-1/r-1/ou-prod/ou-apps/");
  }

  @Test
  void anonymousHasAnAnonymousAccountAndNoArn() {
    PreparedCase prepared = prepare(ORG, request("anonymous", "arn:aws:s3:::b/k", APP_BUCKET));

    RequestContext context = prepared.request().context();
    assertThat(context.values("aws:PrincipalAccount")).containsExactly("anonymous");
    assertThat(context.has("aws:PrincipalArn")).isFalse();
    assertThat(context.has("aws:PrincipalOrgID")).isFalse();
    assertThat(context.values("aws:ResourceOrgID")).containsExactly("o-1");
  }

  @Test
  void deriveContextOffKeepsTheContextAsGiven() {
    PreparedCase prepared =
        prepare(
            ORG + ", \"options\": {\"deriveContext\": false}",
            request(APP_ROLE, "*", ", \"context\": {\"aws:TagKeys\": [\"a\"]}"));

    RequestContext context = prepared.request().context();
    assertThat(context.keys()).containsExactly("aws:TagKeys");
  }

  @Test
  void accountsDefaultAsTheFormatSays() {
    PreparedCase fromArn =
        prepare(
            ORG,
            request(
                APP_ROLE,
                "arn:aws:sqs:eu-west-1:333333333333:q",
                ", \"principalAccount\": \"333333333333\""));
    PreparedCase s3 = prepare(ORG, request(APP_ROLE, "arn:aws:s3:::b/k", ""));

    assertThat(fromArn.request().principalAccount()).isEqualTo("333333333333");
    assertThat(fromArn.request().resourceAccount()).isEqualTo("333333333333");
    assertThat(fromArn.request().crossAccount()).isFalse();
    assertThat(s3.request().resourceAccount()).isEqualTo("222222222222");
  }

  @Test
  void everyPolicySlotReachesItsLayer() {
    String policy = "{\"id\": \"%s\", \"document\": " + DOC + "}";
    String fields =
        "\"identityPolicies\": ["
            + policy.formatted("i")
            + "], \"permissionsBoundary\": ["
            + policy.formatted("b1")
            + ", "
            + policy.formatted("b2")
            + "], \"sessionPolicy\": "
            + policy.formatted("s")
            + ", \"resourcePolicy\": "
            + policy.formatted("r")
            + ", \"vpcEndpointPolicies\": ["
            + policy.formatted("v")
            + "]";

    PolicyLayers layers = prepare(fields, request(APP_ROLE, "*", "")).layers();

    assertThat(layers.identityPolicies()).extracting(NamedPolicy::id).containsExactly("i");
    assertThat(layers.permissionsBoundaries())
        .extracting(NamedPolicy::id)
        .containsExactly("b1", "b2");
    assertThat(layers.sessionPolicy()).extracting(NamedPolicy::id).isEqualTo("s");
    assertThat(layers.resourcePolicy()).extracting(NamedPolicy::id).isEqualTo("r");
    assertThat(layers.vpcEndpointPolicies()).extracting(NamedPolicy::id).containsExactly("v");
    assertThat(layers.permissionsBoundaries().get(1).document().type())
        .isEqualTo(PolicyType.PERMISSIONS_BOUNDARY);
  }

  @Test
  void aPrincipalThatCannotBeParsedIsAnErrorNeverAnAllow() {
    String json =
        "{\"name\": \"bad-principal\", \"request\": {\"principal\": \"arn:aws:iam::12:user/u\","
            + " \"action\": \"s3:GetObject\", \"resource\": \"*\"}, \"expected\": \"Allowed\"}";

    CaseResult result = CaseRunner.run(CaseReader.parse(json, "p.json"));

    assertThat(result.decision()).isEqualTo(CaseDecision.ERROR);
    assertThat(result.error()).startsWith("principal `arn:aws:iam::12:user/u` is not an ARN");
    assertThat(result.expected()).isEqualTo(Outcome.ALLOWED);
    assertThat(result.failed()).isTrue();
    assertThat(result.evaluation()).isNull();
  }

  @Test
  void aPolicyThatCannotBeParsedFailsThePreparation() {
    Function<CasePolicy, NamedPolicy> rejecting =
        policy -> {
          if (policy.id().equals("i")) {
            throw new PolicyException(policy.source(), "/Statement", "bad\nstatement");
          }
          return KEEP_TEXT.apply(policy);
        };
    String json =
        "{\"name\": \"n\", \"identityPolicies\": [{\"id\": \"i\", \"document\": "
            + DOC
            + "}], \"request\": "
            + request(APP_ROLE, "*", "")
            + "}";

    assertThatThrownBy(() -> CaseRunner.prepare(CaseReader.parse(json, "n.json"), rejecting))
        .hasMessage("n: identityPolicies[0] i at /Statement: bad statement");
  }

  @Test
  void anUnreadableCaseIsACountedError() {
    CaseResult result = CaseRunner.run(CaseJson.entry("{", "x.json"));

    assertThat(result.decision()).isEqualTo(CaseDecision.ERROR);
    assertThat(result.name()).isEqualTo("x.json");
    assertThat(result.error()).startsWith("x.json: invalid JSON");
    assertThat(result.counted()).isTrue();
    assertThat(result.failed()).isTrue();
  }
}
