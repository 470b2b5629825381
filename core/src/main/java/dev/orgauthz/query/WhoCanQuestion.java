package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.RequestContext;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A question for {@link WhoCan}: who can perform this action, on this resource, in this part of the
 * organization? Build one with {@link #builder}.
 *
 * @param action the action, {@code service:Action}
 * @param resource the resource ARN, {@code *} by default
 * @param scope where to look: an account (id or name), an OU (id or name) or the root (id or name);
 *     null for the whole organization
 * @param region the region of the request ({@code aws:RequestedRegion}); null leaves the key
 *     absent, as in {@link dev.orgauthz.AccessRequest}
 * @param context condition keys set by the caller; they win over the keys the authorizer derives
 * @param time the time of the requests; null for the authorizer's clock
 */
public record WhoCanQuestion(
    String action,
    String resource,
    @Nullable String scope,
    @Nullable String region,
    RequestContext context,
    @Nullable Instant time) {
  public WhoCanQuestion {
    Questions.requireAction(action);
    Questions.requireResource(resource);
    requireNonNull(context, "context");
  }

  /** A question about an action in the whole organization, on every resource ({@code *}). */
  public static WhoCanQuestion of(String action) {
    return builder().action(action).build();
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link WhoCanQuestion}. */
  public static final class Builder {
    private @Nullable String action;
    private String resource = "*";
    private @Nullable String scope;
    private @Nullable String region;
    private final RequestContext.Builder context = RequestContext.builder();
    private @Nullable Instant time;

    private Builder() {}

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

    /**
     * Where to look: an account, an OU or the root, by id or name; the whole organization when not
     * set.
     */
    public Builder in(String accountOrUnit) {
      this.scope = accountOrUnit;
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
     * @throws IllegalArgumentException when the action is missing or malformed
     */
    public WhoCanQuestion build() {
      String theAction = action;
      if (theAction == null) {
        throw new IllegalArgumentException("the question names no action: call action(...)");
      }
      return new WhoCanQuestion(theAction, resource, scope, region, context.build(), time);
    }
  }
}
