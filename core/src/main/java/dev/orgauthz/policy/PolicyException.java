package dev.orgauthz.policy;

/**
 * A policy document that cannot be read: malformed JSON, an element AWS would reject, an unknown
 * condition operator. The message names the source, the JSON pointer and what would fix it.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String pointer;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source where the document came from, for example a file name or a policy id
   * @param pointer the JSON pointer of the offending element, {@code ""} for the whole document
   * @param problem what is wrong and how to fix it, lowercase, without a trailing period
   */
  public PolicyException(String source, String pointer, String problem) {
    super(source + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem);
    this.source = source;
    this.pointer = pointer;
    this.problem = problem;
  }

  /** Where the document came from. */
  public String source() {
    return source;
  }

  /** The JSON pointer of the offending element, {@code ""} for the whole document. */
  public String pointer() {
    return pointer;
  }

  /** What is wrong and how to fix it, without the source and pointer. */
  public String problem() {
    return problem;
  }
}
