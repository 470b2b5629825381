package dev.orgauthz.testing.conformance;

/**
 * A conformance case that cannot be read: malformed JSON, a duplicate key, a schema violation, or
 * an organization that contradicts itself. The message names the file (and line, for {@code
 * .jsonl}), the JSON pointer and what would fix it.
 */
public final class CaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String location;
  private final String pointer;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param location the file, and for {@code .jsonl} the line, for example {@code a.jsonl line 3}
   * @param pointer the JSON pointer of the offending element, {@code ""} for the whole case
   * @param problem what is wrong and how to fix it, lowercase, without a trailing period
   */
  public CaseException(String location, String pointer, String problem) {
    super(location + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem);
    this.location = location;
    this.pointer = pointer;
    this.problem = problem;
  }

  /** The file, and for {@code .jsonl} the line, the case was read from. */
  public String location() {
    return location;
  }

  /** The JSON pointer of the offending element, {@code ""} for the whole case. */
  public String pointer() {
    return pointer;
  }

  /** What is wrong and how to fix it, without the location and pointer. */
  public String problem() {
    return problem;
  }
}
