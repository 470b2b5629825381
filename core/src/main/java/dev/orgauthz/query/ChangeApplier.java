package dev.orgauthz.query;

import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.GroupMembership;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.query.Change.AddAssignment;
import dev.orgauthz.query.Change.AttachPolicy;
import dev.orgauthz.query.Change.DetachPolicy;
import dev.orgauthz.query.Change.EditPolicy;
import dev.orgauthz.query.Change.MoveAccount;
import dev.orgauthz.query.Change.RemoveAssignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Makes the changes of a list in a copy of a snapshot, then builds and validates the copy. */
final class ChangeApplier {
  private final Snapshot snapshot;
  private final Organization organization;
  private final @Nullable IdentityCenter center;
  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<String, ControlPolicy> policies = new LinkedHashMap<>();
  private final Map<String, ManagedPolicy> awsManaged = new LinkedHashMap<>();
  private final Map<String, AccountIamData> iamData = new LinkedHashMap<>();
  private final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
  private final Set<AccountAssignment> assignments = new LinkedHashSet<>();
  private boolean organizationChanged;
  private boolean centerChanged;

  private ChangeApplier(Snapshot snapshot) {
    this.snapshot = snapshot;
    this.organization = snapshot.organization();
    this.center = snapshot.identityCenter().orElse(null);
    organization.accounts().forEach(a -> accounts.put(a.id(), a));
    organization.policies().forEach(p -> policies.put(p.id(), p));
    snapshot.awsManagedPolicies().policies().forEach(p -> awsManaged.put(p.arn(), p));
    snapshot.iamData().forEach(d -> iamData.put(d.accountId(), d));
    if (center != null) {
      center.permissionSets().forEach(s -> permissionSets.put(s.arn(), s));
      assignments.addAll(center.assignments());
    }
  }

  static Snapshot apply(Snapshot snapshot, List<Change> changes) {
    ChangeApplier applier = new ChangeApplier(snapshot);
    for (Change change : changes) {
      if (change instanceof AttachPolicy attach) {
        applier.attach(attach.policy(), attach.target(), true);
      } else if (change instanceof DetachPolicy detach) {
        applier.attach(detach.policy(), detach.target(), false);
      } else if (change instanceof EditPolicy edit) {
        applier.edit(edit);
      } else if (change instanceof MoveAccount move) {
        applier.move(move);
      } else if (change instanceof AddAssignment add) {
        applier.assign(add.account(), add.permissionSet(), add.principal(), true);
      } else if (change instanceof RemoveAssignment remove) {
        applier.assign(remove.account(), remove.permissionSet(), remove.principal(), false);
      }
    }
    return applier.build();
  }

  // ---- attach and detach

  private void attach(String policyName, String target, boolean attach) {
    String verb = attach ? "attach" : "detach";
    String node = Names.node(organization, target);
    if (node != null) {
      ControlPolicy policy = controlPolicy(policyName);
      if (policy == null) {
        throw new IllegalArgumentException(
            "cannot "
                + verb
                + " `"
                + policyName
                + "`: no SCP or RCP has that id or name; use one of "
                + Names.list(controlPolicyNames()));
      }
      List<String> targets = new ArrayList<>(policy.targets());
      String label = label(node);
      if (attach) {
        if (targets.contains(node)) {
          throw new IllegalArgumentException(
              "`" + policy.name() + "` is already attached to " + label + ": nothing to attach");
        }
        targets.add(node);
      } else if (!targets.remove(node)) {
        throw new IllegalArgumentException(
            "`"
                + policy.name()
                + "` is not attached to "
                + label
                + " directly: detach it from "
                + (policy.targets().isEmpty()
                    ? "nothing (it has no target)"
                    : "one of " + String.join(", ", policy.targets())));
      }
      replace(policy, policy.document(), targets);
      return;
    }

    IdentityCenter ic = center;
    PermissionSet set = ic == null ? null : ic.permissionSet(target).orElse(null);
    if (set == null) {
      throw new IllegalArgumentException(
          "cannot "
              + verb
              + " to or from `"
              + target
              + "`: use the root, an OU or an account (id or name) for an SCP or RCP, or a"
              + " permission set (name or ARN) for an AWS managed policy");
    }
    set = permissionSets.getOrDefault(set.arn(), set);
    ManagedPolicy managed = awsManagedPolicy(policyName);
    List<String> arns = new ArrayList<>(set.awsManagedPolicyArns());
    if (attach) {
      if (arns.contains(managed.arn())) {
        throw new IllegalArgumentException(
            "`" + managed.name() + "` is already attached to permission set `" + set.name() + "`");
      }
      arns.add(managed.arn());
    } else if (!arns.remove(managed.arn())) {
      throw new IllegalArgumentException(
          "`"
              + managed.name()
              + "` is not attached to permission set `"
              + set.name()
              + "`: it has "
              + (set.awsManagedPolicyArns().isEmpty()
                  ? "no AWS managed policy"
                  : String.join(", ", set.awsManagedPolicyArns())));
    }
    permissionSets.put(
        set.arn(),
        new PermissionSet(
            set.arn(),
            set.name(),
            set.description(),
            set.sessionDuration(),
            arns,
            set.customerManagedPolicies(),
            set.inlinePolicy(),
            set.permissionsBoundary()));
    centerChanged = true;
  }

