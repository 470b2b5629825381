package dev.orgauthz.internal.condition;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A string that may hold policy variables: {@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'shared'}} (a default, after a comma, a space and a single-quoted value) and the fixed {@code
 * ${*}}, {@code ${?}} and {@code ${$}}. Under Version 2008-10-17 nothing is a variable and the text
 * is literal.
 */
public final class Template {
  private final String text;

  /**
   * Literal text and variables, in order; a literal is a {@link String}, a variable a {@link Var}.
   */
  private final Object[] parts;

  private final boolean hasVariables;

  /** A variable: its key, lowercased, and its default. */
  private record Var(String key, @Nullable String defaultValue) {}

  private Template(String text, Object[] parts, boolean hasVariables) {
    this.text = text;
    this.parts = parts;
    this.hasVariables = hasVariables;
  }

  /**
   * Parses a string.
   *
   * @param variablesEnabled false under Version 2008-10-17: the text is then literal
   * @throws PolicyException when a {@code ${} is not closed or a default is malformed
   */
  public static Template parse(
      String text, boolean variablesEnabled, String source, String pointer) {
    if (!variablesEnabled || !text.contains("${")) {
      return new Template(text, new Object[] {text}, false);
    }
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean any = false;
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf("${", i);
      if (open < 0) {
        literal.append(text, i, text.length());
        break;
      }
      int close = text.indexOf('}', open + 2);
      if (close < 0) {
        throw new PolicyException(
            source,
            pointer,
            "policy variable in `" + text + "` has no closing `}`: write `${key}`");
      }
      literal.append(text, i, open);
      String inside = text.substring(open + 2, close);
      switch (inside) {
        case "*", "?", "$" -> {
          if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
          }
          parts.add(new Var("", inside));
          any = true;
        }
        default -> {
          if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
          }
          parts.add(variable(inside, text, source, pointer));
          any = true;
        }
      }
      i = close + 1;
    }
    if (literal.length() > 0) {
      parts.add(literal.toString());
    }
    return new Template(text, parts.toArray(), any);
  }

  private static Var variable(String inside, String text, String source, String pointer) {
    int comma = inside.indexOf(',');
    if (comma < 0) {
      String key = inside.trim();
      if (key.isEmpty()) {
        throw new PolicyException(
            source, pointer, "empty policy variable `${}` in `" + text + "`: name a key");
      }
      return new Var(key.toLowerCase(Locale.ROOT), null);
    }
    String key = inside.substring(0, comma).trim();
    String rest = inside.substring(comma + 1).trim();
    if (key.isEmpty() || rest.length() < 2 || rest.charAt(0) != '\'' || !rest.endsWith("'")) {
      throw new PolicyException(
          source,
          pointer,
          "malformed default in policy variable `${" + inside + "}`: write `${key, 'default'}`");
    }
    return new Var(key.toLowerCase(Locale.ROOT), rest.substring(1, rest.length() - 1));
  }

  /** A template without variables. */
  public static Template literal(String text) {
    return new Template(text, new Object[] {text}, false);
  }

  /** The text as written. */
  public String text() {
    return text;
  }

  /** True when the text holds at least one variable. */
  public boolean hasVariables() {
    return hasVariables;
  }

  /** Adds the condition keys the variables read (lowercased) to {@code keys}. */
  public void collectKeys(Set<String> keys) {
    for (Object part : parts) {
      if (part instanceof Var var && !var.key().isEmpty()) {
        keys.add(var.key());
      }
    }
  }

  /**
   * Substitutes the variables.
   *
   * @param escapeWildcards when true, substituted text (and the fixed {@code ${*}}, {@code ${?}},
   *     {@code ${$}}) has {@code *}, {@code ?} and backslash escaped with a backslash, so that a
   *     glob compiled with escapes treats it as literal; literal parts are left as written
   * @return the text, or null when a variable is missing from the context (or multivalued) and has
   *     no default
   */
  public @Nullable String resolve(RequestContext context, boolean escapeWildcards) {
    return resolve(Keys.of(context), escapeWildcards);
  }

  /** As {@link #resolve(RequestContext, boolean)}, over a view of the request's keys. */
  public @Nullable String resolve(Keys context, boolean escapeWildcards) {
    if (!hasVariables) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (Object part : parts) {
      if (part instanceof String literal) {
        if (escapeWildcards) {
          escapeBackslashes(literal, out);
        } else {
          out.append(literal);
        }
        continue;
      }
      String value = value((Var) part, context);
      if (value == null) {
        return null;
      }
      if (escapeWildcards) {
        escape(value, out);
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }

  /**
   * True when {@code text} equals this template with its variables substituted (as {@link
   * #resolve(Keys, boolean)} without escapes gives it), compared piece by piece without building
   * the substituted text. False when a variable is missing and has no default.
   */
  public boolean equalsResolved(Keys context, String text, boolean ignoreCase) {
    int at = 0;
    for (Object part : parts) {
      String piece;
      if (part instanceof String literal) {
        piece = literal;
      } else {
        String value = value((Var) part, context);
        if (value == null) {
          return false;
        }
        piece = value;
      }
      if (!text.regionMatches(ignoreCase, at, piece, 0, piece.length())) {
        return false;
      }
      at += piece.length();
    }
    return at == text.length();
  }

  /** The value a variable takes: the key's single value, else the default (null: none). */
  private static @Nullable String value(Var var, Keys context) {
    if (var.key().isEmpty()) {
      return var.defaultValue();
    }
    List<String> values = context.values(var.key());
    return values != null && values.size() == 1 ? values.get(0) : var.defaultValue();
  }

  private static void escape(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
  }

  private static void escapeBackslashes(String literal, StringBuilder out) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
