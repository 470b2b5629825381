package dev.orgauthz;

import static dev.orgauthz.internal.model.Checks.require;

import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.iam.ProvisionedRole;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.internal.catalog.ActionCatalog;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.policy.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the {@link Authorizer} knows of one AWS organization at one time: the organization,
 * Identity Center, IAM data per account where known, and the catalog of AWS managed policies.
 * Immutable; {@link Builder#build} validates it.
 *
 * <p>Validation (design step 2) throws a {@link ModelException} for what AWS would reject or what
 * cannot be resolved: repeated ids, a missing root, cycles, a parent or policy target outside the
 * tree, an assignment to an unknown account, permission set, user or group, a membership of an
 * unknown user, an AWS managed policy the catalog lacks, a customer managed policy reference that
 * an assigned account lacks (when that account's IAM data is known). What AWS accepts but is
 * suspicious is a {@link Finding} in {@link #findings()}: OUs nested deeper than five levels, more
 * than five SCPs on a target, an SCP over 5,120 characters, the findings of every policy document,
 * a customer managed policy reference that cannot be resolved because the account's IAM data is
 * unknown (that role is then assigned but not usable), an unknown Identity Center region, and in
 * the policies the organization writes (its own SCPs and RCPs, inline policies of permission sets,
 * customer managed policies in use) an action or condition key the bundled action catalog does not
 * know. The catalog only ever adds findings: it never changes a decision.
 *
 * <p>{@link #provenance()} says where the snapshot came from and when.
 */
public final class Snapshot {
  private final Organization organization;
  private final @Nullable IdentityCenter identityCenter;
  private final Map<String, AccountIamData> iamData;
  private final AwsManagedPolicies awsManagedPolicies;
  private final @Nullable String identityCenterRegion;
  private final Provenance provenance;
  private final List<Finding> findings;

  private Snapshot(Builder b, Organization organization) {
    this.organization = organization;
    this.identityCenter = b.identityCenter;
    this.awsManagedPolicies = b.awsManagedPolicies;
    this.provenance = b.provenance;
    Map<String, AccountIamData> iam = new LinkedHashMap<>();
    for (AccountIamData data : b.iamData) {
      require(
          organization.account(data.accountId()).isPresent(),
          "IAM data given for account `"
              + data.accountId()
              + "`, which is not in the organization: drop it or add the account");
      require(
          iam.putIfAbsent(data.accountId(), data) == null,
          "IAM data given twice for account `" + data.accountId() + "`: merge them");
    }
    this.iamData = Collections.unmodifiableMap(iam);
    this.identityCenterRegion = findRegion();

    Set<Finding> found = new LinkedHashSet<>(organization.findings());
    ActionCatalog catalog = ActionCatalog.bundled();
    for (ControlPolicy policy : organization.policies()) {
      found.addAll(policy.document().findings());
      if (!policy.awsManaged()) {
        found.addAll(catalog.findings(policy.document()));
      }
    }
    if (identityCenter != null) {
      validateIdentityCenter(identityCenter, found);
    }
    this.findings = List.copyOf(found);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  private @Nullable String findRegion() {
    if (identityCenter == null) {
      return null;
    }
    Optional<String> configured = identityCenter.homeRegion();
    if (configured.isPresent()) {
      return configured.get();
    }
    String base = "/aws-reserved/sso.amazonaws.com/";
    for (AccountIamData data : iamData.values()) {
      for (ProvisionedRole role : data.roles()) {
        if (role.isIdentityCenterRole()) {
          String rest = role.path().substring(base.length());
          return rest.isEmpty() ? "us-east-1" : rest.substring(0, rest.length() - 1);
        }
      }
    }
    return null;
  }

  private void validateIdentityCenter(IdentityCenter center, Set<Finding> found) {
    String source = "identity center " + center.instanceArn();
    if (identityCenterRegion == null) {
      found.add(
          new Finding(
              "identity-center-region-unknown",
              source,
              "",
              "the region of Identity Center is unknown, so role ARNs are written without a"
                  + " region segment; set the home region"));
    }
    for (PermissionSet set : center.permissionSets()) {
      for (String arn : set.awsManagedPolicyArns()) {
        found.addAll(requireAwsManaged(set, arn).document().findings());
      }
      PermissionsBoundary boundary = set.permissionsBoundary();
      if (boundary != null && boundary.managedPolicyArn() != null) {
        found.addAll(requireAwsManaged(set, boundary.managedPolicyArn()).document().findings());
      }
      if (set.inlinePolicy() != null) {
        found.addAll(set.inlinePolicy().findings());
        found.addAll(ActionCatalog.bundled().findings(set.inlinePolicy()));
      }
    }

    Set<String> seen = new LinkedHashSet<>();
    for (AccountAssignment assignment : center.assignments()) {
      Optional<Account> account = organization.account(assignment.accountId());
      PermissionSet set = center.permissionSet(assignment.permissionSetArn()).orElseThrow();
      require(
          account.isPresent(),
          "permission set `"
              + set.name()
              + "` is assigned in account `"
              + assignment.accountId()
              + "`, which is not in the organization: fix the account id or add the account");
      if (seen.add(assignment.accountId() + " " + set.arn())) {
        checkCustomerManaged(center, set, account.get(), found);
      }
    }
  }

  private ManagedPolicy requireAwsManaged(PermissionSet set, String arn) {
    Optional<ManagedPolicy> policy = awsManagedPolicies.policy(arn);
    require(
        policy.isPresent(),
        "permission set `"
            + set.name()
            + "` uses AWS managed policy `"
            + arn
            + "`, which the catalog of AWS managed policies lacks: add the policy to the catalog");
    return policy.get();
  }

  private void checkCustomerManaged(
      IdentityCenter center, PermissionSet set, Account account, Set<Finding> found) {
    List<CustomerManagedPolicyReference> references = customerManagedReferences(set);
    if (references.isEmpty()) {
      return;
    }
    AccountIamData data = iamData.get(account.id());
    if (data == null) {
      found.add(
          new Finding(
              "customer-managed-policy-unresolved",
              "identity center " + center.instanceArn(),
              "",
              "permission set `"
                  + set.name()
                  + "` references customer managed policies "
                  + references
                  + " but the IAM data of account "
                  + account.label()
                  + " is unknown, so its role there is assigned but not usable; add the account's"
                  + " IAM data"));
      return;
    }
    for (CustomerManagedPolicyReference reference : references) {
      Optional<ManagedPolicy> policy = data.policy(reference.path(), reference.name());
      require(
          policy.isPresent(),
          "permission set `"
              + set.name()
              + "` references customer managed policy `"
              + reference
              + "`, which account "
              + account.label()
              + " lacks: create the policy there with that path and name, or remove the reference");
      found.addAll(policy.get().document().findings());
      found.addAll(ActionCatalog.bundled().findings(policy.get().document()));
    }
  }

  /** The customer managed policies and boundary of a permission set, in that order. */
  static List<CustomerManagedPolicyReference> customerManagedReferences(PermissionSet set) {
    List<CustomerManagedPolicyReference> out = new ArrayList<>(set.customerManagedPolicies());
    PermissionsBoundary boundary = set.permissionsBoundary();
    if (boundary != null && boundary.customerManagedPolicy() != null) {
      out.add(boundary.customerManagedPolicy());
    }
    return out;
  }

  /** The organization. */
  public Organization organization() {
    return organization;
  }

  /** Identity Center, when the organization uses it. */
  public Optional<IdentityCenter> identityCenter() {
    return Optional.ofNullable(identityCenter);
  }

  /** The IAM data of an account, when known. */
  public Optional<AccountIamData> iamData(String accountId) {
    return Optional.ofNullable(iamData.get(accountId));
  }

  /** The IAM data of every account where it is known. */
  public List<AccountIamData> iamData() {
    return List.copyOf(iamData.values());
  }

  /** The catalog of AWS managed policies. */
  public AwsManagedPolicies awsManagedPolicies() {
    return awsManagedPolicies;
  }

  /**
   * The region of Identity Center: the home region given, else the one in the path of a provisioned
   * {@code AWSReservedSSO_} role; empty when neither is known.
   */
  public Optional<String> identityCenterRegion() {
    return Optional.ofNullable(identityCenterRegion);
  }

  /** Where the snapshot came from and when; {@link Provenance#unknown()} when nobody said. */
  public Provenance provenance() {
    return provenance;
  }

  /** What is suspicious but legal in the model, as data. */
  public List<Finding> findings() {
    return findings;
  }

  @Override
  public String toString() {
    return "Snapshot[" + organization.id() + "]";
  }

  /** Builds a {@link Snapshot}. */
  public static final class Builder {
    private @Nullable Organization organization;
    private @Nullable IdentityCenter identityCenter;
    private final List<AccountIamData> iamData = new ArrayList<>();
    private AwsManagedPolicies awsManagedPolicies = AwsManagedPolicies.empty();
    private Provenance provenance = Provenance.unknown();

    private Builder() {}

    /** Sets the organization; required. */
    public Builder organization(Organization organization) {
      this.organization = organization;
      return this;
    }

    /** Sets Identity Center. */
    public Builder identityCenter(IdentityCenter identityCenter) {
      this.identityCenter = identityCenter;
      return this;
    }

    /** Adds the IAM data of one account. */
    public Builder iamData(AccountIamData data) {
      iamData.add(data);
      return this;
    }

    /** Sets the catalog of AWS managed policies. */
    public Builder awsManagedPolicies(AwsManagedPolicies catalog) {
      this.awsManagedPolicies = catalog;
      return this;
    }

    /** Sets where the snapshot came from and when. */
    public Builder provenance(Provenance provenance) {
      this.provenance = provenance;
      return this;
    }

    /**
     * The validated snapshot.
     *
     * @throws ModelException when the model is one AWS would reject or a reference does not resolve
     *     (see {@link Snapshot})
     */
    public Snapshot build() {
      Organization org = organization;
      if (org == null) {
        throw new ModelException("snapshot has no organization: set one with organization(...)");
      }
      return new Snapshot(this, org);
    }
  }
}
