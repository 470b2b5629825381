package dev.orgauthz.evaluation;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The principal making a request, parsed from its ARN or name.
 *
 * @param kind what sort of principal it is
 * @param arn the ARN as given (for a service principal its name, for anonymous {@code anonymous})
 * @param account the 12-digit account of the principal, or null for services and anonymous
 * @param roleArn for a role or a role session, the ARN of the role (with its path when known)
 * @param name the user name, role name, federated user name or service name
 */
public record Principal(
    Kind kind, String arn, @Nullable String account, @Nullable String roleArn, String name) {

  /** The sorts of principal that the evaluator tells apart. */
  public enum Kind {
    /** The root user of an account, {@code arn:aws:iam::A:root}. */
    ACCOUNT_ROOT,
    /** An IAM user. */
    USER,
    /** An IAM role, standing for a session of that role. */
    ROLE,
    /** An assumed-role session, {@code arn:aws:sts::A:assumed-role/Role/session}. */
    ROLE_SESSION,
    /** A federated user session from GetFederationToken. */
    FEDERATED_USER,
    /** An AWS service principal such as {@code s3.amazonaws.com}. */
    SERVICE,
    /** An unauthenticated caller. */
    ANONYMOUS
  }

  public Principal {
    requireNonNull(kind, "kind");
    requireNonNull(arn, "arn");
    requireNonNull(name, "name");
  }

  /**
   * Parses a principal: an IAM user, role, assumed-role session, federated user or account root
   * ARN, a service principal name ({@code *.amazonaws.com}) or the word {@code anonymous}.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static Principal parse(String text) {
    if (text.equals("anonymous")) {
      return new Principal(Kind.ANONYMOUS, text, null, null, "anonymous");
    }
    if (!text.startsWith("arn:")) {
      if (text.endsWith(".amazonaws.com") || text.endsWith(".amazonaws.com.cn")) {
        return new Principal(Kind.SERVICE, text, null, null, text);
      }
      throw new IllegalArgumentException(
          "principal `" + text + "` is neither an ARN, a service principal nor `anonymous`");
    }
    String[] parts = text.split(":", 6);
    if (parts.length != 6 || !parts[4].matches("\\d{12}")) {
      throw new IllegalArgumentException(
          "principal `" + text + "` is not an ARN of the form arn:PARTITION:iam::ACCOUNT:...");
    }
    String partition = parts[1];
    String service = parts[2];
    String account = parts[4];
    String resource = parts[5];
    if (service.equals("iam") && resource.equals("root")) {
      return new Principal(Kind.ACCOUNT_ROOT, text, account, null, account);
    }
    if (service.equals("iam") && resource.startsWith("user/")) {
      return new Principal(Kind.USER, text, account, null, lastPart(resource));
    }
    if (service.equals("iam") && resource.startsWith("role/")) {
      return new Principal(Kind.ROLE, text, account, text, lastPart(resource));
    }
    if (service.equals("sts") && resource.startsWith("assumed-role/")) {
      String[] session = resource.split("/", 3);
      if (session.length == 3 && !session[1].isEmpty()) {
        String role = "arn:" + partition + ":iam::" + account + ":role/" + session[1];
        return new Principal(Kind.ROLE_SESSION, text, account, role, session[1]);
      }
    }
    if (service.equals("sts") && resource.startsWith("federated-user/")) {
      return new Principal(Kind.FEDERATED_USER, text, account, null, lastPart(resource));
    }
    throw new IllegalArgumentException(
        "principal `" + text + "` is not a user, role, assumed-role, federated-user or root ARN");
  }

  private static String lastPart(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }

  /** True for a role or a session of a role. */
  public boolean isRoleOrSession() {
    return kind == Kind.ROLE || kind == Kind.ROLE_SESSION;
  }

  /** True for a session principal: a role session or a federated user session. */
  public boolean isSession() {
    return isRoleOrSession() || kind == Kind.FEDERATED_USER;
  }

  /** True for a service-linked role (its path starts with {@code /aws-service-role/}). */
  public boolean isServiceLinkedRole() {
    return roleArn != null && roleArn.contains(":role/aws-service-role/");
  }

  /**
   * The value of {@code aws:PrincipalArn}: the role ARN for a role session, the ARN otherwise, null
   * for anonymous and services.
   */
  public @Nullable String principalArn() {
    return switch (kind) {
      case ANONYMOUS, SERVICE -> null;
      case ROLE, ROLE_SESSION -> roleArn;
      default -> arn;
    };
  }

  /** The value of {@code aws:PrincipalType}. */
  public String principalType() {
    return switch (kind) {
      case ACCOUNT_ROOT -> "Account";
      case USER -> "User";
      case ROLE, ROLE_SESSION -> "AssumedRole";
      case FEDERATED_USER -> "FederatedUser";
      case SERVICE -> "AWSService";
      case ANONYMOUS -> "Anonymous";
    };
  }
}
