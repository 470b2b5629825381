package dev.orgauthz.internal.roles;

import dev.orgauthz.Authorizer;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reaches the compiled roles of an {@link Authorizer}, whose catalog is not public: the authorizer
 * installs the accessor when its class is initialized, so it is in place once an authorizer exists.
 */
public final class CompiledRoles {
  private static volatile @Nullable Function<Authorizer, List<RoleHandle>> accessor;

  private CompiledRoles() {}

  /** Installs the accessor; called once, by the authorizer. */
  public static void install(Function<Authorizer, List<RoleHandle>> roles) {
    accessor = roles;
  }

  /** Every role the authorizer compiled, one per assigned (account, permission set). */
  public static List<RoleHandle> of(Authorizer authorizer) {
    Function<Authorizer, List<RoleHandle>> roles = accessor;
    if (roles == null) {
      throw new IllegalStateException("the authorizer did not install its role accessor");
    }
    return roles.apply(authorizer);
  }
}
