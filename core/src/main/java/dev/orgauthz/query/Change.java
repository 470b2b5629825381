package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Snapshot;
import dev.orgauthz.policy.PolicyDocument;
import java.util.List;

/**
 * A change to an organization, for {@link Impact}: names are resolved against the snapshot the
 * change is applied to, by id or name as a person types them. {@link #apply} makes the changed
 * snapshot.
 */
public sealed interface Change
    permits Change.AttachPolicy,
        Change.DetachPolicy,
        Change.EditPolicy,
        Change.MoveAccount,
        Change.AddAssignment,
        Change.RemoveAssignment {

  /** The change as a person reads it. */
  String describe();

  /**
   * The snapshot with the changes made, in order.
   *
   * @throws IllegalArgumentException when a change names something the snapshot lacks, or cannot be
   *     made (attaching a policy already attached, detaching one that is not)
   * @throws dev.orgauthz.ModelException when the changed organization is one AWS would reject
   */
  static Snapshot apply(Snapshot snapshot, List<Change> changes) {
    return ChangeApplier.apply(snapshot, changes);
  }

  /**
   * Attaches a policy to a target: a service or resource control policy (id or name) to the root,
   * an OU or an account (id or name), or an AWS managed policy (ARN or name) to a permission set
   * (name or ARN).
   *
   * @param policy the policy
   * @param target the root, OU, account or permission set
   */
  record AttachPolicy(String policy, String target) implements Change {
    public AttachPolicy {
      requireNonNull(policy, "policy");
      requireNonNull(target, "target");
    }

    @Override
    public String describe() {
      return "attach " + policy + " to " + target;
    }
  }

  /**
   * Detaches a policy from a target it is attached to directly; the policy and target are named as
   * for {@link AttachPolicy}.
   *
   * @param policy the policy
   * @param target the root, OU, account or permission set
   */
  record DetachPolicy(String policy, String target) implements Change {
    public DetachPolicy {
      requireNonNull(policy, "policy");
      requireNonNull(target, "target");
    }

    @Override
    public String describe() {
      return "detach " + policy + " from " + target;
    }
  }

  /**
   * Replaces the document of a policy: a service or resource control policy (id or name), an AWS
   * managed policy (ARN), a customer managed policy (ARN, which names its account), or the inline
   * policy of a permission set (the permission set's name or ARN).
   *
   * @param policy the policy
   * @param document the new document, parsed as the kind of policy it replaces
   */
  record EditPolicy(String policy, PolicyDocument document) implements Change {
    public EditPolicy {
      requireNonNull(policy, "policy");
      requireNonNull(document, "document");
    }

    @Override
    public String describe() {
      return "edit " + policy;
    }
  }

  /**
   * Moves an account to another parent.
   *
   * @param account the account, by id or name
   * @param parent the root or an OU, by id or name
   */
  record MoveAccount(String account, String parent) implements Change {
    public MoveAccount {
      requireNonNull(account, "account");
      requireNonNull(parent, "parent");
    }

    @Override
    public String describe() {
      return "move " + account + " to " + parent;
    }
  }

  /**
   * Assigns a permission set to a user or group in an account.
   *
   * @param account the account, by id or name
   * @param permissionSet the permission set, by name or ARN
   * @param principal the user (user name or id) or group (display name or id)
   */
  record AddAssignment(String account, String permissionSet, String principal) implements Change {
    public AddAssignment {
      requireNonNull(account, "account");
      requireNonNull(permissionSet, "permissionSet");
      requireNonNull(principal, "principal");
    }

    @Override
    public String describe() {
      return "assign " + permissionSet + " to " + principal + " in " + account;
    }
  }

  /**
   * Removes the assignment of a permission set to a user or group in an account.
   *
   * @param account the account, by id or name
   * @param permissionSet the permission set, by name or ARN
   * @param principal the user (user name or id) or group (display name or id)
   */
  record RemoveAssignment(String account, String permissionSet, String principal)
      implements Change {
    public RemoveAssignment {
      requireNonNull(account, "account");
      requireNonNull(permissionSet, "permissionSet");
      requireNonNull(principal, "principal");
    }

    @Override
    public String describe() {
      return "unassign " + permissionSet + " from " + principal + " in " + account;
    }
  }
}
