package dev.orgauthz.policy;

/**
 * Limits on the policy documents the library reads, so that hostile input cannot exhaust memory or
 * time. The defaults are far above AWS's own limits (a managed policy holds at most 6,144
 * characters, an SCP 5,120, an inline permission-set policy 32,768), so no real document reaches
 * them.
 *
 * <p>A document beyond a limit is a {@link PolicyException} whose message names the limit and how
 * to raise it. The nesting is checked in one pass over the text before it is parsed, so ten
 * thousand brackets fail as fast as seven. Independently of these limits, a condition value read as
 * a number has at most 1,000 characters, and every pattern ({@code Action}, {@code Resource},
 * {@code StringLike}, {@code ArnLike}) matches in time linear in the text, whatever its wildcards.
 *
 * @param maxCharacters the longest document, in characters (default 1,048,576)
 * @param maxNestingDepth the deepest nesting of JSON arrays and objects (default 32; a valid policy
 *     needs 6)
 * @param maxStatements the most statements in one document (default 10,000)
 */
public record PolicyLimits(int maxCharacters, int maxNestingDepth, int maxStatements) {
  /** The defaults. */
  public static final PolicyLimits DEFAULT = new PolicyLimits(1 << 20, 32, 10_000);

  public PolicyLimits {
    if (maxCharacters < 1 || maxNestingDepth < 6 || maxStatements < 1) {
      throw new IllegalArgumentException(
          "policy limits must be positive, with a nesting depth of at least 6");
    }
  }
}
