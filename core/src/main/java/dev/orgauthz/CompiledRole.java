package dev.orgauthz;

import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.internal.engine.CompiledLayers;
import dev.orgauthz.internal.engine.PrincipalSource;
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

  /** True when the role is a service-linked role (its path is {@code /aws-service-role/}). */
  final boolean serviceLinked;

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
    this.serviceLinked = roleArn.contains(":role/aws-service-role/");
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
   * and the request context keys of the session that the role's keys do not give. The role's keys
   * are shared by its sessions and the user's keys (user id, tags) by the user's sessions; the
   * principal and {@code aws:userid} are made on first use, so that a user with hundreds of roles
   * costs little until asked about them.
   */
  static final class Session implements PrincipalSource {
    private final CompiledRole role;
    private final String partition;
    private final String sessionName;
    private final KeyLayer userKeys;

    // What the decision path reads of the role, copied here so that a decision for resources of
    // the role's own account reads the session alone, not the role, its account and its layers.

    /** The role's account id. */
    final String accountId;

    /** The role's keys ({@link CompiledRole#principalKeys}). */
    final KeyLayer roleKeys;

    /** The resource keys of the role's own account ({@link CompiledRole#ownResourceKeys}). */
    final KeyLayer ownResourceKeys;

    /** The role's layers for its own account's resources, with RCPs; null when not usable. */
    final @Nullable CompiledLayers sameWithRcps;

    /**
     * The layers to use for the own account's resources when RCPs do not restrict the request:
     * without RCPs; the same as {@link #sameWithRcps} when RCPs do not apply to the account.
     */
    final @Nullable CompiledLayers sameWithoutRcps;

    /** The identity hashes of {@link #sameWithRcps} and {@link #sameWithoutRcps}. */
    private final int sameWithRcpsHash;

    private final int sameWithoutRcpsHash;

    /** True when the principal is a service-linked role, which RCPs do not restrict. */
    final boolean serviceLinked;

    /** The kind of every session's {@link #principal}. */
    static final Principal.Kind KIND = Principal.Kind.ROLE_SESSION;

    /** Made on first use; immutable, so a racing thread makes an equal one. */
    private @Nullable Principal principal;

    private @Nullable List<String> userId;

    /** Volatile: the array's element must be seen with it. */
    private volatile Session @Nullable [] alone;

    /**
     * @param partition the partition of the principal's ARN
     * @param sessionName the session name: the user name, or the name of role requests
     * @param userKeys the keys of the user: {@code identitystore:UserId} and principal tags
     */
    Session(CompiledRole role, String partition, String sessionName, KeyLayer userKeys) {
      this.role = role;
      this.partition = partition;
      this.sessionName = sessionName;
      this.userKeys = userKeys;
      this.accountId = role.account.id();
      this.roleKeys = role.principalKeys;
      this.ownResourceKeys = role.ownResourceKeys;
      LayerPair same = role.base == null ? null : role.sameAccount;
      this.sameWithRcps = same == null ? null : same.withRcps();
      this.sameWithoutRcps = same == null ? null : same.withoutRcps();
      this.sameWithRcpsHash = System.identityHashCode(sameWithRcps);
      this.sameWithoutRcpsHash = System.identityHashCode(sameWithoutRcps);
      this.serviceLinked = role.serviceLinked;
    }

    /**
     * The identity hash of layers of this session, kept for those of its own account, so that the
     * decision path finds a plan without reading the layers (see {@link
     * dev.orgauthz.internal.engine.Engine#decide(CompiledLayers, int,
     * dev.orgauthz.internal.engine.Engine.Scratch)}).
     */
    int layersHash(CompiledLayers layers) {
      if (layers == sameWithRcps) {
        return sameWithRcpsHash;
      }
      return layers == sameWithoutRcps ? sameWithoutRcpsHash : System.identityHashCode(layers);
    }

    /**
     * The layers for a request on a resource of the role's own account, as {@link
     * RoleCatalog#layers(Session, String, boolean)} gives them; null when the role is not usable.
     */
    @Nullable CompiledLayers sameAccountLayers(boolean rcpAction) {
      CompiledLayers with = sameWithRcps;
      return with != sameWithoutRcps && (!rcpAction || serviceLinked) ? sameWithoutRcps : with;
    }

    CompiledRole role() {
      return role;
    }

    /** The session principal: {@code arn:<partition>:sts::<account>:assumed-role/<role>/<name>}. */
    @Override
    public Principal principal() {
      Principal made = principal;
      if (made == null) {
        String account = role.account.id();
        made =
            new Principal(
                KIND,
                "arn:"
                    + partition
                    + ":sts::"
                    + account
                    + ":assumed-role/"
                    + role.roleName
                    + "/"
                    + sessionName,
                account,
                role.roleArn,
                role.roleName);
        principal = made;
      }
      return made;
    }

    /** The value of {@code aws:userid}: {@code <role unique id>:<session name>}. */
    List<String> userId() {
      List<String> made = userId;
      if (made == null) {
        made = List.of(role.roleId + ":" + sessionName);
        userId = made;
      }
      return made;
    }

    /** True when the principal is a service-linked role, which RCPs do not restrict. */
    boolean serviceLinked() {
      return role.serviceLinked;
    }

    /** The keys of the user (none for a role request). */
    KeyLayer userKeys() {
      return userKeys;
    }

    /**
     * Every key of the session: the role's, {@code aws:userid}, the user's, then those given (made
     * on each call).
     */
    RequestContext baseContext(RequestContext more) {
      return RequestContext.builder()
          .merge(role.principalContext)
          .put("aws:userid", userId().get(0))
          .merge(userKeys.context())
          .merge(more)
          .build();
    }

    /** This session as an array of one, kept so that the decision path need not build it. */
    Session[] alone() {
      Session[] made = alone;
      if (made == null) {
        made = new Session[] {this};
        alone = made;
      }
      return made;
    }
  }
}
