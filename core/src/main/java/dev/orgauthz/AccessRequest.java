package dev.orgauthz;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.RequestContext;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A question for the {@link Authorizer}: can this principal perform this action on this resource in
 * this account? Build one with {@link #builder}.
 *
 * <p>The principal is one of: an Identity Center user ({@link Builder#user}), by user name or user
 * id, who may use every permission set assigned to them in the account; a user with one permission
 * set ({@link Builder#permissionSet}); or the ARN of a role that Identity Center provisioned for a
 * permission set ({@link Builder#role}).
 *
 * @param user the user name or user id; null for a role request
 * @param permissionSet the permission set name or ARN the user acts with; null for all of them
 * @param roleArn the role ARN of a role request, with or without its path; null otherwise
 * @param action the action, {@code service:Action}
 * @param resource the resource ARN, {@code *} by default
 * @param account the account id or name; null for a role request, whose ARN names the account
 * @param resourceAccount the account that owns the resource, id or name; null to take the account
 *     of the resource ARN, else the request's account (an S3 ARN names no account: set this for a
 *     bucket of another account)
 * @param region the region of the request ({@code aws:RequestedRegion}); null leaves the key
 *     absent, and then a region-restriction deny with a negated operator ({@code StringNotEquals
 *     aws:RequestedRegion}) denies the request
 * @param context condition keys set by the caller; they win over the keys the authorizer derives
 * @param time the time of the request ({@code aws:CurrentTime}, {@code aws:EpochTime}); null to use
 *     the authorizer's clock
 */
public record AccessRequest(
    @Nullable String user,
    @Nullable String permissionSet,
    @Nullable String roleArn,
    String action,
    String resource,
    @Nullable String account,
    @Nullable String resourceAccount,
    @Nullable String region,
    RequestContext context,
    @Nullable Instant time) {
  public AccessRequest {
    if ((user == null) == (roleArn == null)) {
      throw new IllegalArgumentException(
          "a request names exactly one principal: call user(...), permissionSet(...) or role(...)");
    }
    if (permissionSet != null && user == null) {
      throw new IllegalArgumentException(
          "a permission set needs a user: call permissionSet(user, name)");
    }
    requireNonNull(action, "action");
    if (action.indexOf(':') <= 0 || action.endsWith(":")) {
      throw new IllegalArgumentException(
          "action `" + action + "` is not of the form service:Action, such as `s3:GetObject`");
    }
    if (resource.isEmpty()) {
      throw new IllegalArgumentException("resource is empty: give an ARN or `*`");
    }
    if (user != null && account == null) {
      throw new IllegalArgumentException(
          "the request for user `" + user + "` names no account: call account(id or name)");
    }
    requireNonNull(context, "context");
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AccessRequest}. */
  public static final class Builder {
    private @Nullable String user;
    private @Nullable String permissionSet;
    private @Nullable String roleArn;
    private @Nullable String action;
    private String resource = "*";
    private @Nullable String account;
    private @Nullable String resourceAccount;
    private @Nullable String region;
    private final RequestContext.Builder context = RequestContext.builder();
    private @Nullable Instant time;

    private Builder() {}

    /** The principal is this Identity Center user (user name or user id) with every role. */
    public Builder user(String userNameOrId) {
      this.user = userNameOrId;
      return this;
    }

    /** The principal is this user acting with one permission set (name or ARN). */
    public Builder permissionSet(String userNameOrId, String permissionSetNameOrArn) {
      this.user = userNameOrId;
      this.permissionSet = permissionSetNameOrArn;
      return this;
    }

    /**
     * The principal is a session of this role: an {@code AWSReservedSSO_} role that the model knows
     * (provisioned, or synthesized for an assignment), with or without its path. The session name
     * is {@code orgauthz}; no user attributes apply.
     */
    public Builder role(String roleArn) {
      this.roleArn = roleArn;
      return this;
    }

    /** The action, {@code service:Action}. */
    public Builder action(String action) {
      this.action = action;
      return this;
    }

    /** The resource ARN; {@code *} when not set. */
    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    /** The account the principal acts in, by id or name. */
    public Builder account(String idOrName) {
      this.account = idOrName;
      return this;
    }

    /** The account that owns the resource, by id or name, when the resource ARN does not say. */
    public Builder resourceAccount(String idOrName) {
      this.resourceAccount = idOrName;
      return this;
    }

    /** The region of the request, which sets {@code aws:RequestedRegion}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Sets a single-valued condition key; it wins over a derived key of the same name. */
    public Builder context(String key, String value) {
      context.put(key, value);
      return this;
    }

    /** Sets a multivalued condition key; it wins over a derived key of the same name. */
    public Builder context(String key, List<String> values) {
      context.putAll(key, values);
      return this;
    }

    /** The time of the request; the authorizer's clock when not set. */
    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException when no or two principals are named, the action is missing
     *     or malformed, or a user request names no account
     */
    public AccessRequest build() {
      String theAction = action;
      if (theAction == null) {
        throw new IllegalArgumentException("the request names no action: call action(...)");
      }
      return new AccessRequest(
          user,
          permissionSet,
          roleArn,
          theAction,
          resource,
          account,
          resourceAccount,
          region,
          context.build(),
          time);
    }
  }
}
