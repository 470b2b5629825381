package dev.orgauthz.internal.match;

/**
 * A resource ARN pattern, matched the way IAM matches the {@code Resource} element: the partition,
 * service, region and account segments each as a glob that does not cross colons; the resource part
 * (everything after the fifth colon, colons and slashes included) as one glob, in which {@code *}
 * crosses {@code /} and {@code :}. A segment whose pattern ends with {@code *} may also consume the
 * colons after it: from that segment on, the rest of the pattern is matched against the rest of the
 * ARN as one glob. Case-sensitive. The pattern {@code *} matches everything, the request resource
 * {@code *} included; any other pattern never matches a request resource of {@code *}.
 */
public final class ArnPattern {
  private final String pattern;
  private final boolean everything;

  /** Globs for segments before {@link #tailFrom}; the last one covers the rest. */
  private final Glob[] segments;

  private final int tailFrom;

  private ArnPattern(String pattern, boolean everything, Glob[] segments, int tailFrom) {
    this.pattern = pattern;
    this.everything = everything;
    this.segments = segments;
    this.tailFrom = tailFrom;
  }

  /** Compiles a pattern; with {@code escapes}, a backslash makes the next character literal. */
  public static ArnPattern compile(String pattern, boolean escapes) {
    if (pattern.equals("*")) {
      return new ArnPattern(pattern, true, new Glob[0], 0);
    }
    String[] parts = splitArn(pattern);
    if (parts == null) {
      // Not an ARN: it can only match the identical text.
      return new ArnPattern(pattern, false, new Glob[] {glob(pattern, escapes)}, -1);
    }
    int tailFrom = 5;
    for (int i = 1; i < 5; i++) {
      if (parts[i].endsWith("*") && !parts[i].endsWith("\\*")) {
        tailFrom = i;
        break;
      }
    }
    Glob[] globs = new Glob[tailFrom + 1];
    for (int i = 0; i < tailFrom; i++) {
      globs[i] = glob(parts[i], escapes);
    }
    StringBuilder tail = new StringBuilder(parts[tailFrom]);
    for (int i = tailFrom + 1; i < 6; i++) {
      tail.append(':').append(parts[i]);
    }
    globs[tailFrom] = glob(tail.toString(), escapes);
    return new ArnPattern(pattern, false, globs, tailFrom);
  }

  private static Glob glob(String text, boolean escapes) {
    return escapes ? Glob.withEscapes(text, false) : Glob.of(text);
  }

  /** Splits an ARN into its six parts, or null when it has fewer. */
  static String @org.jspecify.annotations.Nullable [] splitArn(String text) {
    String[] parts = text.split(":", 6);
    return parts.length == 6 ? parts : null;
  }

  /** True when the pattern is {@code *}. */
  public boolean matchesEverything() {
    return everything;
  }

  /**
   * True when the resource matches.
   *
   * @param resource the request resource
   * @param colons the indexes of the first five colons of the resource, or null when it has fewer
   *     (then it is not an ARN)
   */
  public boolean matches(String resource, int @org.jspecify.annotations.Nullable [] colons) {
    if (everything) {
      return true;
    }
    if (tailFrom < 0) {
      return segments[0].matches(resource);
    }
    if (colons == null) {
      return false;
    }
    int start = 0;
    for (int i = 0; i < tailFrom; i++) {
      if (!segments[i].matches(resource, start, colons[i])) {
        return false;
      }
      start = colons[i] + 1;
    }
    return segments[tailFrom].matches(resource, start, resource.length());
  }

  /**
   * Fills {@code colons} with the indexes of the first five colons of an ARN.
   *
   * @return true when the text has five colons
   */
  public static boolean colons(String resource, int[] colons) {
    int found = 0;
    for (int i = 0; i < resource.length() && found < 5; i++) {
      if (resource.charAt(i) == ':') {
        colons[found++] = i;
      }
    }
    return found == 5;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
