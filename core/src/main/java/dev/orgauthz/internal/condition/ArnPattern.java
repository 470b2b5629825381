package dev.orgauthz.internal.condition;

import dev.orgauthz.internal.match.Glob;
import org.jspecify.annotations.Nullable;

/**
 * A policy value of an Arn operator: six globs, one per colon-separated part of an ARN ({@code
 * arn:partition:service:region:account:resource}). The sixth part keeps any further colons. Each
 * part matches its own part of the request ARN, case-sensitively, so a {@code *} never crosses a
 * colon between the first five parts, unlike StringLike (semantics 4.3).
 */
final class ArnPattern {
  private static final int PARTS = 6;

  private final Glob[] parts;

  private ArnPattern(Glob[] parts) {
    this.parts = parts;
  }

  /**
   * Compiles a pattern, or returns null when it has fewer than six parts.
   *
   * @param escaped true when a backslash escapes the next character (text from a template)
   */
  static @Nullable ArnPattern compile(String pattern, boolean escaped) {
    Glob[] parts = new Glob[PARTS];
    int start = 0;
    int part = 0;
    for (int i = 0; i < pattern.length() && part < PARTS - 1; i++) {
      char c = pattern.charAt(i);
      if (escaped && c == '\\') {
        i++;
      } else if (c == ':') {
        parts[part++] = TextValues.glob(pattern.substring(start, i), escaped);
        start = i + 1;
      }
    }
    if (part < PARTS - 1) {
      return null;
    }
    parts[PARTS - 1] = TextValues.glob(pattern.substring(start), escaped);
    return new ArnPattern(parts);
  }

  /** True when the text is an ARN: it starts with {@code arn:} and has at least six parts. */
  static boolean isArn(String text) {
    if (!text.startsWith("arn:")) {
      return false;
    }
    int colons = 1;
    for (int i = 4; i < text.length() && colons < PARTS - 1; i++) {
      if (text.charAt(i) == ':') {
        colons++;
      }
    }
    return colons == PARTS - 1;
  }

  /** True when an ARN (see {@link #isArn}) matches the pattern part by part. */
  boolean matches(String arn) {
    int start = 0;
    for (int part = 0; part < PARTS - 1; part++) {
      int colon = arn.indexOf(':', start);
      if (!parts[part].matches(arn, start, colon)) {
        return false;
      }
      start = colon + 1;
    }
    return parts[PARTS - 1].matches(arn, start, arn.length());
  }
}
