package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.evaluation.PolicyLayers;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;

/** Layers of one identity policy, and a role to ask them about, for tests of the engine. */
final class IdentityLayers {
  static final Principal ROLE = Principal.parse("arn:aws:iam::111122223333:role/AppRole");

  private IdentityLayers() {}

  /**
   * Compiles the statements (a JSON array, with backquotes for double quotes) as the one identity
   * policy of a set of layers.
   */
  static CompiledLayers of(String statements) {
    String document = "{`Version`:`2012-10-17`,`Statement`:" + statements + "}";
    return CompiledLayers.compile(
        PolicyLayers.builder()
            .identityPolicy(
                NamedPolicy.of(
                    "identity",
                    Policies.parse(document.replace('`', '"'), PolicyType.IDENTITY, "identity")))
            .build(),
        new PolicyCompiler());
  }
}
