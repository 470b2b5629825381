package dev.orgauthz.testing.intent;

import static java.util.Objects.requireNonNull;

/**
 * An intent file that cannot be read: a file that is missing, malformed JSON, a repeated key, a
 * violation of {@code intents.schema.json}, or an intent that names no principal or no place. The
 * message names the file, the JSON pointer of the offending element, and what would fix it.
 */
public final class IntentFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String pointer;
  private final String problem;

  /**
   * Creates the exception.
   *
   * @param source the file or resource
   * @param pointer the JSON pointer of the offending element; empty for the whole file
   * @param problem what is wrong and how to fix it, lowercase, without a trailing period
   */
  public IntentFileException(String source, String pointer, String problem) {
    super(source + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + problem);
    this.source = requireNonNull(source, "source");
    this.pointer = requireNonNull(pointer, "pointer");
    this.problem = requireNonNull(problem, "problem");
  }

  /** The file or resource. */
  public String source() {
    return source;
  }

  /** The JSON pointer of the offending element; empty for the whole file. */
  public String pointer() {
    return pointer;
  }

  /** What is wrong and how to fix it, without the file and the pointer. */
  public String problem() {
    return problem;
  }
}