  private String label(String node) {
    return organization.nodeName(node) + " (" + node + ")";
  }

  private @Nullable ControlPolicy controlPolicy(String idOrName) {
    ControlPolicy byId = policies.get(idOrName);
    if (byId != null) {
      return byId;
    }
    List<ControlPolicy> named = new ArrayList<>();
    for (ControlPolicy policy : policies.values()) {
      if (policy.name().equals(idOrName)) {
        named.add(policy);
      }
    }
    if (named.size() > 1) {
      Set<String> ids = new TreeSet<>();
      named.forEach(p -> ids.add(p.id()));
      throw new IllegalArgumentException(
          "policy name `" + idOrName + "` is ambiguous: use one of the ids " + Names.list(ids));
    }
    return named.isEmpty() ? null : named.get(0);
  }

  private Set<String> controlPolicyNames() {
    Set<String> names = new TreeSet<>();
    policies.values().forEach(p -> names.add(p.name()));
    return names;
  }

  private ManagedPolicy awsManagedPolicy(String arnOrName) {
    ManagedPolicy byArn = awsManaged.get(arnOrName);
    if (byArn != null) {
      return byArn;
    }
    for (ManagedPolicy policy : awsManaged.values()) {
      if (policy.name().equals(arnOrName)) {
        return policy;
      }
    }
    Set<String> names = new TreeSet<>();
    awsManaged.values().forEach(p -> names.add(p.name()));
    throw new IllegalArgumentException(
        "unknown AWS managed policy `"
            + arnOrName
            + "`: use the ARN or name of one in the catalog ("
            + Names.list(names)
            + ")");
  }

  private void replace(ControlPolicy policy, PolicyDocument document, List<String> targets) {
    policies.put(
        policy.id(),
        new ControlPolicy(
            policy.id(),
            policy.name(),
            policy.type(),
            policy.description(),
            policy.awsManaged(),
            document,
            targets));
    organizationChanged = true;
  }

  // ---- edit

  private void edit(EditPolicy change) {
    String name = change.policy();
    PolicyDocument document = change.document();
    ControlPolicy control = controlPolicy(name);
    if (control != null) {
      PolicyType expected = ControlPolicy.policyType(control.type());
      requireType(document, expected == null ? document.type() : expected, name);
      replace(control, document, control.targets());
      return;
    }
    ManagedPolicy managed = awsManaged.get(name);
    if (managed != null) {
      requireType(document, PolicyType.IDENTITY, name);
      awsManaged.put(
          name, new ManagedPolicy(managed.arn(), managed.name(), managed.path(), document));
      return;
    }
    for (AccountIamData data : iamData.values()) {
      List<ManagedPolicy> edited = new ArrayList<>();
      boolean found = false;
      for (ManagedPolicy policy : data.policies()) {
        if (policy.arn().equals(name)) {
          requireType(document, PolicyType.IDENTITY, name);
          edited.add(new ManagedPolicy(policy.arn(), policy.name(), policy.path(), document));
          found = true;
        } else {
          edited.add(policy);
        }
      }
      if (found) {
        iamData.put(data.accountId(), new AccountIamData(data.accountId(), edited, data.roles()));
        return;
      }
    }
    IdentityCenter ic = center;
    PermissionSet set = ic == null ? null : ic.permissionSet(name).orElse(null);
    if (set != null) {
      set = permissionSets.getOrDefault(set.arn(), set);
      requireType(document, PolicyType.IDENTITY, name);
      permissionSets.put(
          set.arn(),
          new PermissionSet(
              set.arn(),
              set.name(),
              set.description(),
              set.sessionDuration(),
              set.awsManagedPolicyArns(),
              set.customerManagedPolicies(),
              document,
              set.permissionsBoundary()));
      centerChanged = true;
      return;
    }
    throw new IllegalArgumentException(
        "cannot edit `"
            + name
            + "`: use the id or name of an SCP or RCP ("
            + Names.list(controlPolicyNames())
            + "), the ARN of an AWS managed or customer managed policy, or the name of a"
            + " permission set for its inline policy");
  }

