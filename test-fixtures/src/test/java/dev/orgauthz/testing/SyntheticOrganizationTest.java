package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.testing.SyntheticOrganization.Size;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticOrganizationTest {
  private static final Snapshot SMALL = SyntheticOrganization.generate(Size.SMALL, 42);

  @Test
  void theSameSizeAndSeedGiveAnEqualOrganization() {
    Snapshot again = SyntheticOrganization.generate(Size.SMALL, 42);

    Organization a = SMALL.organization();
    Organization b = again.organization();
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.root()).isEqualTo(a.root());
    assertThat(b.organizationalUnits()).isEqualTo(a.organizationalUnits());
    assertThat(b.accounts()).isEqualTo(a.accounts());
    assertThat(b.policies()).isEqualTo(a.policies());
    IdentityCenter x = SMALL.identityCenter().orElseThrow();
    IdentityCenter y = again.identityCenter().orElseThrow();
    assertThat(y.users()).isEqualTo(x.users());
    assertThat(y.groups()).isEqualTo(x.groups());
    assertThat(y.memberships()).isEqualTo(x.memberships());
    assertThat(y.permissionSets()).isEqualTo(x.permissionSets());
    assertThat(y.assignments()).isEqualTo(x.assignments());
    assertThat(again.awsManagedPolicies().policies())
        .isEqualTo(SMALL.awsManagedPolicies().policies());
  }

  @Test
  void anotherSeedGivesAnotherOrganization() {
    Snapshot other = SyntheticOrganization.generate(Size.SMALL, 43);

    assertThat(other.organization().accounts()).isNotEqualTo(SMALL.organization().accounts());
  }

  @Test
  void theSizesAreExact() {
    Organization org = SMALL.organization();
    IdentityCenter center = SMALL.identityCenter().orElseThrow();

    assertThat(org.accounts()).hasSize(40);
    assertThat(org.organizationalUnits()).hasSize(12);
    assertThat(org.policies().stream().filter(ControlPolicy::isScp)).hasSize(16);
    assertThat(center.permissionSets()).hasSize(20);
    assertThat(center.users()).hasSize(200);
    assertThat(center.groups()).hasSize(30);
    assertThat(center.assignments()).hasSize(600);
  }

  @Test
  void theTreeIsFiveLevelsDeepWithAtMostFiveScpsPerTarget() {
    Organization org = SMALL.organization();

    int deepest = 0;
    for (OrganizationalUnit unit : org.organizationalUnits()) {
      deepest = Math.max(deepest, org.ancestors(unit.id()).size());
    }
    assertThat(deepest).isEqualTo(Organization.MAX_OU_DEPTH);
    assertThat(SMALL.findings()).isEmpty();
  }

  @Test
  void identicalDocumentsAreParsedOnce() {
    Set<PolicyDocument> documents = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<String, PolicyDocument> byText = new HashMap<>();
    for (ControlPolicy policy : SMALL.organization().policies()) {
      documents.add(policy.document());
      PolicyDocument first = byText.putIfAbsent(policy.document().text(), policy.document());
      assertThat(first == null || first == policy.document()).isTrue();
    }
    assertThat(documents).hasSizeLessThan(SMALL.organization().policies().size());
  }

  @Test
  void theOrganizationHasRegionLocksAllowListsTagConditionsAndAbac() {
    List<String> texts =
        SMALL.organization().policies().stream().map(p -> p.document().text()).toList();
    assertThat(texts)
        .anySatisfy(t -> assertThat(t).contains("\"NotAction\"", "aws:RequestedRegion"))
        .anySatisfy(t -> assertThat(t).contains("\"Effect\":\"Allow\"", "\"sts:*\""))
        .anySatisfy(t -> assertThat(t).contains("aws:RequestTag/"));

    List<PermissionSet> sets = SMALL.identityCenter().orElseThrow().permissionSets();
    assertThat(sets)
        .anySatisfy(
            s ->
                assertThat(s.inlinePolicy())
                    .isNotNull()
                    .extracting(PolicyDocument::text)
                    .asString()
                    .contains("${aws:PrincipalTag/Team}"));
    int largest = 0;
    for (var policy : SMALL.awsManagedPolicies().policies()) {
      String text = policy.document().text();
      largest = Math.max(largest, text.split("\",\"").length);
    }
    assertThat(largest).isGreaterThan(2_000);
  }

  @Test
  void requestsAreRepeatableAndDecideAgreesWithExplainOnThem() {
    Authorizer authz = Authorizer.compile(SMALL);
    List<AccessRequest> requests = SyntheticOrganization.requests(SMALL, 2_000, 7);

    assertThat(SyntheticOrganization.requests(SMALL, 2_000, 7)).isEqualTo(requests);
    Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
    for (AccessRequest request : requests) {
      Outcome outcome = authz.decide(request);
      assertThat(outcome).as("%s", request).isEqualTo(authz.explain(request).outcome());
      seen.merge(outcome, 1, Integer::sum);
    }
    assertThat(seen).containsOnlyKeys(Outcome.values());
    // Again, backwards: most outcomes now come from the thread's memo of recent decisions.
    for (int i = requests.size() - 1; i >= 0; i--) {
      AccessRequest request = requests.get(i);
      assertThat(authz.decide(request))
          .as("%s", request)
          .isEqualTo(authz.explain(request).outcome());
    }
  }

  @Test
  void aSizeTooSmallOrWithTooManyAssignmentsIsRefused() {
    assertThatThrownBy(() -> new Size(2, 5, 8, 11, 10, 7, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too small");
    assertThatThrownBy(() -> new Size(4, 5, 8, 11, 10, 7, 45))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "size asks for 45 assignments but 4 accounts and 11 permission sets hold at most 44:"
                + " give fewer assignments");
  }
}
