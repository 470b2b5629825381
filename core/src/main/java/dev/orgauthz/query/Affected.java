package dev.orgauthz.query;

import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What differs between two snapshots, as the decisions it can change: the accounts whose
 * organization policies, place in the tree or IAM data differ; the permission sets whose definition
 * or AWS managed policies differ; the users whose attributes differ; and the (user, account) pairs
 * whose roles differ. A question that touches none of them has the same answer in both snapshots.
 */
final class Affected {
  /** True when something differs that reaches every decision (Identity Center, policy types). */
  final boolean everything;

  final Set<String> accounts = new LinkedHashSet<>();
  final Set<String> permissionSets = new LinkedHashSet<>();
  final Set<String> users = new LinkedHashSet<>();
  final Set<String> userAccounts = new HashSet<>();

  private Affected(boolean everything) {
    this.everything = everything;
  }

  static Affected between(RoleIndex before, RoleIndex after) {
    Snapshot a = before.snapshot;
    Snapshot b = after.snapshot;
    Organization orgA = a.organization();
    Organization orgB = b.organization();
    IdentityCenter centerA = before.center;
    IdentityCenter centerB = after.center;
    boolean everything =
        !orgA.id().equals(orgB.id())
            || !orgA.managementAccountId().equals(orgB.managementAccountId())
            || !orgA.enabledPolicyTypes().equals(orgB.enabledPolicyTypes())
            || (centerA == null) != (centerB == null)
            || !a.identityCenterRegion().equals(b.identityCenterRegion())
            || (centerA != null
                && centerB != null
                && (!centerA.instanceArn().equals(centerB.instanceArn())
                    || !centerA
                        .accessControlAttributes()
                        .equals(centerB.accessControlAttributes())));
    Affected out = new Affected(everything);
    if (everything) {
      return out;
    }

    // Accounts: their path of control policies, their record, their IAM data
    Map<String, Boolean> nodes = new HashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    orgA.accounts().forEach(account -> ids.add(account.id()));
    orgB.accounts().forEach(account -> ids.add(account.id()));
    Map<String, List<ControlPolicy>> attachedA = attached(orgA);
    Map<String, List<ControlPolicy>> attachedB = attached(orgB);
    for (String id : ids) {
      Optional<Account> accountA = orgA.account(id);
      Optional<Account> accountB = orgB.account(id);
      if (!accountA.equals(accountB)
          || !a.iamData(id).equals(b.iamData(id))
          || pathDiffers(orgA, orgB, id, attachedA, attachedB, nodes)) {
        out.accounts.add(id);
      }
    }

    // Permission sets: their definition and the AWS managed policies they use
    if (centerA != null && centerB != null) {
      Set<String> arns = new LinkedHashSet<>();
      centerA.permissionSets().forEach(set -> arns.add(set.arn()));
      centerB.permissionSets().forEach(set -> arns.add(set.arn()));
      for (String arn : arns) {
        PermissionSet setA = centerA.permissionSet(arn).orElse(null);
        PermissionSet setB = centerB.permissionSet(arn).orElse(null);
        if (!Objects.equals(setA, setB)
            || (setA != null && !managedTexts(a, setA).equals(managedTexts(b, setA)))) {
          out.permissionSets.add(arn);
        }
      }

      // Users: their attributes, and the roles they can use in each account
      Set<String> userIds = new LinkedHashSet<>();
      centerA.users().forEach(user -> userIds.add(user.id()));
      centerB.users().forEach(user -> userIds.add(user.id()));
      boolean assignmentsDiffer =
          !centerA.assignments().equals(centerB.assignments())
              || !centerA.memberships().equals(centerB.memberships());
      for (String userId : userIds) {
        Optional<User> userA = centerA.user(userId);
        Optional<User> userB = centerB.user(userId);
        if (!userA.equals(userB)) {
          out.users.add(userId);
        } else if (assignmentsDiffer) {
          Map<String, List<RoleHandle>> rolesA = before.rolesOf(userId);
          Map<String, List<RoleHandle>> rolesB = after.rolesOf(userId);
          Set<String> accountIds = new HashSet<>(rolesA.keySet());
          accountIds.addAll(rolesB.keySet());
          for (String accountId : accountIds) {
            if (!arns(rolesA.get(accountId)).equals(arns(rolesB.get(accountId)))) {
              out.userAccounts.add(userId + " " + accountId);
            }
          }
        }
      }
    }
    return out;
  }

  private static Set<String> arns(@Nullable List<RoleHandle> roles) {
    Set<String> out = new HashSet<>();
    if (roles != null) {
      roles.forEach(role -> out.add(role.permissionSet().arn()));
    }
    return out;
  }

  private static List<String> managedTexts(Snapshot snapshot, PermissionSet set) {
    List<String> arns = new ArrayList<>(set.awsManagedPolicyArns());
    PermissionsBoundary boundary = set.permissionsBoundary();
    if (boundary != null && boundary.managedPolicyArn() != null) {
      arns.add(boundary.managedPolicyArn());
    }
    List<String> out = new ArrayList<>();
    for (String arn : arns) {
      out.add(
          snapshot
              .awsManagedPolicies()
              .policy(arn)
              .map(ManagedPolicy::document)
              .map(document -> document.type() + " " + document.text())
              .orElse(""));
    }
    return out;
  }

  private static Map<String, List<ControlPolicy>> attached(Organization organization) {
    Map<String, List<ControlPolicy>> out = new HashMap<>();
    for (ControlPolicy policy : organization.policies()) {
      for (String target : policy.targets()) {
        out.computeIfAbsent(target, k -> new ArrayList<>()).add(policy);
      }
    }
    return out;
  }

  /**
   * True when the account's place in the tree differs, or the control policies attached to a node
   * on its path (the root, its OUs, the account).
   */
  private static boolean pathDiffers(
      Organization orgA,
      Organization orgB,
      String accountId,
      Map<String, List<ControlPolicy>> attachedA,
      Map<String, List<ControlPolicy>> attachedB,
      Map<String, Boolean> nodes) {
    if (!orgA.isNode(accountId) || !orgB.isNode(accountId)) {
      return true;
    }
    List<String> pathA = new ArrayList<>(orgA.ancestors(accountId));
    List<String> pathB = new ArrayList<>(orgB.ancestors(accountId));
    if (!pathA.equals(pathB)) {
      return true;
    }
    pathA.add(accountId);
    for (String node : pathA) {
      Boolean differs = nodes.get(node);
      if (differs == null) {
        differs =
            !same(attachedA.getOrDefault(node, List.of()), attachedB.getOrDefault(node, List.of()));
        nodes.put(node, differs);
      }
      if (differs) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(List<ControlPolicy> a, List<ControlPolicy> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      ControlPolicy x = a.get(i);
      ControlPolicy y = b.get(i);
      if (x != y
          && (!x.id().equals(y.id())
              || !x.type().equals(y.type())
              || x.document().type() != y.document().type()
              || !x.document().text().equals(y.document().text()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a question can have another answer: its account or its resource's account is
   * affected, or its user is, or the user's roles in the account changed, or a permission set it
   * can use is affected.
   */
  boolean affects(
      @Nullable String userId,
      String accountId,
      String resourceAccountId,
      Set<String> permissionSetArns) {
    if (everything || accounts.contains(accountId) || accounts.contains(resourceAccountId)) {
      return true;
    }
    if (userId != null
        && (users.contains(userId) || userAccounts.contains(userId + " " + accountId))) {
      return true;
    }
    for (String arn : permissionSetArns) {
      if (permissionSets.contains(arn)) {
        return true;
      }
    }
    return false;
  }
}
