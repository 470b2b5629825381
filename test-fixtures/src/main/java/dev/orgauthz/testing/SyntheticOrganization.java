package dev.orgauthz.testing;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.Email;
import dev.orgauthz.identitycenter.Group;
import dev.orgauthz.identitycenter.GroupMembership;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PrincipalType;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Generates organizations of a given size, the same one for the same size and seed: for benchmarks
 * and for tests that need scale. {@link Size#LARGE} is the organization of the performance goals:
 * 10,000 accounts, 1,000 OUs up to five levels deep, 500 SCPs, 1,000 permission sets, 50,000 users,
 * 5,000 groups and 200,000 assignments.
 *
 * <p>The shape follows a real organization. The root holds the guardrails (deny leaving the
 * organization, a region lock with {@code NotAction} and an exemption for administrators, protected
 * security services, no root user); top-level OUs include Security, Sandbox (an allow-list SCP in
 * place of {@code FullAWSAccess}) and Suspended (deny everything). The other SCPs come from a pool
 * of a few dozen documents (region locks, denied services, required tags on create, protected
 * tagged resources, protected tag keys, MFA for destructive actions, IMDSv2, instance types, a data
 * perimeter) and are attached to random OUs and accounts, at most five per target, as AWS allows.
 * Identical documents are parsed once and shared, as a real organization has few distinct ones.
 *
 * <p>Teams own accounts, groups and four permission sets each (developer with ABAC on {@code
 * aws:PrincipalTag/Team}, deployer with hundreds of explicit actions in the team's regions, reader
 * on {@code ReadOnlyAccess}, data engineer); ten organization-wide permission sets use the AWS
 * managed policies that core bundles ({@code ReadOnlyAccess} alone lists 2,914 actions). Actions
 * are real ones, from core's action catalog. Users carry a cost center, a department and a team,
 * passed as the session tags {@code CostCenter}, {@code Department} and {@code Team}. Assignments:
 * administrators, auditors and organization-wide readers in every account (up to a quarter of the
 * total), team groups in their team's accounts, the rest to single users. Team sizes and account
 * counts are skewed: a few teams are large, most are small.
 *
 * <p>Validation of the snapshot is part of generation: it throws if the generator ever produced a
 * model AWS would reject.
 */
public final class SyntheticOrganization {
  /**
   * The size of an organization to generate.
   *
   * @param accounts the accounts, the management account included (at least 4)
   * @param organizationalUnits the OUs, spread over five levels (at least 5)
   * @param serviceControlPolicies the SCPs, {@code FullAWSAccess} included (at least 8)
   * @param permissionSets the permission sets (at least 11: ten organization-wide, then teams)
   * @param users the users (at least 10)
   * @param groups the groups (at least 7: six organization-wide, then teams)
   * @param assignments the account assignments, all distinct
   */
  public record Size(
      int accounts,
      int organizationalUnits,
      int serviceControlPolicies,
      int permissionSets,
      int users,
      int groups,
      int assignments) {
    /** A small organization for fast tests. */
    public static final Size SMALL = new Size(40, 12, 16, 20, 200, 30, 600);

    /** A medium organization: 1,000 accounts. */
    public static final Size MEDIUM = new Size(1_000, 100, 60, 120, 5_000, 500, 20_000);

    /** The large organization of the performance goals (P3). */
    public static final Size LARGE = new Size(10_000, 1_000, 500, 1_000, 50_000, 5_000, 200_000);

    public Size {
      if (accounts < 4
          || organizationalUnits < 5
          || serviceControlPolicies < 8
          || permissionSets < 11
          || users < 10
          || groups < 7
          || assignments < 1) {
        throw new IllegalArgumentException(
            "size "
                + List.of(
                    accounts,
                    organizationalUnits,
                    serviceControlPolicies,
                    permissionSets,
                    users,
                    groups,
                    assignments)
                + " is too small: give at least 4 accounts, 5 OUs, 8 SCPs, 11 permission sets,"
                + " 10 users, 7 groups and 1 assignment");
      }
      if ((long) assignments > (long) accounts * permissionSets) {
        throw new IllegalArgumentException(
            "size asks for "
                + assignments
                + " assignments but "
                + accounts
                + " accounts and "
                + permissionSets
                + " permission sets hold at most "
                + (long) accounts * permissionSets
                + ": give fewer assignments");
      }
    }
  }

  private static final String ORGANIZATION_ID = "o-synthetic01";
  private static final String INSTANCE = "ssoins-7223f0c1d2e3a4b5";
  private static final String INSTANCE_ARN = "arn:aws:sso:::instance/" + INSTANCE;
  private static final String HOME_REGION = "us-east-1";
  private static final int MAX_DEPTH = Organization.MAX_OU_DEPTH;
  private static final int MAX_SCPS = Organization.MAX_SCPS_PER_TARGET;

  /** The share of OUs at each level, from level 1 (under the root) to level 5. */
  private static final double[] LEVEL_SHARES = {0.01, 0.05, 0.15, 0.35, 0.44};

  private static final List<String> TOP_LEVEL =
      List.of(
          "Security",
          "Infrastructure",
          "Workloads",
          "Sandbox",
          "Suspended",
          "Platform",
          "Data",
          "Exceptions",
          "Transitional",
          "Deployments");

  private static final List<String> WORDS =
      List.of(
          "payments",
          "checkout",
          "search",
          "catalog",
          "identity",
          "billing",
          "ledger",
          "shipping",
          "pricing",
          "reviews",
          "media",
          "mobile",
          "analytics",
          "fraud",
          "support",
          "inventory",
          "ads",
          "maps",
          "mail",
          "growth",
          "risk",
          "claims",
          "quotes",
          "partners");

  private static final List<String> DEPARTMENTS =
      List.of(
          "Engineering",
          "Data",
          "Finance",
          "Operations",
          "Security",
          "Marketing",
          "Sales",
          "Research");

  private static final List<String> GIVEN =
      List.of("ana", "ben", "chen", "dara", "eli", "fay", "gus", "hana", "ivo", "jun", "kim");

  private static final List<String> FAMILY =
      List.of("silva", "berg", "wong", "novak", "okafor", "patel", "rossi", "sato", "smith");

  private final Size size;
  private final Random random;
  private final Map<String, PolicyDocument> parsed = new HashMap<>();

  private SyntheticOrganization(Size size, long seed) {
    this.size = size;
    this.random = new Random(seed);
  }

  /**
   * Generates an organization. The same size and seed give an equal snapshot.
   *
   * @throws IllegalArgumentException when the assignments cannot be placed (far more than the
   *     teams' accounts, sets and groups hold)
   */
  public static Snapshot generate(Size size, long seed) {
    return new SyntheticOrganization(size, seed).build();
  }

  // ---- the plan: teams, then the tree, then who gets what

  /** A team: its name, cost center, department, home OU, permission sets, groups and accounts. */
  private static final class Team {
    final String name;
    final String costCenter;
    final String department;
    String homeUnit = "";
    final List<PermissionSet> sets = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> accounts = new ArrayList<>();

    Team(String name, String costCenter, String department) {
      this.name = name;
      this.costCenter = costCenter;
      this.department = department;
    }
  }

  private final List<Team> teams = new ArrayList<>();
  private final Map<String, Team> teamsByAccount = new HashMap<>();
  private final Map<String, Team> teamsByUser = new HashMap<>();
  private final List<OrganizationalUnit> units = new ArrayList<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final List<Account> accounts = new ArrayList<>();
  private String rootId = "";
  private String managementId = "";

  private Snapshot build() {
    // Four permission sets and at least one group per team
    int teamSets = size.permissionSets() - GLOBAL_SETS.length;
    int teamCount = Math.max(1, Math.min((teamSets + 3) / 4, size.groups() - GLOBAL_GROUPS.size()));
    for (int t = 0; t < teamCount; t++) {
      String word = WORDS.get(t % WORDS.size());
      String name = t < WORDS.size() ? word : word + (t / WORDS.size() + 1);
      teams.add(
          new Team(
              name,
              String.format(Locale.ROOT, "CC-%04d", 1000 + t),
              DEPARTMENTS.get(t % DEPARTMENTS.size())));
    }
    Organization organization = organization();
    IdentityCenter center = identityCenter();
    return Snapshot.builder()
        .organization(organization)
        .identityCenter(center)
        .awsManagedPolicies(AwsManagedPolicies.bundled())
        .build();
  }

  // ---- the organization

  private Organization organization() {
    rootId = "r-" + alnum(4);
    managementId = accountId(new HashSet<>());
    Organization.Builder org =
        Organization.builder(ORGANIZATION_ID, managementId)
            .root(Root.of(rootId))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
            .enablePolicyType(ControlPolicy.RESOURCE_CONTROL_POLICY);

    // The OUs, level by level, each under a random OU of the level above
    List<List<String>> levels = new ArrayList<>();
    levels.add(List.of(rootId));
    int remaining = size.organizationalUnits();
    Set<String> ids = new HashSet<>();
    for (int level = 1; level <= MAX_DEPTH; level++) {
      int count =
          level == MAX_DEPTH
              ? remaining
              : Math.max(1, (int) Math.round(size.organizationalUnits() * LEVEL_SHARES[level - 1]));
      count = Math.min(count, remaining - (MAX_DEPTH - level));
      List<String> here = new ArrayList<>();
      List<String> above = levels.get(level - 1);
      for (int i = 0; i < count; i++) {
        String parent = above.get(i < above.size() ? i : random.nextInt(above.size()));
        String id;
        do {
          id = "ou-" + rootId.substring(2) + "-" + alnum(8);
        } while (!ids.add(id));
        units.add(OrganizationalUnit.of(id, unitName(level, units.size()), parent));
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
        here.add(id);
      }
      remaining -= count;
      levels.add(here);
    }
    units.forEach(org::organizationalUnit);

    // Teams live under a level-3 OU; accounts go to an OU of their team's subtree
    List<String> homes = levels.get(3).isEmpty() ? levels.get(1) : levels.get(3);
    for (Team team : teams) {
      team.homeUnit = homes.get(random.nextInt(homes.size()));
    }
    double[] weights = skewed(teams.size());
    Set<String> accountIds = new HashSet<>(Set.of(managementId));
    accounts.add(account(managementId, "Management", rootId, null));
    String security = levels.get(1).get(0);
    while (accounts.size() < size.accounts()) {
      String id = accountId(accountIds);
      if (accounts.size() <= 2) {
        accounts.add(account(id, accounts.size() == 1 ? "Log Archive" : "Audit", security, null));
        continue;
      }
      Team team = teams.get(draw(weights));
      List<String> subtree = subtree(team.homeUnit);
      String unit = subtree.get(random.nextInt(subtree.size()));
      accounts.add(account(id, team.name + "-" + accounts.size(), unit, team));
      team.accounts.add(id);
    }
    accounts.forEach(org::account);

    attachControlPolicies(org, levels);
    return org.build();
  }

  private String unitName(int level, int index) {
    if (level == 1) {
      return index < TOP_LEVEL.size() ? TOP_LEVEL.get(index) : "Division-" + index;
    }
    String word = WORDS.get(random.nextInt(WORDS.size()));
    String kind =
        switch (level) {
          case 2 -> "BU-";
          case 3 -> "";
          case 4 -> index % 2 == 0 ? "Prod-" : "NonProd-";
          default -> "App-";
        };
    return kind + word + "-" + index;
  }

  private List<String> subtree(String unit) {
    List<String> out = new ArrayList<>();
    out.add(unit);
    for (int i = 0; i < out.size(); i++) {
      out.addAll(children.getOrDefault(out.get(i), List.of()));
    }
    return out;
  }

  private Account account(String id, String name, String parent, @Nullable Team team) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (team != null) {
      tags.put("Team", team.name);
      tags.put("CostCenter", team.costCenter);
      tags.put("Environment", random.nextInt(3) == 0 ? "production" : "development");
    }
    String email = "aws+" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + "@example.com";
    return new Account(id, name, email, Account.ACTIVE, parent, tags);
  }

  private void attachControlPolicies(Organization.Builder org, List<List<String>> levels) {
    List<SyntheticPolicies.Scp> pool = SyntheticPolicies.scpPool(random, ORGANIZATION_ID);
    Map<String, Integer> attached = new HashMap<>();
    Set<String> policyIds = new HashSet<>();
    int made = 1;

    // Sandbox (the fourth top-level OU, when there is one) lists its services instead
    List<String> top = levels.get(1);
    @Nullable String sandbox = top.size() > 3 ? top.get(3) : null;
    @Nullable String suspended = top.size() > 4 ? top.get(4) : null;
    List<String> fullTargets = new ArrayList<>();
    fullTargets.add(rootId);
    for (OrganizationalUnit unit : units) {
      if (!unit.id().equals(sandbox)) {
        fullTargets.add(unit.id());
      }
    }
    accounts.forEach(a -> fullTargets.add(a.id()));
    fullTargets.forEach(t -> attached.put(t, 1));
    org.policy(
        ControlPolicy.fullAwsAccess(
            scp("FullAWSAccess", ControlPolicy.FULL_AWS_ACCESS_TEXT), fullTargets));

    // The root's guardrails, the sandbox's allow list and the suspended OU's deny-all
    for (int i = 0; i < 4; i++) {
      org.policy(controlPolicy(pool.get(i), List.of(rootId), policyIds, attached));
      made++;
    }
    if (sandbox != null) {
      org.policy(controlPolicy(pool.get(5), List.of(sandbox), policyIds, attached));
      made++;
    }
    if (suspended != null) {
      org.policy(controlPolicy(pool.get(4), List.of(suspended), policyIds, attached));
      made++;
    }

    // The rest: a skewed draw from the pool, attached to one to three OUs or accounts
    double[] weights = skewed(pool.size() - 5);
    while (made < size.serviceControlPolicies()) {
      SyntheticPolicies.Scp template = pool.get(5 + draw(weights));
      int wanted = 1 + random.nextInt(3);
      List<String> targets = new ArrayList<>();
      for (int tries = 0; targets.size() < wanted && tries < 20; tries++) {
        String target =
            random.nextInt(10) < 7
                ? units.get(random.nextInt(units.size())).id()
                : accounts.get(random.nextInt(accounts.size())).id();
        if (!targets.contains(target) && attached.getOrDefault(target, 0) < MAX_SCPS) {
          targets.add(target);
        }
      }
      if (!targets.isEmpty()) {
        org.policy(controlPolicy(template, targets, policyIds, attached));
        made++;
      }
    }
    org.policy(
        ControlPolicy.rcp(
            "p-" + alnum(8),
            "OrganizationOnlyData",
            parse(SyntheticPolicies.orgOnlyRcp(ORGANIZATION_ID), PolicyType.RESOURCE_CONTROL),
            List.of(rootId)));
  }

  private ControlPolicy controlPolicy(
      SyntheticPolicies.Scp template,
      List<String> targets,
      Set<String> policyIds,
      Map<String, Integer> attached) {
    String id;
    do {
      id = "p-" + alnum(8);
    } while (!policyIds.add(id));
    targets.forEach(t -> attached.merge(t, 1, Integer::sum));
    return ControlPolicy.scp(
        id,
        template.name() + "-" + id.substring(2),
        scp(template.name(), template.text()),
        targets);
  }

  // ---- Identity Center

  private IdentityCenter identityCenter() {
    IdentityCenter.Builder center =
        IdentityCenter.builder(INSTANCE_ARN, "d-90670a1b2c")
            .homeRegion(HOME_REGION)
            .accessControlAttribute(
                AccessControlAttribute.of("CostCenter", "${path:enterprise.costCenter}"))
            .accessControlAttribute(
                AccessControlAttribute.of("Department", "${path:enterprise.department}"))
            .accessControlAttribute(
                AccessControlAttribute.of("Team", "${path:enterprise.division}"));

    // Permission sets: ten for the whole organization, then four kinds per team
    List<PermissionSet> global = new ArrayList<>();
    for (String[] spec : GLOBAL_SETS) {
      PermissionSet set =
          PermissionSet.builder(permissionSetArn(), spec[0])
              .description(spec[2])
              .sessionDuration(Duration.ofHours(spec[0].equals("BreakGlass") ? 1 : 4))
              .awsManagedPolicy("arn:aws:iam::aws:policy" + spec[1])
              .build();
      global.add(set);
      center.permissionSet(set);
    }
    for (int i = 0; i < size.permissionSets() - global.size(); i++) {
      Team team = teams.get(i % teams.size());
      PermissionSet set = teamSet(team, team.sets.size());
      team.sets.add(set);
      center.permissionSet(set);
    }

    // Groups: six for the whole organization, then the teams' groups
    List<String> globalGroups = new ArrayList<>();
    for (String name : GLOBAL_GROUPS) {
      String id = storeId();
      globalGroups.add(id);
      center.group(Group.of(id, name));
    }
    for (int i = 0; i < size.groups() - globalGroups.size(); i++) {
      Team team = teams.get(i % teams.size());
      String id = storeId();
      String role = TEAM_ROLES.get(team.groups.size() % TEAM_ROLES.size());
      center.group(Group.of(id, team.name + "-" + role + "-" + team.groups.size()));
      team.groups.add(id);
    }

    // Users, each in one team (skewed sizes) and in one to three of its groups
    double[] weights = skewed(teams.size());
    List<String> userIds = new ArrayList<>();
    for (int i = 0; i < size.users(); i++) {
      Team team = teams.get(draw(weights));
      String id = storeId();
      String given = GIVEN.get(random.nextInt(GIVEN.size()));
      String family = FAMILY.get(random.nextInt(FAMILY.size()));
      String userName = given + "." + family + i;
      center.user(
          new User(
              id,
              userName,
              capitalized(given) + " " + capitalized(family),
              List.of(Email.primary(userName + "@example.com")),
              Map.of(
                  "enterprise.costCenter", team.costCenter,
                  "enterprise.department", team.department,
                  "enterprise.division", team.name)));
      userIds.add(id);
      teamsByUser.put(id, team);
      int memberships = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
      for (int m = 0; m < memberships; m++) {
        center.membership(team.groups.get(random.nextInt(team.groups.size())), id);
      }
    }
    int[] globalSizes = {10, 25, 50, 20, 20, 20};
    for (int g = 0; g < globalGroups.size(); g++) {
      int members = Math.max(1, globalSizes[g] * size.users() / 50_000);
      for (int m = 0; m < members; m++) {
        center.membership(globalGroups.get(g), userIds.get(random.nextInt(userIds.size())));
      }
    }

    assign(center, global, globalGroups, userIds);
    return center.build();
  }

  /** Name, AWS managed policy (path and name) and description of the organization-wide sets. */
  private static final String[][] GLOBAL_SETS = {
    {"AdministratorAccess", "/AdministratorAccess", "Full access, for the platform team"},
    {"SecurityAudit", "/SecurityAudit", "Audit security configuration"},
    {"ReadOnlyAccess", "/ReadOnlyAccess", "Read everything"},
    {"Billing", "/job-function/Billing", "Billing and cost management"},
    {"NetworkAdministrator", "/job-function/NetworkAdministrator", "Networks"},
    {"DatabaseAdministrator", "/job-function/DatabaseAdministrator", "Databases"},
    {"ViewOnlyAccess", "/job-function/ViewOnlyAccess", "View resources"},
    {"SupportUser", "/job-function/SupportUser", "Support cases"},
    {"DataScientist", "/job-function/DataScientist", "Analytics"},
    {"PowerUserAccess", "/PowerUserAccess", "Everything but IAM and Organizations"},
  };

  /** The organization-wide groups, in the order of the sets they get everywhere or somewhere. */
  private static final List<String> GLOBAL_GROUPS =
      List.of(
          "PlatformAdmins",
          "SecurityAuditors",
          "OrganizationReaders",
          "Finance",
          "NetworkAdmins",
          "DatabaseAdmins");

  private static final List<String> TEAM_ROLES =
      List.of("developers", "deployers", "readers", "data", "oncall");

  private PermissionSet teamSet(Team team, int kind) {
    String name =
        team.name + "-" + List.of("Developer", "Deployer", "Reader", "Data").get(kind % 4);
    if (kind >= 4) {
      name = name + (kind / 4 + 1);
    }
    PermissionSet.Builder set =
        PermissionSet.builder(permissionSetArn(), name)
            .description("Team " + team.name)
            .sessionDuration(Duration.ofHours(1 + random.nextInt(12)));
    List<String> services =
        SyntheticPolicies.pick(random, SyntheticPolicies.APPLICATION_SERVICES, 6);
    switch (kind % 4) {
      case 0 -> set.inlinePolicy(identity(SyntheticPolicies.developer(team.name, services)));
      case 1 -> {
        List<String> actions = SyntheticPolicies.actionsOf(services, false);
        List<String> regions = SyntheticPolicies.REGIONS.subList(0, 1 + random.nextInt(3));
        set.inlinePolicy(
            identity(
                SyntheticPolicies.deployer(
                    SyntheticPolicies.pick(random, actions, 200 + random.nextInt(800)), regions)));
      }
      case 2 ->
          set.awsManagedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess")
              .inlinePolicy(identity(SyntheticPolicies.reader(team.name)));
      default ->
          set.inlinePolicy(
              identity(
                  SyntheticPolicies.dataEngineer(
                      team.name, SyntheticPolicies.REGIONS.get(random.nextInt(4)))));
    }
    return set.build();
  }

  /**
   * Assigns: the organization-wide groups first (up to a quarter of the total), then team groups in
   * their team's accounts (up to three quarters), then single users in their team's accounts.
   */
  private void assign(
      IdentityCenter.Builder center,
      List<PermissionSet> global,
      List<String> globalGroups,
      List<String> userIds) {
    Set<AccountAssignment> made = new HashSet<>();
    int total = size.assignments();

    int quarter = total / 4;
    add(center, made, AccountAssignment.toGroup(managementId, global.get(3), globalGroups.get(3)));
    outer:
    for (int g = 0; g < 3; g++) {
      for (Account account : accounts) {
        if (made.size() >= quarter) {
          break outer;
        }
        add(
            center,
            made,
            AccountAssignment.toGroup(account.id(), global.get(g), globalGroups.get(g)));
      }
    }
    for (int g = 4; g < 6 && made.size() < quarter; g++) {
      for (int i = 0; i < accounts.size() / 20 && made.size() < quarter; i++) {
        Account account = accounts.get(random.nextInt(accounts.size()));
        add(
            center,
            made,
            AccountAssignment.toGroup(account.id(), global.get(g), globalGroups.get(g)));
      }
    }

    int teamQuota = total - total / 4;
    long tries = 0;
    long limit = 50L * total;
    while (made.size() < teamQuota && tries++ < limit) {
      Account account = accounts.get(3 + random.nextInt(accounts.size() - 3));
      Team team = teamOf(account);
      PermissionSet set = team.sets.get(random.nextInt(team.sets.size()));
      String group = team.groups.get(random.nextInt(team.groups.size()));
      add(center, made, AccountAssignment.toGroup(account.id(), set, group));
    }
    while (made.size() < total && tries++ < limit) {
      String userId = userIds.get(random.nextInt(userIds.size()));
      Team team = teamsByUser.get(userId);
      List<String> where = team.accounts.isEmpty() ? List.of(managementId) : team.accounts;
      String accountId = where.get(random.nextInt(where.size()));
      PermissionSet set =
          random.nextBoolean()
              ? team.sets.get(random.nextInt(team.sets.size()))
              : global.get(random.nextInt(global.size()));
      add(center, made, AccountAssignment.toUser(accountId, set, userId));
    }
    if (made.size() < total) {
      throw new IllegalArgumentException(
          "could place only " + made.size() + " of " + total + " assignments: give fewer");
    }
  }

  private Team teamOf(Account account) {
    if (teamsByAccount.isEmpty()) {
      for (Team team : teams) {
        team.accounts.forEach(a -> teamsByAccount.put(a, team));
      }
    }
    return teamsByAccount.get(account.id());
  }

  private static void add(
      IdentityCenter.Builder center, Set<AccountAssignment> made, AccountAssignment assignment) {
    if (made.add(assignment)) {
      center.assignment(assignment);
    }
  }

  // ---- requests

  /**
   * Questions for an organization made by {@link #generate}: users asking in accounts where they
   * have an assignment (directly or through a group), for actions of the generator's catalog, in a
   * region, skewed so that a few assignments and actions take most of the traffic, as real traffic
   * does. One in eight carries the resource tag {@code aws:ResourceTag/Team} of the user's team,
   * for the ABAC statements. The same snapshot, count and seed give the same requests.
   *
   * @throws IllegalArgumentException when the snapshot has no Identity Center or no assignment
   */
  public static List<AccessRequest> requests(Snapshot snapshot, int count, long seed) {
    IdentityCenter center =
        snapshot
            .identityCenter()
            .orElseThrow(() -> new IllegalArgumentException("the snapshot has no Identity Center"));
    List<AccountAssignment> assignments = center.assignments();
    if (assignments.isEmpty()) {
      throw new IllegalArgumentException("the snapshot has no assignment to ask about");
    }
    Map<String, List<String>> members = new HashMap<>();
    for (GroupMembership membership : center.memberships()) {
      members
          .computeIfAbsent(membership.groupId(), k -> new ArrayList<>())
          .add(membership.userId());
    }
    // Which assignments and actions are popular is drawn, not the order of the model
    Random random = new Random(seed);
    List<AccountAssignment> popular = new ArrayList<>(assignments);
    Collections.shuffle(popular, random);
    List<String> actions = new ArrayList<>(SyntheticPolicies.ACTIONS);
    Collections.shuffle(actions, random);
    double[] assignmentWeights = skewed(assignments.size(), 1.0);
    double[] actionWeights = skewed(actions.size(), 1.0);
    List<String> regions = SyntheticPolicies.REGIONS;

    List<AccessRequest> out = new ArrayList<>(count);
    while (out.size() < count) {
      AccountAssignment assignment = popular.get(draw(random, assignmentWeights));
      String userId = assignment.principalId();
      if (assignment.principalType() == PrincipalType.GROUP) {
        List<String> group = members.getOrDefault(userId, List.of());
        if (group.isEmpty()) {
          continue;
        }
        userId = group.get(random.nextInt(group.size()));
      }
      User user = center.user(userId).orElseThrow();
      String region = regions.get(random.nextInt(5) == 0 ? random.nextInt(regions.size()) : 1);
      AccessRequest.Builder request =
          AccessRequest.builder()
              .user(user.userName())
              .action(actions.get(draw(random, actionWeights)))
              .account(assignment.accountId())
              .region(region);
      if (random.nextInt(8) == 0) {
        request.context(
            "aws:ResourceTag/Team", user.attributes().getOrDefault("enterprise.division", "none"));
      }
      out.add(request.build());
    }
    return out;
  }

  // ---- ids, names, draws and parsing

  private String permissionSetArn() {
    return "arn:aws:sso:::permissionSet/" + INSTANCE + "/ps-" + hex(16);
  }

  private String storeId() {
    return "906720e1c8-" + new UUID(random.nextLong(), random.nextLong());
  }

  private String accountId(Set<String> taken) {
    String id;
    do {
      id = String.format(Locale.ROOT, "%012d", (long) (random.nextDouble() * 1e12));
    } while (!taken.add(id));
    return id;
  }

  private String alnum(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private String hex(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** Cumulative weights that favour low indices: index i weighs {@code 1 / (i + 1)^0.6}. */
  private static double[] skewed(int n) {
    return skewed(n, 0.6);
  }

  /** Cumulative weights of a Zipf-like law: index i weighs {@code 1 / (i + 1)^exponent}. */
  private static double[] skewed(int n, double exponent) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.pow(i + 1, -exponent);
      cumulative[i] = sum;
    }
    return cumulative;
  }

  private int draw(double[] cumulative) {
    return draw(random, cumulative);
  }

  private static int draw(Random random, double[] cumulative) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, u);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  private PolicyDocument scp(String name, String text) {
    return parsed.computeIfAbsent(
        "scp\n" + text,
        k -> Policies.parse(text, PolicyType.SERVICE_CONTROL, "synthetic/scp/" + name));
  }

  private PolicyDocument identity(String text) {
    return parse(text, PolicyType.IDENTITY);
  }

  private PolicyDocument parse(String text, PolicyType type) {
    return parsed.computeIfAbsent(
        type + "\n" + text, k -> Policies.parse(text, type, "synthetic/" + type.displayName()));
  }
}
