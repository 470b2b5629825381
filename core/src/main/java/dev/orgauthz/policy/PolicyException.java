package dev.orgauthz.policy;

/**
 * A policy document that cannot be read: malformed JSON, an element AWS would reject, an unknown
 * condition operator, a document beyond the {@link PolicyLimits}. The message names the source, the
 * JSON pointer and what would fix it, on one line; input quoted in it (between backquotes) and
 * pointer segments longer than {@value #QUOTED} characters are cut, with their length.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The longest quoted input or pointer segment a message repeats in full. */
  static final int QUOTED = 80;

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
    super(
        oneLine(
            source
                + (pointer.isEmpty() ? "" : " at " + shortPointer(pointer))
                + ": "
                + shorten(problem)));
    this.source = source;
    this.pointer = pointer;
    this.problem = shorten(problem);
  }

  /** The problem with each quoted span longer than {@link #QUOTED} cut, and on one line. */
  private static String shorten(String problem) {
    StringBuilder out = new StringBuilder(Math.min(problem.length(), 1_000));
    int i = 0;
    while (i < problem.length()) {
      int open = problem.indexOf('`', i);
      int close = open < 0 ? -1 : problem.indexOf('`', open + 1);
      if (close < 0) {
        out.append(problem, i, problem.length());
        break;
      }
      out.append(problem, i, open + 1).append(cut(problem.substring(open + 1, close))).append('`');
      i = close + 1;
    }
    return oneLine(out.toString());
  }

  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  private static String shortPointer(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String segment : pointer.split("/", -1)) {
      out.append(out.length() == 0 && segment.isEmpty() ? "" : "/").append(cut(segment));
    }
    return out.toString();
  }

  private static String cut(String text) {
    if (text.length() <= QUOTED) {
      return text;
    }
    return text.substring(0, QUOTED - 20) + "... (" + text.length() + " characters)";
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
