package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.policy.PrincipalElement;
import java.util.List;

/** The {@code Principal} element of a resource policy statement, compiled. */
final class PrincipalMatcher {
  private final boolean everyone;
  private final String[] aws;
  private final String[] services;

  private PrincipalMatcher(boolean everyone, String[] aws, String[] services) {
    this.everyone = everyone;
    this.aws = aws;
    this.services = services;
  }

  static PrincipalMatcher compile(PrincipalElement element) {
    List<String> aws = element.values("AWS");
    List<String> services = element.values("Service");
    return new PrincipalMatcher(
        element.isEveryone(), aws.toArray(new String[0]), services.toArray(new String[0]));
  }

  /** How strongly the element names the principal. */
  PrincipalGrant grant(Principal principal) {
    if (everyone) {
      return PrincipalGrant.DIRECT;
    }
    PrincipalGrant best = PrincipalGrant.NONE;
    for (String service : services) {
      if (principal.kind() == Principal.Kind.SERVICE && service.equals(principal.arn())) {
        return PrincipalGrant.DIRECT;
      }
    }
    for (String entry : aws) {
      PrincipalGrant grant = grantOf(entry, principal);
      if (grant.compareTo(best) > 0) {
        best = grant;
      }
    }
    return best;
  }

  private static PrincipalGrant grantOf(String entry, Principal principal) {
    String account = principal.account();
    if (account == null) {
      return PrincipalGrant.NONE;
    }
    if (entry.equals(account)) {
      return PrincipalGrant.ACCOUNT;
    }
    if (!entry.startsWith("arn:")) {
      return PrincipalGrant.NONE;
    }
    String[] parts = entry.split(":", 6);
    if (parts.length != 6 || !parts[4].equals(account)) {
      return PrincipalGrant.NONE;
    }
    String resource = parts[5];
    if (parts[2].equals("iam") && resource.equals("root")) {
      return PrincipalGrant.ACCOUNT;
    }
    if (entry.equals(principal.arn())) {
      // The user, the session or the federated user itself. A role ARN given as the principal of
      // the request stands for a session of that role, and is handled below.
      if (principal.kind() != Principal.Kind.ROLE) {
        return PrincipalGrant.DIRECT;
      }
    }
    if (parts[2].equals("iam") && resource.startsWith("role/") && principal.isRoleOrSession()) {
      // Role names are unique in an account whatever their path; a session ARN has no path.
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      if (name.equals(principal.name())) {
        return PrincipalGrant.ROLE;
      }
    }
    return PrincipalGrant.NONE;
  }
}
