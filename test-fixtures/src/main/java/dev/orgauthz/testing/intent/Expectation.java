package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.Block;
import dev.orgauthz.Decision;
import dev.orgauthz.Grant;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.Snapshot;
import dev.orgauthz.evaluation.Layer;
import dev.orgauthz.evaluation.MatchedStatement;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The answer a team expects to a {@link Question}: an outcome, and optionally what must have
 * blocked it (a service control policy, by name or id, optionally at one level of the organization)
 * or what must have granted it (a permission set).
 *
 * <p>A decision is blocked by an SCP when every role of the principal in the account was denied by
 * a deny statement of that SCP, attached at the level given (the root, an organizational unit or
 * the account, by id or name) when one is given. With a level and no SCP, the SCPs of that level
 * must have blocked every role: by a deny statement, or by allowing nothing that matched (the
 * implicit deny of an allow-list strategy). A decision is granted by a permission set when that
 * permission set's role allowed it.
 *
 * @param outcome the outcome
 * @param blockedByScp the SCP that must have denied, by name or id; null for none
 * @param blockedAtLevel the level at which the SCPs must have blocked, by id or name; null for any
 * @param grantedBy the permission set that must have allowed, by name or ARN; null for any
 */
public record Expectation(
    Expected outcome,
    @Nullable String blockedByScp,
    @Nullable String blockedAtLevel,
    @Nullable String grantedBy) {
  public Expectation {
    requireNonNull(outcome, "outcome");
    boolean blocked = blockedByScp != null || blockedAtLevel != null;
    if (blocked && outcome == Expected.ALLOWED) {
      throw new IllegalArgumentException(
          "an allowed request is blocked by nothing: expect `Denied` or drop `blockedBy`");
    }
    if (blocked && outcome == Expected.IMPLICITLY_DENIED && blockedByScp != null) {
      throw new IllegalArgumentException(
          "an SCP blocks with a deny statement, which is an explicit deny: expect"
              + " `ExplicitlyDenied` or `Denied`, or name only the level");
    }
    if (grantedBy != null && outcome != Expected.ALLOWED) {
      throw new IllegalArgumentException(
          "a denied request is granted by nothing: expect `Allowed` or drop `grantedBy`");
    }
  }

  /** Expects an outcome, whatever blocked or granted it. */
  public static Expectation of(Expected outcome) {
    return new Expectation(outcome, null, null, null);
  }

  /** Expects a denial by a deny statement of an SCP (name or id), at a level when not null. */
  public static Expectation blockedByScp(String scp, @Nullable String level) {
    return new Expectation(Expected.DENIED, scp, level, null);
  }

  /** Expects a denial by the SCPs of a level (by a deny statement, or for lack of an allow). */
  public static Expectation blockedByScpsAt(String level) {
    return new Expectation(Expected.DENIED, null, level, null);
  }

  /** Expects an allow by the role of a permission set (name or ARN). */
  public static Expectation grantedBy(String permissionSet) {
    return new Expectation(Expected.ALLOWED, null, null, permissionSet);
  }

  /** This expectation without what must have blocked: the outcome and the grant only. */
  public Expectation withoutBlock() {
    return new Expectation(outcome, null, null, grantedBy);
  }

  /** The expectation as words: {@code ExplicitlyDenied, blocked by SCP `DenyLeave` at `Root`}. */
  public String describe() {
    StringBuilder out = new StringBuilder(outcome.caseName());
    if (blockedByScp != null || blockedAtLevel != null) {
      out.append(", ").append(blockedDescription());
    }
    if (grantedBy != null) {
      out.append(", granted by permission set `").append(grantedBy).append('`');
    }
    return out.toString();
  }

  private String blockedDescription() {
    if (blockedByScp == null) {
      return "blocked by the SCPs at `" + blockedAtLevel + "`";
    }
    return "blocked by SCP `"
        + blockedByScp
        + "`"
        + (blockedAtLevel == null ? "" : " at `" + blockedAtLevel + "`");
  }

  /**
   * Checks that the SCP, the level and the permission set this expectation names exist in the
   * snapshot, so that a misspelt name is an error rather than a failure that reads like a finding.
   *
   * @throws IllegalArgumentException naming the unknown name and the known ones
   */
  public void requireKnownNames(Snapshot snapshot) {
    Organization organization = snapshot.organization();
    if (blockedByScp != null) {
      List<ControlPolicy> scps =
          organization.policies().stream().filter(ControlPolicy::isScp).toList();
      boolean known =
          scps.stream().anyMatch(p -> p.id().equals(blockedByScp) || p.name().equals(blockedByScp));
      if (!known) {
        throw new IllegalArgumentException(
            "unknown SCP `"
                + blockedByScp
                + "`: use an SCP id or one of the names "
                + Question.list(scps, ControlPolicy::name));
      }
    }
    if (blockedAtLevel != null && !isLevel(organization, blockedAtLevel)) {
      throw new IllegalArgumentException(
          "unknown level `"
              + blockedAtLevel
              + "`: name the root, an organizational unit or an account, by id or name");
    }
    if (grantedBy != null) {
      IdentityCenter center = snapshot.identityCenter().orElse(null);
      if (center == null || center.permissionSet(grantedBy).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown permission set `"
                + grantedBy
                + "`: use one of "
                + (center == null
                    ? "(none: the snapshot has no Identity Center)"
                    : Question.list(center.permissionSets(), PermissionSet::name)));
      }
    }
  }

  private static boolean isLevel(Organization organization, String idOrName) {
    if (organization.isNode(idOrName) || organization.root().name().equals(idOrName)) {
      return true;
    }
    return organization.organizationalUnits().stream().anyMatch(u -> u.name().equals(idOrName))
        || !organization.accountsNamed(idOrName).isEmpty();
  }

  /**
   * What in a decision differs from this expectation, as one line, or empty when it holds.
   *
   * @return for example {@code expected Denied, was Allowed: permission set `PowerUser` through
   *     identity-based policy `PowerUserAccess` statement #0}
   */
  public Optional<String> mismatch(Decision decision) {
    Outcome actual = decision.outcome();
    if (!outcome.matches(actual)) {
      return Optional.of(
          "expected " + outcome.caseName() + ", was " + actual.caseName() + ": " + why(decision));
    }
    if (blockedByScp != null || blockedAtLevel != null) {
      List<Block> blocks = decision.blockedBy();
      List<String> otherwise = new ArrayList<>();
      for (Block block : blocks) {
        if (!blockedAsExpected(block)) {
          otherwise.add(block.describe());
        }
      }
      if (blocks.isEmpty() || !otherwise.isEmpty()) {
        return Optional.of(
            "was "
                + actual.caseName()
                + ", but not "
                + blockedDescription()
                + ": "
                + (blocks.isEmpty() ? why(decision) : String.join("; ", otherwise)));
      }
    }
    if (grantedBy != null) {
      for (RoleDecision role : decision.roles()) {
        if (role.outcome().isAllowed()
            && (role.permissionSet().equals(grantedBy)
                || role.permissionSetArn().equals(grantedBy))) {
          return Optional.empty();
        }
      }
      return Optional.of(
          "was Allowed, but not by permission set `" + grantedBy + "`: " + why(decision));
    }
    return Optional.empty();
  }

  private boolean blockedAsExpected(Block block) {
    for (MatchedStatement statement : block.statements()) {
      if (statement.layer() != Layer.SERVICE_CONTROL_POLICY) {
        continue;
      }
      boolean policy =
          blockedByScp == null
              || statement.policyId().equals(blockedByScp)
              || statement.policyName().equals(blockedByScp);
      if (policy && atLevel(statement.levelId(), statement.levelName())) {
        return true;
      }
    }
    return blockedByScp == null
        && block.statements().isEmpty()
        && block.layer() == Layer.SERVICE_CONTROL_POLICY
        && atLevel(block.levelId(), block.levelName());
  }

  private boolean atLevel(@Nullable String levelId, @Nullable String levelName) {
    return blockedAtLevel == null
        || blockedAtLevel.equals(levelId)
        || blockedAtLevel.equals(levelName);
  }

  /** Why a decision came out as it did, in one line. */
  static String why(Decision decision) {
    List<String> reasons = new ArrayList<>();
    if (decision.outcome().isAllowed()) {
      for (Grant grant : decision.grantedBy()) {
        reasons.add("granted by " + grant.describe());
      }
    } else {
      for (Block block : decision.blockedBy()) {
        reasons.add(block.describe());
      }
    }
    if (reasons.isEmpty()) {
      return decision.note().isEmpty() ? "no role decided it" : decision.note();
    }
    return String.join("; ", reasons);
  }
}
