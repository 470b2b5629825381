package dev.orgauthz;

import dev.orgauthz.internal.roles.RoleHandle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The compiled roles of a catalog as the queries see them. */
final class QueryRoles {
  private QueryRoles() {}

  static List<RoleHandle> handles(Collection<CompiledRole> roles) {
    List<RoleHandle> out = new ArrayList<>(roles.size());
    for (CompiledRole role : roles) {
      CompiledRole.LayerPair same = role.sameAccount;
      out.add(
          new RoleHandle(
              role.account,
              role.permissionSet,
              role.roleArn,
              same == null ? null : same.withRcps()));
    }
    return List.copyOf(out);
  }
}
