package dev.orgauthz.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The layered evaluation procedure of semantics.md §1, with the golden vectors of §10 that concern
 * it. Each test reads as a case: the layers, the request, the expected outcome and reason.
 */
class LayeredEvaluatorTest {
  private static final String A = "111122223333";
  private static final String B = "444455556666";
  private static final String ROLE = "arn:aws:iam::" + A + ":role/AppRole";
  private static final String SESSION = "arn:aws:sts::" + A + ":assumed-role/AppRole/alice";
  private static final String USER = "arn:aws:iam::" + A + ":user/u";
  private static final String BUCKET = "arn:aws:s3:::bucket/key";

  static NamedPolicy policy(PolicyType type, String id, String json) {
    return NamedPolicy.of(id, Policies.parse(json, type, id));
  }

  static NamedPolicy identity(String json) {
    return policy(PolicyType.IDENTITY, "identity", json);
  }

  static NamedPolicy scp(String id, String json) {
    return policy(PolicyType.SERVICE_CONTROL, id, json);
  }

  static NamedPolicy allow(String action, String resource) {
    return identity(
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\""
            + action
            + "\",\"Resource\":\""
            + resource
            + "\"}}");
  }

  static NamedPolicy fullAccess() {
    return scp(
        "p-FullAWSAccess",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}");
  }

  static NamedPolicy bucketPolicy(String principal) {
    return policy(
        PolicyType.RESOURCE,
        "bucket-policy",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + principal
            + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}");
  }

  static EvaluationRequest request(String principal, String action, String resource) {
    return EvaluationRequest.of(
        Principal.parse(principal), action, resource, null, null, RequestContext.empty());
  }

  static EvaluationRequest request(
      String principal, String action, String resource, String resourceAccount) {
    return EvaluationRequest.of(
        Principal.parse(principal),
        action,
        resource,
        null,
        resourceAccount,
        RequestContext.empty());
  }

  static EvaluationResult evaluate(PolicyLayers.Builder layers, EvaluationRequest request) {
    return LayeredEvaluator.evaluate(layers.build(), request);
  }

  static List<PolicyLevel> levels(
      List<NamedPolicy> root, List<NamedPolicy> ou, List<NamedPolicy> acct) {
    return List.of(
        new PolicyLevel("r-ex12", "Root", root),
        new PolicyLevel("ou-ex12-prod", "Prod", ou),
        new PolicyLevel(A, "App", acct));
  }

