package com.example.guardrails;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.junit.IntentSource;
import dev.orgauthz.testing.junit.OrgAuthzSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The same guardrails over an AWS CLI export of the organization, as scripts/export-aws-org.sh
 * writes it. In a project of your own the path is your export directory (say {@code org-export})
 * or a snapshot file written by {@code orgauthz import}; here it is the export of the example
 * organization that the orgauthz repository keeps, relative to this project's directory.
 */
@OrgAuthzSnapshot("../../test-fixtures/src/test/resources/example-export")
class ExportedOrganizationTest {
  @Test
  void noOneInSandboxCanLeaveTheOrganization(Authorizer authorizer) {
    assertThat(authorizer)
        .everyUser()
        .cannot("organizations:LeaveOrganization")
        .inEveryAccountOf("Sandbox")
        .isBlockedByScp("DenyLeaveOrganization", "Root");
  }

  @ParameterizedTest(name = "{0}")
  @IntentSource("classpath:intents/guardrails.json")
  void holds(Intent intent, Authorizer authorizer) {
    assertThat(authorizer).holds(intent);
  }
}
