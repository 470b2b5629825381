package dev.orgauthz.org;

import static dev.orgauthz.internal.model.Checks.require;
import static dev.orgauthz.internal.model.Checks.requireText;
import static java.util.Objects.requireNonNull;

import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.util.List;

/**
 * A service control policy or a resource control policy with the targets it is attached to.
 *
 * @param id the policy id, {@code p-...}
 * @param name the policy name
 * @param type {@link #SERVICE_CONTROL_POLICY} or {@link #RESOURCE_CONTROL_POLICY}
 * @param description the description, empty when none
 * @param awsManaged true for policies AWS manages, such as {@code FullAWSAccess}
 * @param document the policy content, parsed as the kind of policy {@code type} names
 * @param targets the ids of the root, OUs and accounts it is attached to directly
 */
public record ControlPolicy(
    String id,
    String name,
    String type,
    String description,
    boolean awsManaged,
    PolicyDocument document,
    List<String> targets) {

  /** The Organizations policy type of service control policies. */
  public static final String SERVICE_CONTROL_POLICY = "SERVICE_CONTROL_POLICY";

  /** The Organizations policy type of resource control policies. */
  public static final String RESOURCE_CONTROL_POLICY = "RESOURCE_CONTROL_POLICY";

  /** The id of the SCP that AWS attaches everywhere when SCPs are enabled. */
  public static final String FULL_AWS_ACCESS_ID = "p-FullAWSAccess";

  /**
   * The id of the RCP that AWS attaches everywhere when RCPs are enabled; it cannot be detached.
   */
  public static final String RCP_FULL_AWS_ACCESS_ID = "p-RCPFullAWSAccess";

  /** The content of {@code FullAWSAccess}. */
  public static final String FULL_AWS_ACCESS_TEXT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";

  /** The content of {@code RCPFullAWSAccess}. */
  public static final String RCP_FULL_AWS_ACCESS_TEXT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
          + "\"Action\":\"*\",\"Resource\":\"*\"}]}";

  public ControlPolicy {
    requireText(id, "control policy id");
    requireText(name, "name of control policy `" + id + "`");
    requireText(type, "type of control policy `" + id + "`");
    requireNonNull(description, "description");
    requireNonNull(document, "document");
    targets = List.copyOf(targets);
    PolicyType expected = policyType(type);
    require(
        expected == null || document.type() == expected,
        "control policy `"
            + id
            + "` of type "
            + type
            + " holds a document parsed as "
            + document.type().displayName()
            + ": parse it as "
            + (expected == null ? "" : expected.displayName()));
  }

  /** A customer managed service control policy. */
  public static ControlPolicy scp(
      String id, String name, PolicyDocument document, List<String> targets) {
    return new ControlPolicy(id, name, SERVICE_CONTROL_POLICY, "", false, document, targets);
  }

  /** A customer managed resource control policy. */
  public static ControlPolicy rcp(
      String id, String name, PolicyDocument document, List<String> targets) {
    return new ControlPolicy(id, name, RESOURCE_CONTROL_POLICY, "", false, document, targets);
  }

  /** {@code FullAWSAccess}, attached to the targets given. */
  public static ControlPolicy fullAwsAccess(PolicyDocument document, List<String> targets) {
    return new ControlPolicy(
        FULL_AWS_ACCESS_ID,
        "FullAWSAccess",
        SERVICE_CONTROL_POLICY,
        "Allows access to every operation",
        true,
        document,
        targets);
  }

  /**
   * The kind of policy document an Organizations policy type holds, or null for the types this
   * library does not model (tag policies, backup policies, ...).
   */
  public static @org.jspecify.annotations.Nullable PolicyType policyType(String type) {
    return switch (type) {
      case SERVICE_CONTROL_POLICY -> PolicyType.SERVICE_CONTROL;
      case RESOURCE_CONTROL_POLICY -> PolicyType.RESOURCE_CONTROL;
      default -> null;
    };
  }

  /** True for a service control policy. */
  public boolean isScp() {
    return type.equals(SERVICE_CONTROL_POLICY);
  }

  /** True for a resource control policy. */
  public boolean isRcp() {
    return type.equals(RESOURCE_CONTROL_POLICY);
  }
}
