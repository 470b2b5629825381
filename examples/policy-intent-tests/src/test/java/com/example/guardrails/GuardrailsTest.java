package com.example.guardrails;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Decision;
import dev.orgauthz.testing.OrgAuthzSoftAssertions;
import dev.orgauthz.testing.junit.OrgAuthzSnapshot;
import org.junit.jupiter.api.Test;

/** The guardrails of the organization, as sentences. */
@OrgAuthzSnapshot("example")
class GuardrailsTest {
  @Test
  void noOneInSandboxCanLeaveTheOrganization(Authorizer authorizer) {
    assertThat(authorizer)
        .everyUser()
        .cannot("organizations:LeaveOrganization")
        .inEveryAccountOf("Sandbox")
        .isBlockedByScp("DenyLeaveOrganization", "Root");
  }

  @Test
  void developersCannotTerminateInstancesInProduction(Authorizer authorizer) {
    assertThat(authorizer)
        .group("Developers")
        .cannot("ec2:TerminateInstances")
        .inRegion("eu-west-1")
        .in("Production")
        .isExplicitlyDenied()
        .isBlockedByScp("RequireMfaForDestructiveActions", "Production");
  }

  @Test
  void developersBuildAndRunInTheApprovedRegionsOnly(Authorizer authorizer) {
    OrgAuthzSoftAssertions.assertSoftlyThat(
        softly -> {
          softly
              .assertThat(authorizer)
              .group("Developers")
              .can("ec2:RunInstances")
              .inRegion("eu-west-1")
              .inEveryAccountOf("Testing")
              .isGrantedBy("Developer");
          softly
              .assertThat(authorizer)
              .group("Developers")
              .cannot("ec2:RunInstances")
              .inRegion("ap-southeast-2")
              .inEveryAccountOf("Testing")
              .isBlockedByScp("RegionRestriction");
        });
  }

  @Test
  void theDeveloperPermissionSetCreatesNoIamUsers(Authorizer authorizer) {
    assertThat(authorizer)
        .permissionSet("Developer")
        .cannot("iam:CreateUser")
        .inEveryAccount()
        .isImplicitlyDenied();
  }

  @Test
  void oneDecisionAndItsRoles(Authorizer authorizer) {
    Decision decision =
        authorizer.explain(
            AccessRequest.builder()
                .user("dave")
                .action("ec2:TerminateInstances")
                .account("Development")
                .region("eu-west-1")
                .build());

    assertThat(decision).isExplicitlyDenied().hasRoles("Developer", "PowerUser");
    assertThat(decision).role("PowerUser").isBlockedByScp("ProtectNonProduction", "Sandbox");
  }
}
