package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.policy.Finding;
import dev.orgauthz.policy.PolicyDocument;
import java.util.List;
import java.util.function.Function;

/**
 * Compares two snapshots part by part. Organization, IdentityCenter and Snapshot have no equality
 * of their own, so the comparison walks their parts, which are records.
 */
final class SnapshotComparison {
  private SnapshotComparison() {}

  /** Asserts that every part is equal, in the same order, sources and findings included. */
  static void assertIdentical(Snapshot actual, Snapshot expected) {
    assertOrganization(actual.organization(), expected.organization(), false);
    assertThat(actual.identityCenter().isPresent())
        .as("identity center present")
        .isEqualTo(expected.identityCenter().isPresent());
    if (expected.identityCenter().isPresent()) {
      IdentityCenter a = actual.identityCenter().orElseThrow();
      IdentityCenter e = expected.identityCenter().orElseThrow();
      assertThat(a.instanceArn()).isEqualTo(e.instanceArn());
      assertThat(a.identityStoreId()).isEqualTo(e.identityStoreId());
      assertThat(a.homeRegion()).isEqualTo(e.homeRegion());
      assertThat(a.users()).as("users").isEqualTo(e.users());
      assertThat(a.groups()).as("groups").isEqualTo(e.groups());
      assertThat(a.memberships()).as("memberships").isEqualTo(e.memberships());
      assertThat(a.permissionSets()).as("permission sets").isEqualTo(e.permissionSets());
      assertThat(a.assignments()).as("assignments").isEqualTo(e.assignments());
      assertThat(a.accessControlAttributes())
          .as("attributes")
          .isEqualTo(e.accessControlAttributes());
    }
    assertThat(actual.iamData()).as("IAM data").isEqualTo(expected.iamData());
    assertThat(actual.awsManagedPolicies().policies())
        .as("AWS managed policies")
        .isEqualTo(expected.awsManagedPolicies().policies());
    assertThat(actual.identityCenterRegion()).isEqualTo(expected.identityCenterRegion());
    assertThat(actual.provenance()).as("provenance").isEqualTo(expected.provenance());
    assertThat(actual.findings()).as("findings").isEqualTo(expected.findings());
  }

  /**
   * Asserts that every part is equal up to order and to where documents were read from: what an
   * export read back has of the model the export was written from.
   */
  static void assertEquivalent(Snapshot actual, Snapshot expected) {
    assertOrganization(actual.organization(), expected.organization(), true);
    assertThat(actual.identityCenter().isPresent())
        .as("identity center present")
        .isEqualTo(expected.identityCenter().isPresent());
    if (expected.identityCenter().isPresent()) {
      IdentityCenter a = actual.identityCenter().orElseThrow();
      IdentityCenter e = expected.identityCenter().orElseThrow();
      assertThat(a.instanceArn()).isEqualTo(e.instanceArn());
      assertThat(a.identityStoreId()).isEqualTo(e.identityStoreId());
      assertThat(a.homeRegion()).isEqualTo(e.homeRegion());
      assertThat(a.users()).as("users").containsExactlyInAnyOrderElementsOf(e.users());
      assertThat(a.groups()).as("groups").containsExactlyInAnyOrderElementsOf(e.groups());
      assertThat(a.memberships())
          .as("memberships")
          .containsExactlyInAnyOrderElementsOf(e.memberships());
      sameInAnyOrder(a.permissionSets(), e.permissionSets(), SnapshotComparison::strip, "sets");
      assertThat(a.assignments())
          .as("assignments")
          .containsExactlyInAnyOrderElementsOf(e.assignments());
      assertThat(a.accessControlAttributes())
          .as("attributes")
          .isEqualTo(e.accessControlAttributes());
    }
    sameInAnyOrder(actual.iamData(), expected.iamData(), SnapshotComparison::strip, "IAM data");
    sameInAnyOrder(
        actual.awsManagedPolicies().policies(),
        expected.awsManagedPolicies().policies(),
        SnapshotComparison::strip,
        "AWS managed policies");
    assertThat(actual.identityCenterRegion()).isEqualTo(expected.identityCenterRegion());
    assertThat(actual.findings())
        .extracting(Finding::code, Finding::pointer, Finding::message)
        .as("findings")
        .containsExactlyInAnyOrderElementsOf(
            expected.findings().stream()
                .map(f -> org.assertj.core.groups.Tuple.tuple(f.code(), f.pointer(), f.message()))
                .toList());
  }

  private static void assertOrganization(Organization a, Organization e, boolean anyOrder) {
    assertThat(a.id()).isEqualTo(e.id());
    assertThat(a.managementAccountId()).isEqualTo(e.managementAccountId());
    assertThat(a.root()).isEqualTo(e.root());
    assertThat(a.enabledPolicyTypes()).isEqualTo(e.enabledPolicyTypes());
    if (anyOrder) {
      assertThat(a.organizationalUnits())
          .containsExactlyInAnyOrderElementsOf(e.organizationalUnits());
      assertThat(a.accounts()).containsExactlyInAnyOrderElementsOf(e.accounts());
      sameInAnyOrder(a.policies(), e.policies(), SnapshotComparison::strip, "control policies");
    } else {
      assertThat(a.organizationalUnits()).isEqualTo(e.organizationalUnits());
      assertThat(a.accounts()).isEqualTo(e.accounts());
      assertThat(a.policies()).isEqualTo(e.policies());
    }
  }

  private static <T> void sameInAnyOrder(
      List<T> actual, List<T> expected, Function<T, T> strip, String what) {
    assertThat(actual.stream().map(strip).toList())
        .as(what)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(strip).toList());
  }

  /** A document without the place it was read from, and so without its findings' places. */
  static PolicyDocument strip(PolicyDocument d) {
    return new PolicyDocument(
        d.type(), d.version(), d.id(), d.statements(), d.text(), "", List.of());
  }

  private static ControlPolicy strip(ControlPolicy p) {
    return new ControlPolicy(
        p.id(),
        p.name(),
        p.type(),
        p.description(),
        p.awsManaged(),
        strip(p.document()),
        p.targets());
  }

  private static ManagedPolicy strip(ManagedPolicy p) {
    return new ManagedPolicy(p.arn(), p.name(), p.path(), strip(p.document()), p.versionId());
  }

  private static AccountIamData strip(AccountIamData d) {
    return new AccountIamData(
        d.accountId(),
        d.policies().stream().map(SnapshotComparison::strip).sorted(byArn()).toList(),
        d.roles());
  }

  private static java.util.Comparator<ManagedPolicy> byArn() {
    return java.util.Comparator.comparing(ManagedPolicy::arn);
  }

  private static PermissionSet strip(PermissionSet s) {
    return new PermissionSet(
        s.arn(),
        s.name(),
        s.description(),
        s.sessionDuration(),
        s.awsManagedPolicyArns(),
        s.customerManagedPolicies(),
        s.inlinePolicy() == null ? null : strip(s.inlinePolicy()),
        s.permissionsBoundary());
  }
}
