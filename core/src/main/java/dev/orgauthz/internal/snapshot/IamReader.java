package dev.orgauthz.internal.snapshot;

import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the IAM part of an export: the AWS managed policies the permission sets use (from the
 * export, else from the bundled catalog), and per account the customer managed policies the
 * permission sets reference and the roles Identity Center provisioned.
 */
final class IamReader {
  private static final String AWS_MANAGED = "iam/aws-managed-policies.json";

  private final ExportFiles files;
  private final Problems problems;

  /** The accounts of the tree, or null when the tree could not be read. */
  private final @Nullable Set<String> accounts;

  private final IdentityCenterReader center;

  private final List<ManagedPolicy> awsManagedPolicies = new ArrayList<>();
  private final List<String> bundledInUse = new ArrayList<>();
  private final List<AccountIamData> accountData = new ArrayList<>();

  IamReader(ExportFiles files, @Nullable Set<String> accounts, IdentityCenterReader center) {
    this.files = files;
    this.problems = files.problems();
    this.accounts = accounts;
    this.center = center;
  }

  /** The AWS managed policies in use. */
  List<ManagedPolicy> awsManagedPolicies() {
    return awsManagedPolicies;
  }

  /** The AWS managed policies in use taken from the bundled catalog, as name and version. */
  List<String> bundledInUse() {
    return bundledInUse;
  }

  /** The IAM data of the accounts whose authorization details the export holds. */
  List<AccountIamData> accountData() {
    return accountData;
  }

  void read() {
    awsManaged();
    Set<CustomerManagedPolicyReference> referenced = new LinkedHashSet<>();
    center
        .permissionSets()
        .values()
        .forEach(set -> referenced.addAll(set.customerManaged().keySet()));
    Map<String, AuthorizationDetails> details = new LinkedHashMap<>();
    for (String account : files.entries("iam", true)) {
      String file = "iam/" + account + "/get-account-authorization-details.json";
      if (accounts != null && !accounts.contains(account)) {
        problems.add(
            "iam/" + account,
            "",
            "the directory holds IAM data of `"
                + account
                + "`, which is not an account in the organization's tree: export the tree again,"
                + " or remove the directory");
        continue;
      }
      JsonNode root = files.required(file);
      if (root != null) {
        AuthorizationDetails read = new AuthorizationDetails(root, file, problems);
        details.put(account, read);
        accountData(account, read, referenced);
      }
    }
    checkCustomerManagedReferences(details);
  }

  private void awsManaged() {
    Map<String, IdentityCenterReader.Place> uses = new LinkedHashMap<>();
    center.permissionSets().values().forEach(set -> set.awsManaged().forEach(uses::putIfAbsent));
    JsonNode root = files.optional(AWS_MANAGED);
    AuthorizationDetails exported =
        root == null ? null : new AuthorizationDetails(root, AWS_MANAGED, problems);
    BundledManagedPolicies bundled = BundledManagedPolicies.get();
    for (Map.Entry<String, IdentityCenterReader.Place> use : uses.entrySet()) {
      String arn = use.getKey();
      AuthorizationDetails.Entry entry = exported == null ? null : exported.policies().get(arn);
      if (exported != null && entry != null) {
        ManagedPolicy policy = exported.parse(entry, AWS_MANAGED + "#" + entry.pointer(), problems);
        if (policy != null) {
          awsManagedPolicies.add(policy);
        }
        continue;
      }
      Optional<ManagedPolicy> copy = bundled.catalog().policy(arn);
      if (copy.isPresent()) {
        awsManagedPolicies.add(copy.get());
        bundledInUse.add(copy.get().name() + " " + copy.get().versionId());
      } else {
        problems.add(
            use.getValue().file(),
            use.getValue().pointer(),
            "AWS managed policy `"
                + arn
                + "` is neither in "
                + AWS_MANAGED
                + " nor in the bundled catalog: export it with `"
                + ExportFiles.command(AWS_MANAGED)
                + " --output json`");
      }
    }
  }

  private void accountData(
      String account,
      AuthorizationDetails details,
      Set<CustomerManagedPolicyReference> referenced) {
    List<ManagedPolicy> policies = new ArrayList<>();
    for (AuthorizationDetails.Entry entry : details.policies().values()) {
      if (!referenced.contains(new CustomerManagedPolicyReference(entry.name(), entry.path()))) {
        continue;
      }
      if (!entry.arn().contains(":" + account + ":policy/")) {
        problems.add(
            details.file(),
            entry.pointer().substring(0, entry.pointer().indexOf("/PolicyVersionList")) + "/Arn",
            "policy `"
                + entry.arn()
                + "` is not a policy of account "
                + account
                + ": export the account's own authorization details");
        continue;
      }
      ManagedPolicy policy = details.parse(entry, details.file() + "#" + entry.pointer(), problems);
      if (policy != null) {
        policies.add(policy);
      }
    }
    List<ProvisionedRole> roles = new ArrayList<>();
    for (ProvisionedRole role : details.identityCenterRoles()) {
      if (!role.arn().contains(":" + account + ":role/")) {
        problems.add(
            details.file(),
            "/RoleDetailList",
            "role `"
                + role.arn()
                + "` is not a role of account "
                + account
                + ": export the account's own authorization details");
      } else {
        roles.add(role);
      }
    }
    AccountIamData data =
        files.attempt(details.file(), "", () -> new AccountIamData(account, policies, roles));
    if (data != null) {
      accountData.add(data);
    }
  }

  /**
   * Names the file and place of a customer managed policy reference that an assigned account's
   * authorization details lack.
   */
  private void checkCustomerManagedReferences(Map<String, AuthorizationDetails> details) {
    Set<String> reported = new LinkedHashSet<>();
    for (AccountAssignment assignment : center.assignments()) {
      IdentityCenterReader.SetReferences set =
          center.permissionSets().get(assignment.permissionSetArn());
      AuthorizationDetails account = details.get(assignment.accountId());
      if (set == null || account == null) {
        continue;
      }
      for (Map.Entry<CustomerManagedPolicyReference, IdentityCenterReader.Place> reference :
          set.customerManaged().entrySet()) {
        if (has(account, reference.getKey())
            || !reported.add(assignment.accountId() + " " + reference.getKey())) {
          continue;
        }
        problems.add(
            reference.getValue().file(),
            reference.getValue().pointer(),
            "permission set `"
                + set.set().name()
                + "` is assigned in account "
                + assignment.accountId()
                + ", whose authorization details ("
                + account.file()
                + ") hold no customer managed policy `"
                + reference.getKey()
                + "`: create it there, or export that account again");
      }
    }
  }

  private static boolean has(AuthorizationDetails details, CustomerManagedPolicyReference ref) {
    for (AuthorizationDetails.Entry entry : details.policies().values()) {
      if (entry.name().equals(ref.name()) && entry.path().equals(ref.path())) {
        return true;
      }
    }
    return false;
  }
}
