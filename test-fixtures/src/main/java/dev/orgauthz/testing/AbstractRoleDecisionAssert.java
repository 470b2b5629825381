package dev.orgauthz.testing;

import dev.orgauthz.Decision;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.testing.intent.Expectation;
import dev.orgauthz.testing.intent.Expected;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions about the answer of one role, reached with {@link AbstractDecisionAssert#role}. A
 * failure shows the whole decision's explanation.
 *
 * @param <SELF> the type of the assert, for chaining
 */
public abstract class AbstractRoleDecisionAssert<SELF extends AbstractRoleDecisionAssert<SELF>>
    extends AbstractAssert<SELF, RoleDecision> {
  /** The decision the role belongs to; set by the navigation that leads here. */
  @Nullable Decision decision;

  /** True when the navigation failed under soft assertions: the failure is already collected. */
  boolean skipped;

  protected AbstractRoleDecisionAssert(@Nullable RoleDecision actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Verifies that the role allowed the request. */
  public SELF isAllowed() {
    return meets(Expectation.of(Expected.ALLOWED));
  }

  /** Verifies that the role was denied, explicitly or implicitly. */
  public SELF isDenied() {
    return meets(Expectation.of(Expected.DENIED));
  }

  /** Verifies that the role was explicitly denied. */
  public SELF isExplicitlyDenied() {
    return meets(Expectation.of(Expected.EXPLICITLY_DENIED));
  }

  /** Verifies that the role was implicitly denied. */
  public SELF isImplicitlyDenied() {
    return meets(Expectation.of(Expected.IMPLICITLY_DENIED));
  }

  /** Verifies that a deny statement of this SCP (name or id) denied the role. */
  public SELF isBlockedByScp(String scp) {
    return meets(Expectation.blockedByScp(scp, null));
  }

  /** Verifies that a deny statement of this SCP, attached at this level, denied the role. */
  public SELF isBlockedByScp(String scp, String level) {
    return meets(Expectation.blockedByScp(scp, level));
  }

  /** Verifies that the SCPs of a level (root, OU or account, by id or name) blocked the role. */
  public SELF isBlockedByScpsAt(String level) {
    return meets(Expectation.blockedByScpsAt(level));
  }

  /** Verifies that the role meets an expectation; {@code grantedBy} names this role's set. */
  public SELF meets(Expectation expectation) {
    if (skipped) {
      return myself;
    }
    Decision parent = parent();
    isNotNull();
    Decision alone =
        new Decision(
            parent.request(),
            actual.outcome(),
            parent.principal(),
            parent.account(),
            parent.resourceAccount(),
            List.of(actual),
            "");
    Optional<String> mismatch = expectation.mismatch(alone);
    if (mismatch.isPresent()) {
      failWithActualExpectedAndMessage(
          mismatch.get(),
          expectation.describe(),
          "%s",
          "Expecting the role of permission set `"
              + actual.permissionSet()
              + "` to be "
              + expectation.describe()
              + "\nbut "
              + mismatch.get()
              + "\n\n"
              + parent.render());
    }
    return myself;
  }

  /** Verifies that the role is usable (its customer managed policies resolve in the account). */
  public SELF isUsable() {
    return usable(true);
  }

  /** Verifies that the role is assigned but not usable. */
  public SELF isNotUsable() {
    return usable(false);
  }

  private SELF usable(boolean expected) {
    if (skipped) {
      return myself;
    }
    Decision parent = parent();
    isNotNull();
    if (actual.usable() != expected) {
      failWithMessage(
          "%s",
          "Expecting the role of permission set `"
              + actual.permissionSet()
              + (expected ? "` to be usable" : "` not to be usable")
              + "\nbut it "
              + (actual.usable() ? "was" : "was not: " + actual.result().reason())
              + "\n\n"
              + parent.render());
    }
    return myself;
  }

  private Decision parent() {
    Decision parent = decision;
    if (parent == null) {
      throw new IllegalStateException(
          "a role's assertions need the decision it belongs to: reach them through"
              + " assertThat(decision).role(permissionSet)");
    }
    return parent;
  }
}
