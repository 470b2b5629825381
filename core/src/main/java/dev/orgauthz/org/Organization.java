package dev.orgauthz.org;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireAccountId;
import static dev.orgauthz.internal.model.Checks.requireNew;

import dev.orgauthz.ModelException;
import dev.orgauthz.policy.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An AWS organization: one root, organizational units nested under it, accounts, the policy types
 * enabled on the root, and the service control policies and resource control policies with their
 * attachments. Immutable; build one with {@link #builder}, which validates it.
 *
 * <p>Policy types are an open set of strings, as AWS Organizations reports them. Policies of types
 * this library does not model (tag policies, backup policies, ...) are ignored by the builder.
 */
public final class Organization {
  /** AWS allows five levels of OUs under the root. */
  public static final int MAX_OU_DEPTH = 5;

  /** AWS allows five SCPs attached directly to one root, OU or account. */
  public static final int MAX_SCPS_PER_TARGET = 5;

  /** The largest SCP AWS accepts, in characters. */
  public static final int MAX_SCP_CHARACTERS = 5_120;

  private final String id;
  private final String managementAccountId;
  private final Root root;
  private final Set<String> enabledPolicyTypes;
  private final List<OrganizationalUnit> organizationalUnits;
  private final List<Account> accounts;
  private final List<ControlPolicy> policies;
  private final List<Finding> findings;

  private final Map<String, OrganizationalUnit> unitsById;
  private final Map<String, Account> accountsById;
  private final Map<String, List<Account>> accountsByName;

  /** The policies attached directly to each node, in the order they were added. */
  private final Map<String, List<ControlPolicy>> policiesByTarget;

  private Organization(Builder b, Root root) {
    this.id = b.id;
    this.managementAccountId = b.managementAccountId;
    this.root = root;
    this.enabledPolicyTypes =
        Collections.unmodifiableSet(new LinkedHashSet<>(b.enabledPolicyTypes));
    this.organizationalUnits = List.copyOf(b.organizationalUnits);
    this.accounts = List.copyOf(b.accounts);
    this.policies = List.copyOf(b.policies);

    Map<String, Object> ids = new HashMap<>();
    requireNew(ids, root.id(), root, "node id");
    Map<String, OrganizationalUnit> units = new LinkedHashMap<>();
    for (OrganizationalUnit unit : organizationalUnits) {
      requireNew(ids, unit.id(), unit, "node id");
      units.put(unit.id(), unit);
    }
    Map<String, Account> byId = new LinkedHashMap<>();
    Map<String, List<Account>> byName = new HashMap<>();
    for (Account account : accounts) {
      requireNew(ids, account.id(), account, "node id");
      byId.put(account.id(), account);
      byName.computeIfAbsent(account.name(), k -> new ArrayList<>()).add(account);
    }
    this.unitsById = Collections.unmodifiableMap(units);
    this.accountsById = Collections.unmodifiableMap(byId);
    byName.replaceAll((k, v) -> List.copyOf(v));
    this.accountsByName = Collections.unmodifiableMap(byName);

    Map<String, List<ControlPolicy>> byTarget = new HashMap<>();
    for (ControlPolicy policy : policies) {
      for (String target : new LinkedHashSet<>(policy.targets())) {
        byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(policy);
      }
    }
    this.policiesByTarget = byTarget;

    validateTree();
    validatePolicies();
    this.findings = List.copyOf(findFindings());
  }

  /**
   * A new builder.
   *
   * @param id the organization id, {@code o-...}
   * @param managementAccountId the 12-digit id of the management account
   */
  public static Builder builder(String id, String managementAccountId) {
    return new Builder(id, managementAccountId);
  }

  private void validateTree() {
    require(
        accountsById.containsKey(managementAccountId),
        "management account `"
            + managementAccountId
            + "` is not an account of the organization: add it under the root");
    for (OrganizationalUnit unit : organizationalUnits) {
      requireParent(
          unit.parentId(), "organizational unit `" + unit.name() + "` (" + unit.id() + ")");
    }
    for (Account account : accounts) {
      requireParent(account.parentId(), "account " + account.label());
    }
    for (OrganizationalUnit unit : organizationalUnits) {
      Set<String> seen = new LinkedHashSet<>();
      String current = unit.id();
      while (!current.equals(root.id())) {
        if (!seen.add(current)) {
          throw new ModelException(
              "organizational units form a cycle: "
                  + String.join(" -> ", seen)
                  + " -> "
                  + current
                  + ": give one of them a parent on the path to the root");
        }
        current = parentOf(current);
      }
    }
  }

  private void requireParent(String parentId, String what) {
    require(
        parentId.equals(root.id()) || unitsById.containsKey(parentId),
        what
            + " has parent `"
            + parentId
            + "`, which is neither the root nor an organizational unit: fix the parent id");
  }

  private void validatePolicies() {
    Map<String, ControlPolicy> seen = new HashMap<>();
    for (ControlPolicy policy : policies) {
      requireNew(seen, policy.id(), policy, "control policy id");
      for (String target : policy.targets()) {
        require(
            isNode(target),
            policy.type()
                + " `"
                + policy.name()
                + "` ("
                + policy.id()
                + ") is attached to `"
                + target
                + "`, which is not in the organization: attach it to the root, an OU or account");
      }
    }
  }

  private List<Finding> findFindings() {
    List<Finding> out = new ArrayList<>();
    String source = "organization " + id;
    for (OrganizationalUnit unit : organizationalUnits) {
      int depth = ancestors(unit.id()).size();
      if (depth > MAX_OU_DEPTH) {
        out.add(
            new Finding(
                "ou-too-deep",
                source,
                "",
                "organizational unit `"
                    + unit.name()
                    + "` ("
                    + unit.id()
                    + ") is nested "
                    + depth
                    + " levels deep; AWS allows "
                    + MAX_OU_DEPTH));
      }
    }
    boolean scpsEnabled = policyTypeEnabled(ControlPolicy.SERVICE_CONTROL_POLICY);
    for (String node : nodeIds()) {
      int scps = policiesAttachedTo(node, ControlPolicy.SERVICE_CONTROL_POLICY).size();
      if (scps > MAX_SCPS_PER_TARGET) {
        out.add(
            new Finding(
                "too-many-scps",
                source,
                "",
                nodeLabel(node)
                    + " has "
                    + scps
                    + " SCPs attached; AWS allows "
                    + MAX_SCPS_PER_TARGET));
      }
      if (scpsEnabled && scps == 0) {
        out.add(
            new Finding(
                "no-scp-attached",
                source,
                "",
                nodeLabel(node)
                    + " has no SCP attached, so every action is implicitly denied below it;"
                    + " AWS keeps at least one attached"));
      }
    }
    for (ControlPolicy policy : policies) {
      if (policy.isScp() && policy.document().text().length() > MAX_SCP_CHARACTERS) {
        out.add(
            new Finding(
                "scp-too-large",
                policy.document().source(),
                "",
                "SCP `"
                    + policy.name()
                    + "` has "
                    + policy.document().text().length()
                    + " characters without white space; AWS allows "
                    + MAX_SCP_CHARACTERS));
      }
    }
    return out;
  }

  private List<String> nodeIds() {
    List<String> out = new ArrayList<>();
    out.add(root.id());
    out.addAll(unitsById.keySet());
    out.addAll(accountsById.keySet());
    return out;
  }

  /** The organization id, {@code o-...}. */
  public String id() {
    return id;
  }

  /** The id of the management account. */
  public String managementAccountId() {
    return managementAccountId;
  }

  /** The root. */
  public Root root() {
    return root;
  }

  /** The policy types enabled on the root, such as {@code SERVICE_CONTROL_POLICY}. */
  public Set<String> enabledPolicyTypes() {
    return enabledPolicyTypes;
  }

  /** True when the policy type is enabled on the root. */
  public boolean policyTypeEnabled(String type) {
    return enabledPolicyTypes.contains(type);
  }

  /** The organizational units, in the order they were added. */
  public List<OrganizationalUnit> organizationalUnits() {
    return organizationalUnits;
  }

  /** The accounts, in the order they were added. */
  public List<Account> accounts() {
    return accounts;
  }

  /** The service control policies and resource control policies. */
  public List<ControlPolicy> policies() {
    return policies;
  }

  /** What is suspicious about the organization: deep OUs, many or large SCPs. */
  public List<Finding> findings() {
    return findings;
  }

  /** The account with this id, if any. */
  public Optional<Account> account(String accountId) {
    return Optional.ofNullable(accountsById.get(accountId));
  }

  /** The accounts with this name; several when names repeat, none when it is unknown. */
  public List<Account> accountsNamed(String name) {
    return accountsByName.getOrDefault(name, List.of());
  }

  /** The organizational unit with this id, if any. */
  public Optional<OrganizationalUnit> organizationalUnit(String unitId) {
    return Optional.ofNullable(unitsById.get(unitId));
  }

  /** True for the management account's id. */
  public boolean isManagementAccount(String accountId) {
    return managementAccountId.equals(accountId);
  }

  /** True when the id names the root, an OU or an account. */
  public boolean isNode(String nodeId) {
    return nodeId.equals(root.id())
        || unitsById.containsKey(nodeId)
        || accountsById.containsKey(nodeId);
  }

  /**
   * The name of the root, an OU or an account.
   *
   * @throws IllegalArgumentException when the id names none of them
   */
  public String nodeName(String nodeId) {
    if (nodeId.equals(root.id())) {
      return root.name();
    }
    OrganizationalUnit unit = unitsById.get(nodeId);
    if (unit != null) {
      return unit.name();
    }
    Account account = accountsById.get(nodeId);
    if (account != null) {
      return account.name();
    }
    throw new IllegalArgumentException("`" + nodeId + "` is not in organization " + id);
  }

  private String nodeLabel(String nodeId) {
    if (nodeId.equals(root.id())) {
      return "the root (" + nodeId + ")";
    }
    return (unitsById.containsKey(nodeId) ? "organizational unit `" : "account `")
        + nodeName(nodeId)
        + "` ("
        + nodeId
        + ")";
  }

  private String parentOf(String nodeId) {
    OrganizationalUnit unit = unitsById.get(nodeId);
    if (unit != null) {
      return unit.parentId();
    }
    Account account = accountsById.get(nodeId);
    if (account != null) {
      return account.parentId();
    }
    throw new IllegalArgumentException("`" + nodeId + "` is not an OU or account of " + id);
  }

  /**
   * The ids from the root down to the node's parent: the root first, then each OU on the path.
   * Empty for the root itself.
   */
  public List<String> ancestors(String nodeId) {
    if (nodeId.equals(root.id())) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    String current = parentOf(nodeId);
    while (true) {
      out.add(current);
      if (current.equals(root.id())) {
        break;
      }
      current = parentOf(current);
    }
    Collections.reverse(out);
    return List.copyOf(out);
  }

  /**
   * The path of an account as {@code aws:PrincipalOrgPaths} and {@code aws:ResourceOrgPaths} hold
   * it: {@code o-id/r-id/ou-.../}, ending at the account's direct parent, without the account id.
   */
  public String orgPath(String accountId) {
    StringBuilder out = new StringBuilder(id).append('/');
    for (String node : ancestors(accountId)) {
      out.append(node).append('/');
    }
    return out.toString();
  }

  /** The policies of the type attached directly to the node, in the order they were added. */
  public List<ControlPolicy> policiesAttachedTo(String nodeId, String type) {
    List<ControlPolicy> out = new ArrayList<>();
    for (ControlPolicy policy : policiesByTarget.getOrDefault(nodeId, List.of())) {
      if (policy.type().equals(type)) {
        out.add(policy);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Organization[" + id + ", " + accounts.size() + " accounts]";
  }

  /** Builds an {@link Organization}. */
  public static final class Builder {
    private final String id;
    private final String managementAccountId;
    private @Nullable Root root;
    private final Set<String> enabledPolicyTypes = new LinkedHashSet<>();
    private final List<OrganizationalUnit> organizationalUnits = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();
    private final List<ControlPolicy> policies = new ArrayList<>();

    private Builder(String id, String managementAccountId) {
      require(id.startsWith("o-"), "organization id `" + id + "` does not start with `o-`");
      this.id = id;
      this.managementAccountId = requireAccountId(managementAccountId, "management account id");
    }

    /** Sets the root; an organization has exactly one. */
    public Builder root(Root root) {
      if (this.root != null && !this.root.equals(root)) {
        throw new ModelException(
            "organization "
                + id
                + " has two roots, `"
                + this.root.id()
                + "` and `"
                + root.id()
                + "`: an organization has exactly one root");
      }
      this.root = root;
      return this;
    }

    /** Enables a policy type on the root, such as {@code SERVICE_CONTROL_POLICY}. */
    public Builder enablePolicyType(String type) {
      enabledPolicyTypes.add(type);
      return this;
    }

    /** Adds an organizational unit. */
    public Builder organizationalUnit(OrganizationalUnit unit) {
      organizationalUnits.add(unit);
      return this;
    }

    /** Adds an account. */
    public Builder account(Account account) {
      accounts.add(account);
      return this;
    }

    /**
     * Adds a service control policy or resource control policy with its attachments. Policies of
     * other types are ignored.
     */
    public Builder policy(ControlPolicy policy) {
      if (ControlPolicy.policyType(policy.type()) != null) {
        policies.add(policy);
      }
      return this;
    }

    /**
     * The organization.
     *
     * @throws ModelException when there is no root, ids repeat, a parent or a policy target does
     *     not resolve, OUs form a cycle, or the management account is missing
     */
    public Organization build() {
      Root theRoot = root;
      if (theRoot == null) {
        throw new ModelException("organization " + id + " has no root: add one with root(...)");
      }
      return new Organization(this, theRoot);
    }
  }
}
