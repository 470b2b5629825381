package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.RequestContext;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A question for {@link WhatCan}: what can this user, or this permission set, do in this account?
 * Build one with {@link #builder}.
 *
 * @param user the user name or user id; null to ask about the permission set alone, as a session of
 *     its role that carries no user attributes
 * @param permissionSet the permission set name or ARN: for a user, only this one of the user's
 *     permission sets (null for all of them); without a user, required
 * @param account the account, by id or name
 * @param resource the resource ARN, {@code *} by default
 * @param region the region of the requests ({@code aws:RequestedRegion}); null leaves the key
 *     absent, as in {@link dev.orgauthz.AccessRequest}
 * @param context condition keys set by the caller; they win over the keys the authorizer derives
 * @param time the time of the requests; null for the authorizer's clock
 */
public record WhatCanQuestion(
    @Nullable String user,
    @Nullable String permissionSet,
    String account,
    String resource,
    @Nullable String region,
    RequestContext context,
    @Nullable Instant time) {
  public WhatCanQuestion {
    if (user == null && permissionSet == null) {
      throw new IllegalArgumentException(
          "a what-can question names a user or a permission set: call user(...) or"
              + " permissionSet(...)");
    }
    requireNonNull(account, "account");
    Questions.requireResource(resource);
    requireNonNull(context, "context");
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WhatCanQuestion}. */
  public static final class Builder {
    private @Nullable String user;
    private @Nullable String permissionSet;
    private @Nullable String account;
    private String resource = "*";
    private @Nullable String region;
    private final RequestContext.Builder context = RequestContext.builder();
    private @Nullable Instant time;

    private Builder() {}

    /** The user, by user name or user id, with every permission set assigned in the account. */
    public Builder user(String userNameOrId) {
      this.user = userNameOrId;
      return this;
    }

    /**
     * The permission set, by name or ARN: with {@link #user}, only this one of the user's; alone,
     * the permission set's role without a user.
     */
    public Builder permissionSet(String nameOrArn) {
      this.permissionSet = nameOrArn;
      return this;
    }

    /** The account, by id or name. */
    public Builder account(String idOrName) {
      this.account = idOrName;
      return this;
    }

    /** The resource ARN; {@code *} when not set. */
    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    /** The region of the requests, which sets {@code aws:RequestedRegion}. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Sets a single-valued condition key. */
    public Builder context(String key, String value) {
      context.put(key, value);
      return this;
    }

    /** Sets a multivalued condition key. */
    public Builder context(String key, List<String> values) {
      context.putAll(key, values);
      return this;
    }

    /** The time of the requests; the authorizer's clock when not set. */
    public Builder time(Instant time) {
      this.time = time;
      return this;
    }

    /**
     * The question.
     *
     * @throws IllegalArgumentException when neither a user nor a permission set is named, or no
     *     account
     */
    public WhatCanQuestion build() {
      String theAccount = account;
      if (theAccount == null) {
        throw new IllegalArgumentException("the question names no account: call account(...)");
      }
      return new WhatCanQuestion(
          user, permissionSet, theAccount, resource, region, context.build(), time);
    }
  }
}
