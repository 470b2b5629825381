package dev.orgauthz;

import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.org.Account;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * The role Identity Center provisions for one permission set in one account, compiled: its name,
 * ARN and unique id, the keys its sessions put in the request context, and its policy layers.
 */
final class CompiledRole {
  final Account account;
  final PermissionSet permissionSet;
  final String roleName;
  final String roleArn;
  final String roleId;
  final boolean synthesized;

  /** Why the role is assigned but not usable; null when it is usable. */
  final @Nullable String notUsable;

  /** The keys every session of the role has: principal ARN, account, org id and paths. */
  final RequestContext principalContext;

  /** {@link #principalContext} for the decision path. */
  final KeyLayer principalKeys;

  /** The resource keys of the role's own account, for requests on its resources. */
  final KeyLayer ownResourceKeys;

  /**
   * The layers without resource control policies: SCP levels, identity policies and boundary. Null
   * when the role is not usable.
   */
  final @Nullable PolicyLayers base;

  /** The compiled layers for resources of the role's own account; null when not usable. */
  final @Nullable LayerPair sameAccount;

  /**
   * Compiled layers for resources of other accounts of the organization, filled on first use (keys:
   * account ids; bounded by the number of accounts).
   */
  final ConcurrentMap<String, LayerPair> otherAccounts = new ConcurrentHashMap<>();

  /** Compiled layers for resources of accounts outside the organization, made on first use. */
  volatile @Nullable LayerPair outsideAccounts;

  CompiledRole(
      Account account,
      PermissionSet permissionSet,
      String roleName,
      String roleArn,
      String roleId,
      boolean synthesized,
      @Nullable String notUsable,
      RequestContext principalContext,
      KeyLayer ownResourceKeys,
      @Nullable PolicyLayers base,
      @Nullable LayerPair sameAccount) {
    this.account = account;
    this.permissionSet = permissionSet;
    this.roleName = roleName;
    this.roleArn = roleArn;
    this.roleId = roleId;
    this.synthesized = synthesized;
    this.notUsable = notUsable;
    this.principalContext = principalContext;
    this.principalKeys = KeyLayer.of(principalContext);
    this.ownResourceKeys = ownResourceKeys;
    this.base = base;
    this.sameAccount = sameAccount;
  }

  /**
   * The compiled layers of a role for resources of one account: with the account's resource control
   * policies, and without them for actions that RCPs never restrict (the same object when RCPs do
   * not apply to the account at all).
   */
  record LayerPair(CompiledLayers withRcps, CompiledLayers withoutRcps) {
    boolean rcpsApply() {
      return withRcps != withoutRcps;
    }
  }

  /**
   * A session of a role for one user (or for a role request): the principal passed to the engine
   * and the request context keys of the session that the role's keys do not give (user id, user,
   * tags). The role's keys are shared by its sessions, not copied.
   */
  static final class Session {
    private final CompiledRole role;
    private final Principal principal;
    private final KeyLayer sessionKeys;
    private final boolean serviceLinked;
    private final List<Session> single;

    Session(CompiledRole role, Principal principal, RequestContext sessionKeys) {
      this.role = role;
      this.principal = principal;
      this.sessionKeys = KeyLayer.of(sessionKeys);
      this.serviceLinked = principal.isServiceLinkedRole();
      this.single = List.of(this);
    }

    CompiledRole role() {
      return role;
    }

    Principal principal() {
      return principal;
    }

    /** True when the principal is a service-linked role, which RCPs do not restrict. */
    boolean serviceLinked() {
      return serviceLinked;
    }

    /** The keys of this session beyond the role's. */
    KeyLayer sessionKeys() {
      return sessionKeys;
    }

    /**
     * Every key of the session: the role's, then this session's own, then those given (made on each
     * call).
     */
    RequestContext baseContext(RequestContext more) {
      return RequestContext.builder()
          .merge(role.principalContext)
          .merge(sessionKeys.context())
          .merge(more)
          .build();
    }

    /** This session as a list of one, kept so that the decision path need not build it. */
    List<Session> single() {
      return single;
    }
  }
}