  private static void requireType(PolicyDocument document, PolicyType expected, String name) {
    if (document.type() != expected) {
      throw new IllegalArgumentException(
          "the new document of `"
              + name
              + "` was parsed as "
              + document.type().displayName()
              + ": parse it as "
              + expected.displayName());
    }
  }

  // ---- move

  private void move(MoveAccount change) {
    Account account = Names.account(organization, change.account());
    account = accounts.getOrDefault(account.id(), account);
    String parent = Names.requireNode(organization, change.parent(), "parent");
    if (organization.account(parent).isPresent()) {
      throw new IllegalArgumentException(
          "cannot move "
              + account.label()
              + " into account `"
              + change.parent()
              + "`: an account's parent is the root or an OU");
    }
    if (parent.equals(account.parentId())) {
      throw new IllegalArgumentException(
          account.label() + " is already in " + label(parent) + ": nothing to move");
    }
    accounts.put(
        account.id(),
        new Account(
            account.id(),
            account.name(),
            account.email(),
            account.state(),
            parent,
            account.tags()));
    organizationChanged = true;
  }

  // ---- assignments

  private void assign(String accountName, String setName, String principal, boolean add) {
    IdentityCenter ic = center;
    if (ic == null) {
      throw new IllegalArgumentException(
          "the snapshot has no Identity Center, so no permission set to assign");
    }
    Account account = Names.account(organization, accountName);
    PermissionSet set = Names.permissionSet(ic, setName);
    User user = ic.user(principal).orElse(null);
    Group group = Names.group(ic, principal);
    if (user != null && group != null) {
      throw new IllegalArgumentException(
          "`"
              + principal
              + "` names both a user and a group: use the user id "
              + user.id()
              + " or the group id "
              + group.id());
    }
    AccountAssignment assignment;
    String who;
    if (user != null) {
      assignment = AccountAssignment.toUser(account.id(), set, user.id());
      who = "user `" + user.userName() + "`";
    } else if (group != null) {
      assignment = AccountAssignment.toGroup(account.id(), set, group.id());
      who = "group `" + group.displayName() + "`";
    } else {
      throw new IllegalArgumentException(
          "unknown user or group `"
              + principal
              + "`: use a user name or user id, or a group's display name or id");
    }
    String what = "`" + set.name() + "` for " + who + " in " + account.label();
    if (add && !assignments.add(assignment)) {
      throw new IllegalArgumentException("the assignment of " + what + " exists: nothing to add");
    }
    if (!add && !assignments.remove(assignment)) {
      throw new IllegalArgumentException(
          "there is no assignment of "
              + what
              + " (a group's assignment is removed from the group)");
    }
    centerChanged = true;
  }

  // ---- the changed snapshot

  private Snapshot build() {
    Snapshot.Builder out =
        Snapshot.builder()
            .organization(organizationChanged ? organization() : organization)
            .awsManagedPolicies(AwsManagedPolicies.of(awsManaged.values()));
    IdentityCenter ic = center;
    if (ic != null) {
      out.identityCenter(centerChanged ? identityCenter(ic) : ic);
    }
    iamData.values().forEach(out::iamData);
    return out.build();
  }

  private Organization organization() {
    Organization.Builder org =
        Organization.builder(organization.id(), organization.managementAccountId())
            .root(organization.root());
    organization.enabledPolicyTypes().forEach(org::enablePolicyType);
    for (OrganizationalUnit unit : organization.organizationalUnits()) {
      org.organizationalUnit(unit);
    }
    accounts.values().forEach(org::account);
    policies.values().forEach(org::policy);
    return org.build();
  }

  private IdentityCenter identityCenter(IdentityCenter ic) {
    IdentityCenter.Builder out = IdentityCenter.builder(ic.instanceArn(), ic.identityStoreId());
    ic.homeRegion().ifPresent(out::homeRegion);
    for (AccessControlAttribute attribute : ic.accessControlAttributes()) {
      out.accessControlAttribute(attribute);
    }
    ic.users().forEach(out::user);
    ic.groups().forEach(out::group);
    for (GroupMembership membership : ic.memberships()) {
      out.membership(membership.groupId(), membership.userId());
    }
    permissionSets.values().forEach(out::permissionSet);
    assignments.forEach(out::assignment);
    return out.build();
  }

  @Override
  public String toString() {
    return "ChangeApplier[" + snapshot + "]";
  }
}
