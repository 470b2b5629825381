package dev.orgauthz.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The policies that bear on one request, by layer. Control policies come as levels, root first and
 * account last; a null level list means the layer does not apply to this request (the management
 * account, a service-linked role, no organization), with the reason in {@link #scpNote()} or {@link
 * #rcpNote()}.
 *
 * <p>The evaluator injects nothing: resource control policy levels must already hold {@code
 * RCPFullAWSAccess} where AWS attaches it (at every level).
 */
public final class PolicyLayers {
  private final @Nullable List<PolicyLevel> scpLevels;
  private final String scpNote;
  private final @Nullable List<PolicyLevel> rcpLevels;
  private final String rcpNote;
  private final List<NamedPolicy> identityPolicies;
  private final List<NamedPolicy> permissionsBoundaries;
  private final @Nullable NamedPolicy sessionPolicy;
  private final @Nullable NamedPolicy resourcePolicy;
  private final List<NamedPolicy> vpcEndpointPolicies;

  private PolicyLayers(Builder b) {
    this.scpLevels = b.scpLevels == null ? null : List.copyOf(b.scpLevels);
    this.scpNote = b.scpNote;
    this.rcpLevels = b.rcpLevels == null ? null : List.copyOf(b.rcpLevels);
    this.rcpNote = b.rcpNote;
    this.identityPolicies = List.copyOf(b.identityPolicies);
    this.permissionsBoundaries = List.copyOf(b.permissionsBoundaries);
    this.sessionPolicy = b.sessionPolicy;
    this.resourcePolicy = b.resourcePolicy;
    this.vpcEndpointPolicies = List.copyOf(b.vpcEndpointPolicies);
  }

  /** A new builder: no control policies, no policy at all. */
  public static Builder builder() {
    return new Builder();
  }

  /** The SCP levels, root first; null when SCPs do not apply. */
  public @Nullable List<PolicyLevel> scpLevels() {
    return scpLevels;
  }

  /** Why SCPs do not apply, empty when they do. */
  public String scpNote() {
    return scpNote;
  }

  /** The RCP levels, root first; null when RCPs do not apply. */
  public @Nullable List<PolicyLevel> rcpLevels() {
    return rcpLevels;
  }

  /** Why RCPs do not apply, empty when they do. */
  public String rcpNote() {
    return rcpNote;
  }

  /** The identity policies of the principal. */
  public List<NamedPolicy> identityPolicies() {
    return identityPolicies;
  }

  /** The permissions boundaries (AWS allows one; each listed must allow). */
  public List<NamedPolicy> permissionsBoundaries() {
    return permissionsBoundaries;
  }

  /** The session policy, or null. */
  public @Nullable NamedPolicy sessionPolicy() {
    return sessionPolicy;
  }

  /** The resource policy, or null when the resource has none. */
  public @Nullable NamedPolicy resourcePolicy() {
    return resourcePolicy;
  }

  /** The VPC endpoint policies on the path of the request; each must allow. */
  public List<NamedPolicy> vpcEndpointPolicies() {
    return vpcEndpointPolicies;
  }

  /** Builds {@link PolicyLayers}. */
  public static final class Builder {
    private @Nullable List<PolicyLevel> scpLevels;
    private String scpNote = "no organization";
    private @Nullable List<PolicyLevel> rcpLevels;
    private String rcpNote = "no organization";
    private final List<NamedPolicy> identityPolicies = new ArrayList<>();
    private final List<NamedPolicy> permissionsBoundaries = new ArrayList<>();
    private @Nullable NamedPolicy sessionPolicy;
    private @Nullable NamedPolicy resourcePolicy;
    private final List<NamedPolicy> vpcEndpointPolicies = new ArrayList<>();

    private Builder() {}

    /** The SCP levels, root first and account last: SCPs apply. */
    public Builder scpLevels(List<PolicyLevel> levels) {
      this.scpLevels = levels;
      this.scpNote = "";
      return this;
    }

    /** SCPs do not apply to this request, for the reason given. */
    public Builder noScps(String reason) {
      this.scpLevels = null;
      this.scpNote = reason;
      return this;
    }

    /** The RCP levels, root first and account last: RCPs apply. */
    public Builder rcpLevels(List<PolicyLevel> levels) {
      this.rcpLevels = levels;
      this.rcpNote = "";
      return this;
    }

    /** RCPs do not apply to this request, for the reason given. */
    public Builder noRcps(String reason) {
      this.rcpLevels = null;
      this.rcpNote = reason;
      return this;
    }

    /** Adds identity policies. */
    public Builder identityPolicies(List<NamedPolicy> policies) {
      identityPolicies.addAll(policies);
      return this;
    }

    /** Adds one identity policy. */
    public Builder identityPolicy(NamedPolicy policy) {
      identityPolicies.add(policy);
      return this;
    }

    /** Adds a permissions boundary. */
    public Builder permissionsBoundary(NamedPolicy policy) {
      permissionsBoundaries.add(policy);
      return this;
    }

    /** Sets the session policy. */
    public Builder sessionPolicy(@Nullable NamedPolicy policy) {
      this.sessionPolicy = policy;
      return this;
    }

    /** Sets the resource policy. */
    public Builder resourcePolicy(@Nullable NamedPolicy policy) {
      this.resourcePolicy = policy;
      return this;
    }

    /** Adds a VPC endpoint policy. */
    public Builder vpcEndpointPolicy(NamedPolicy policy) {
      vpcEndpointPolicies.add(policy);
      return this;
    }

    /** The immutable layers. */
    public PolicyLayers build() {
      return new PolicyLayers(this);
    }
  }
}