  @Nested
  class ServiceControlPolicies {
    @Test
    void t1MissingAllowAtAnOuLevelIsAnImplicitDenyAtThatLevel() {
      NamedPolicy ec2Only =
          scp(
              "p-ec2only",
              "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                  + "\"Action\":\"ec2:*\",\"Resource\":\"*\"}}");
      var layers =
          PolicyLayers.builder()
              .scpLevels(levels(List.of(fullAccess()), List.of(ec2Only), List.of(fullAccess())))
              .identityPolicy(allow("s3:GetObject", "*"));

      EvaluationResult result = evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, A));

      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.blockedBy()).isNotNull();
      assertThat(result.blockedBy().layer()).isEqualTo(Layer.SERVICE_CONTROL_POLICY);
      assertThat(result.blockedBy().levelId()).isEqualTo("ou-ex12-prod");
      assertThat(result.reason()).contains("Prod (ou-ex12-prod)");
    }

    @Test
    void t2ScpsDoNotApplyToTheManagementAccount() {
      assertThat(ControlPolicyScope.scpExemption(Principal.parse(ROLE), A)).isNotNull();
      var layers =
          PolicyLayers.builder()
              .noScps(ControlPolicyScope.scpExemption(Principal.parse(ROLE), A))
              .identityPolicy(allow("s3:GetObject", "*"));

      assertThat(evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void t3ServiceLinkedRolesAreExemptFromScps() {
      Principal slr =
          Principal.parse(
              "arn:aws:iam::" + A + ":role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX");
      assertThat(slr.isServiceLinkedRole()).isTrue();
      assertThat(ControlPolicyScope.scpExemption(slr, "999999999999")).contains("service-linked");
    }

    @Test
    void t4ConditionalAllowScpThatDoesNotHoldIsNoAllow() {
      NamedPolicy regionAllow =
          scp(
              "p-region",
              "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                  + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                  + "{\"aws:RequestedRegion\":\"eu-west-1\"}}}}");
      var layers =
          PolicyLayers.builder()
              .scpLevels(List.of(new PolicyLevel("r-ex12", "Root", List.of(regionAllow))))
              .identityPolicy(allow("*", "*"));
      EvaluationRequest request =
          EvaluationRequest.of(
              Principal.parse(ROLE),
              "ec2:RunInstances",
              "*",
              null,
              null,
              RequestContext.builder().put("aws:RequestedRegion", "us-east-1").build());

      EvaluationResult result = LayeredEvaluator.evaluate(layers.build(), request);

      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.blockedBy().levelId()).isEqualTo("r-ex12");
    }

    @Test
    void aDenyAtAnyLevelWins() {
      NamedPolicy denyS3 =
          scp(
              "p-denys3",
              "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"NoS3\",\"Effect\":\"Deny\","
                  + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
      var layers =
          PolicyLayers.builder()
              .scpLevels(
                  levels(
                      List.of(fullAccess()), List.of(fullAccess()), List.of(fullAccess(), denyS3)))
              .identityPolicy(allow("*", "*"));

      EvaluationResult result = evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, A));

      assertThat(result.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
      assertThat(result.explicitDenies())
          .singleElement()
          .satisfies(
              deny -> {
                assertThat(deny.policyId()).isEqualTo("p-denys3");
                assertThat(deny.sid()).isEqualTo("NoS3");
                assertThat(deny.levelId()).isEqualTo(A);
              });
    }

    @Test
    void anEmptyLevelAllowsNothing() {
      var layers =
          PolicyLayers.builder()
              .scpLevels(levels(List.of(fullAccess()), List.of(), List.of(fullAccess())))
              .identityPolicy(allow("*", "*"));
      assertThat(evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Nested
  class ResourcePolicies {
    NamedPolicy boundary =
        policy(
            PolicyType.PERMISSIONS_BOUNDARY,
            "boundary",
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"ec2:*\","
                + "\"Resource\":\"*\"}}");

    @Test
    void t5SameAccountGrantToAUserIsNotLimitedByItsBoundary() {
      var layers =
          PolicyLayers.builder().permissionsBoundary(boundary).resourcePolicy(bucketPolicy(USER));
      EvaluationResult result = evaluate(layers, request(USER, "s3:GetObject", BUCKET, A));
      assertThat(result.outcome()).isEqualTo(Outcome.ALLOWED);
      assertThat(result.allowPath()).isEqualTo("resource policy");
    }

    @Test
    void t6SameAccountGrantToARoleIsLimitedByTheBoundary() {
      var layers =
          PolicyLayers.builder().permissionsBoundary(boundary).resourcePolicy(bucketPolicy(ROLE));
      EvaluationResult result = evaluate(layers, request(SESSION, "s3:GetObject", BUCKET, A));
      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.blockedBy().layer()).isEqualTo(Layer.PERMISSIONS_BOUNDARY);
    }

    @Test
    void t7SameAccountGrantToTheSessionIsNotLimitedByTheBoundary() {
      var layers =
          PolicyLayers.builder()
              .permissionsBoundary(boundary)
              .resourcePolicy(bucketPolicy(SESSION));
      assertThat(evaluate(layers, request(SESSION, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void t8CrossAccountWithoutResourcePolicyIsDeniedOnTheResourceSide() {
      var layers = PolicyLayers.builder().identityPolicy(allow("s3:GetObject", "*"));
      EvaluationResult result = evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, B));
      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.crossAccount()).isTrue();
      assertThat(result.reason()).contains("no resource-based policy");
    }

    @Test
    void t9CrossAccountWithoutIdentityAllowIsDeniedOnThePrincipalSide() {
      var layers = PolicyLayers.builder().resourcePolicy(bucketPolicy(ROLE));
      EvaluationResult result = evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, B));
      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.blockedBy().layer()).isEqualTo(Layer.IDENTITY_POLICY);
    }

    @Test
    void crossAccountWithBothSidesIsAllowed() {
      var layers =
          PolicyLayers.builder()
              .identityPolicy(allow("s3:GetObject", "*"))
              .resourcePolicy(bucketPolicy(ROLE));
      assertThat(evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, B)).outcome())
          .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aGrantToTheAccountDelegatesToIdentityPolicies() {
      var layers = PolicyLayers.builder().resourcePolicy(bucketPolicy(A));
      assertThat(evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
      layers.identityPolicy(allow("s3:GetObject", "*"));
      assertThat(evaluate(layers, request(ROLE, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void aKeyPolicyMustAllowExplicitly() {
      NamedPolicy keyPolicy =
          policy(
              PolicyType.RESOURCE,
              "key-policy",
              "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
                  + "{\"AWS\":\"arn:aws:iam::"
                  + A
                  + ":role/Other\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}}");
      var layers =
          PolicyLayers.builder()
              .identityPolicy(allow("kms:Decrypt", "*"))
              .resourcePolicy(keyPolicy);
      String key = "arn:aws:kms:eu-west-1:" + A + ":key/k";
      assertThat(evaluate(layers, request(ROLE, "kms:Decrypt", key)).outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void notPrincipalDenyAlwaysDeniesPrincipalsWithABoundary() {
      NamedPolicy notPrincipal =
          policy(
              PolicyType.RESOURCE,
              "bucket-policy",
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":"
                  + "{\"AWS\":\""
                  + ROLE
                  + "\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}");
      var withoutBoundary =
          PolicyLayers.builder().identityPolicy(allow("s3:*", "*")).resourcePolicy(notPrincipal);
      assertThat(evaluate(withoutBoundary, request(ROLE, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.ALLOWED);
      var withBoundary = withoutBoundary.permissionsBoundary(allow("s3:*", "*"));
      assertThat(evaluate(withBoundary, request(ROLE, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.EXPLICIT_DENY);
    }

    @Test
    void aServicePrincipalIsAllowedOnlyByAResourcePolicy() {
      NamedPolicy forService =
          policy(
              PolicyType.RESOURCE,
              "bucket-policy",
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                  + "{\"Service\":\"cloudtrail.amazonaws.com\"},\"Action\":\"s3:PutObject\","
                  + "\"Resource\":\"arn:aws:s3:::bucket/*\"}]}");
      var layers = PolicyLayers.builder().resourcePolicy(forService);
      assertThat(
              evaluate(layers, request("cloudtrail.amazonaws.com", "s3:PutObject", BUCKET, A))
                  .outcome())
          .isEqualTo(Outcome.ALLOWED);
      assertThat(
              evaluate(
                      PolicyLayers.builder().identityPolicy(allow("*", "*")),
                      request("cloudtrail.amazonaws.com", "s3:PutObject", BUCKET, A))
                  .outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Nested
  class Sessions {
    @Test
    void aFederatedUserSessionWithoutSessionPolicyHasNoPermissions() {
      String federated = "arn:aws:sts::" + A + ":federated-user/bob";
      var layers = PolicyLayers.builder().identityPolicy(allow("*", "*"));
      EvaluationResult result = evaluate(layers, request(federated, "s3:GetObject", BUCKET, A));
      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.blockedBy()).isNotNull();
      assertThat(result.blockedBy().layer()).isEqualTo(Layer.SESSION_POLICY);
    }

    @Test
    void aSessionPolicyLimitsARoleSession() {
      var layers =
          PolicyLayers.builder()
              .identityPolicy(allow("s3:*", "*"))
              .sessionPolicy(policy(PolicyType.SESSION, "session", allowJson("s3:GetObject")));
      assertThat(evaluate(layers, request(SESSION, "s3:GetObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.ALLOWED);
      assertThat(evaluate(layers, request(SESSION, "s3:PutObject", BUCKET, A)).outcome())
          .isEqualTo(Outcome.IMPLICIT_DENY);
    }

    @Test
    void theRootUserNeedsNoIdentityPolicy() {
      var layers = PolicyLayers.builder();
      assertThat(
              evaluate(layers, request("arn:aws:iam::" + A + ":root", "s3:GetObject", BUCKET, A))
                  .outcome())
          .isEqualTo(Outcome.ALLOWED);
    }
  }

  static String allowJson(String action) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\""
        + action
        + "\",\"Resource\":\"*\"}}";
  }

  @Nested
  class Explanations {
    @Test
    void missingContextKeysAreReported() {
      NamedPolicy mfa =
          identity(
              "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                  + "\"Resource\":\"*\",\"Condition\":{\"Bool\":"
                  + "{\"aws:MultiFactorAuthPresent\":\"true\"}}}}");
      EvaluationResult result =
          evaluate(
              PolicyLayers.builder().identityPolicy(mfa), request(ROLE, "s3:GetObject", BUCKET, A));
      assertThat(result.outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
      assertThat(result.missingContextKeys()).containsExactly("aws:multifactorauthpresent");
    }
  }
}
