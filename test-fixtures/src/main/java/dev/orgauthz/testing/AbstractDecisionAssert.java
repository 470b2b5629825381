package dev.orgauthz.testing;

import dev.orgauthz.Decision;
import dev.orgauthz.RoleDecision;
import dev.orgauthz.testing.intent.Expectation;
import dev.orgauthz.testing.intent.Expected;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;
import org.jspecify.annotations.Nullable;

/**
 * Assertions about one {@link Decision}. A failure shows the expectation, what differs, and the
 * decision's rendered explanation.
 *
 * <p>Unlike the questions of {@link AbstractAuthorizerAssert}, a decision does not know its
 * organization, so the names of SCPs, levels and permission sets are not checked for spelling: a
 * misspelt name fails the assertion, with the explanation showing the right one.
 *
 * @param <SELF> the type of the assert, for chaining
 */
public abstract class AbstractDecisionAssert<SELF extends AbstractDecisionAssert<SELF>>
    extends AbstractAssert<SELF, Decision> {
  /** The soft assertions this assert belongs to; null for hard assertions. */
  @Nullable SoftAssertionsProvider soft;

  protected AbstractDecisionAssert(@Nullable Decision actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /** Verifies that the decision is allowed. */
  public SELF isAllowed() {
    return meets(Expectation.of(Expected.ALLOWED));
  }

  /** Verifies that the decision is denied, explicitly or implicitly. */
  public SELF isDenied() {
    return meets(Expectation.of(Expected.DENIED));
  }

  /** Verifies that the decision is explicitly denied: a deny statement matched. */
  public SELF isExplicitlyDenied() {
    return meets(Expectation.of(Expected.EXPLICITLY_DENIED));
  }

  /** Verifies that the decision is implicitly denied. */
  public SELF isImplicitlyDenied() {
    return meets(Expectation.of(Expected.IMPLICITLY_DENIED));
  }

  /** Verifies that every role was denied by a deny statement of this SCP (name or id). */
  public SELF isBlockedByScp(String scp) {
    return meets(Expectation.blockedByScp(scp, null));
  }

  /**
   * Verifies that every role was denied by a deny statement of this SCP (name or id) attached at
   * this level (root, OU or account, by id or name).
   */
  public SELF isBlockedByScp(String scp, String level) {
    return meets(Expectation.blockedByScp(scp, level));
  }

  /**
   * Verifies that every role was blocked by the SCPs of a level (root, OU or account, by id or
   * name): by a deny statement, or by allowing nothing that matched.
   */
  public SELF isBlockedByScpsAt(String level) {
    return meets(Expectation.blockedByScpsAt(level));
  }

  /** Verifies that the role of this permission set (name or ARN) allowed the request. */
  public SELF isGrantedBy(String permissionSet) {
    return meets(Expectation.grantedBy(permissionSet));
  }

  /** Verifies that the decision meets an expectation. */
  public SELF meets(Expectation expectation) {
    isNotNull();
    Optional<String> mismatch = expectation.mismatch(actual);
    if (mismatch.isPresent()) {
      failWithActualExpectedAndMessage(
          mismatch.get(),
          expectation.describe(),
          "%s",
          "Expecting the decision to be "
              + expectation.describe()
              + "\nbut "
              + mismatch.get()
              + "\n\n"
              + actual.render());
    }
    return myself;
  }

  /** Verifies that the principal had exactly the roles of these permission sets, in any order. */
  public SELF hasRoles(String... permissionSets) {
    isNotNull();
    Set<String> expected = new TreeSet<>(List.of(permissionSets));
    Set<String> roles = new TreeSet<>();
    actual.roles().forEach(r -> roles.add(r.permissionSet()));
    if (!roles.equals(expected)) {
      failWithActualExpectedAndMessage(
          roles,
          expected,
          "%s",
          "Expecting the roles of the decision to be "
              + expected
              + "\nbut they were "
              + roles
              + "\n\n"
              + actual.render());
    }
    return myself;
  }

  /**
   * Verifies that the conditions read exactly these condition keys that the request lacked
   * (compared case-insensitively); none verifies that the request lacked nothing.
   */
  public SELF hasMissingContextKeys(String... keys) {
    isNotNull();
    Set<String> expected = new TreeSet<>();
    for (String key : keys) {
      expected.add(key.toLowerCase(Locale.ROOT));
    }
    Set<String> missing = new TreeSet<>(actual.missingContextKeys());
    if (!missing.equals(expected)) {
      failWithActualExpectedAndMessage(
          missing,
          expected,
          "%s",
          "Expecting the request to lack the condition keys "
              + expected
              + "\nbut it lacked "
              + missing
              + "\n\n"
              + actual.render());
    }
    return myself;
  }

  /** Verifies that the conditions read no condition key that the request lacked. */
  public SELF hasNoMissingContextKeys() {
    return hasMissingContextKeys();
  }

  /**
   * The answer of one role, by permission set name or ARN. Fails when the principal has no such
   * role in the account; under soft assertions the failure is collected and the role's assertions
   * are skipped.
   */
  public RoleDecisionAssert role(String permissionSet) {
    isNotNull();
    List<String> names = new ArrayList<>();
    for (RoleDecision role : actual.roles()) {
      if (role.permissionSet().equals(permissionSet)
          || role.permissionSetArn().equals(permissionSet)) {
        return Nesting.role(soft, role, actual, info);
      }
      names.add(role.permissionSet());
    }
    AssertionError missing =
        failure(
            "%s",
            "Expecting a role of permission set `"
                + permissionSet
                + "`\nbut the roles were "
                + names
                + "\n\n"
                + actual.render());
    SoftAssertionsProvider collector = soft;
    if (collector == null) {
      throw missing;
    }
    collector.collectAssertionError(missing);
    return Nesting.role(collector, null, actual, info);
  }
}
