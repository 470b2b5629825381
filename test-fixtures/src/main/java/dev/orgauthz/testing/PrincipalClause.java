package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Expected;
import dev.orgauthz.testing.intent.Question.Who;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.WritableAssertionInfo;
import org.jspecify.annotations.Nullable;

/** The principal of a question being written: continue with {@link #can} or {@link #cannot}. */
public final class PrincipalClause {
  private final Authorizer authorizer;
  private final Who who;
  private final @Nullable String permissionSet;
  private final @Nullable SoftAssertionsProvider soft;
  private final WritableAssertionInfo info;

  PrincipalClause(
      Authorizer authorizer,
      Who who,
      @Nullable String permissionSet,
      @Nullable SoftAssertionsProvider soft,
      WritableAssertionInfo info) {
    this.authorizer = authorizer;
    this.who = who;
    this.permissionSet = permissionSet;
    this.soft = soft;
    this.info = info;
  }

  /**
   * The user, the members of the group or every user act with this permission set (name or ARN)
   * only, not with every permission set they have in the account.
   *
   * @throws IllegalArgumentException for the role of a permission set, which has only its own
   */
  public PrincipalClause withPermissionSet(String nameOrArn) {
    if (who.kind() == Who.Kind.PERMISSION_SET) {
      throw new IllegalArgumentException(
          "the role of permission set `"
              + who.name()
              + "` acts with that permission set only: ask about a user or group instead");
    }
    return new PrincipalClause(authorizer, who, nameOrArn, soft, info);
  }

  /** Expects the action ({@code service:Action}) to be allowed. */
  public ActionClause can(String action) {
    return new ActionClause(authorizer, who, permissionSet, action, Expected.ALLOWED, soft, info);
  }

  /** Expects the action ({@code service:Action}) to be denied, explicitly or implicitly. */
  public ActionClause cannot(String action) {
    return new ActionClause(authorizer, who, permissionSet, action, Expected.DENIED, soft, info);
  }
}
