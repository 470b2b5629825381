package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.Principal;

/**
 * Where a request's principal comes from when the decision path may not need it: an outcome kept
 * for the request's parts needs the principal's kind alone, so the principal is asked for only when
 * statements are evaluated (see {@link Engine.Scratch#principal(PrincipalSource, String,
 * Principal.Kind)}).
 */
public interface PrincipalSource {
  /** The principal, the same object or an equal one on every call. */
  Principal principal();
}
