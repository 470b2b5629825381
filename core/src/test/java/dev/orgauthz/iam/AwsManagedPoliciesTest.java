package dev.orgauthz.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.policy.PolicyType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The AWS managed policies bundled with the library. */
class AwsManagedPoliciesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "AdministratorAccess",
        "PowerUserAccess",
        "ReadOnlyAccess",
        "SecurityAudit",
        "job-function/ViewOnlyAccess",
        "job-function/Billing",
        "job-function/DatabaseAdministrator",
        "job-function/NetworkAdministrator",
        "job-function/SystemAdministrator"
      })
  void theCommonPoliciesAreBundledWithTheirVersion(String name) {
    ManagedPolicy policy =
        AwsManagedPolicies.bundled().policy("arn:aws:iam::aws:policy/" + name).orElseThrow();

    assertThat(policy.name()).isEqualTo(name.substring(name.lastIndexOf('/') + 1));
    assertThat(policy.path()).isEqualTo(name.contains("/") ? "/job-function/" : "/");
    assertThat(policy.versionId()).matches("v\\d+");
    assertThat(policy.document().type()).isEqualTo(PolicyType.IDENTITY);
    assertThat(policy.document().statements()).isNotEmpty();
    assertThat(policy.document().source()).isEqualTo("bundled AWS managed policy " + policy.name());
  }
}
