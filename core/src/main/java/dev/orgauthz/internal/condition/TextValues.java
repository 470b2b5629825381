package dev.orgauthz.internal.condition;

import dev.orgauthz.internal.condition.Operator.Kind;
import dev.orgauthz.internal.match.Glob;
import dev.orgauthz.policy.ConditionClause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The values of a String, Arn or Bool operator: the kinds whose values may hold policy variables.
 * Values without variables are compiled once; values with variables are kept as templates and
 * compiled when the request is known. In StringLike and Arn patterns the substituted text is
 * literal: a {@code *} in a tag value does not act as a wildcard.
 */
final class TextValues extends PolicyValues {
  private static final Keys EMPTY_KEYS = Keys.of(dev.orgauthz.evaluation.RequestContext.empty());

  private static final Template[] NO_TEMPLATES = {};

  /** One compiled policy value. */
  private interface Matcher {
    boolean matches(String requestValue);
  }

  private final Kind kind;
  private final Matcher[] matchers;
  private final Template[] templates;

  private TextValues(Kind kind, Matcher[] matchers, Template[] templates) {
    this.kind = kind;
    this.matchers = matchers;
    this.templates = templates;
  }

  static TextValues compile(
      Kind kind, ConditionClause clause, boolean variablesEnabled, String source) {
    boolean variables = variablesEnabled && kind.allowsVariables();
    List<Matcher> matchers = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    for (String value : clause.values()) {
      Template template = Template.parse(value, variables, source, clause.pointer());
      String text = value;
      boolean escaped = false;
      if (template.hasVariables()) {
        Set<String> keys = new HashSet<>();
        template.collectKeys(keys);
        if (!keys.isEmpty()) {
          templates.add(template);
          continue;
        }
        // Only ${*}, ${?} or ${$}: the text is known now.
        escaped = escapes(kind);
        text = requireResolved(template.resolve(EMPTY_KEYS, escaped));
      }
      Matcher matcher = matcher(kind, text, escaped);
      if (matcher == null && kind == Kind.BOOL) {
        throw unreadable(clause, source, value, "a boolean", "write `true` or `false`");
      }
      // An Arn value without six parts matches no request value (semantics 4.3): leave it out.
      if (matcher != null) {
        matchers.add(matcher);
      }
    }
    return new TextValues(kind, matchers.toArray(new Matcher[0]), templates.toArray(NO_TEMPLATES));
  }

  private static String requireResolved(@Nullable String text) {
    if (text == null) {
      throw new IllegalStateException("fixed policy variables always resolve");
    }
    return text;
  }

  /** True when substituted text must be escaped because the kind reads its values as globs. */
  private static boolean escapes(Kind kind) {
    return kind == Kind.STRING_LIKE || kind == Kind.ARN;
  }

  /**
   * Compiles one value, or returns null when the kind cannot read it (a Bool value other than true
   * or false, an Arn value without six parts).
   *
   * @param escaped true when the text came from a template resolved with escapes
   */
  private static @Nullable Matcher matcher(Kind kind, String text, boolean escaped) {
    return switch (kind) {
      case STRING -> text::equals;
      case STRING_IGNORE_CASE -> text::equalsIgnoreCase;
      case STRING_LIKE -> glob(text, escaped)::matches;
      case BOOL -> bool(text);
      case ARN -> {
        ArnPattern pattern = ArnPattern.compile(text, escaped);
        yield pattern != null ? pattern::matches : null;
      }
      default -> throw new IllegalArgumentException("not a text kind: " + kind);
    };
  }

  /** A glob; with {@code escaped}, a backslash makes the next character literal. */
  static Glob glob(String pattern, boolean escaped) {
    return escaped ? Glob.withEscapes(pattern, false) : Glob.of(pattern);
  }

  private static @Nullable Matcher bool(String text) {
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      return null;
    }
    return text::equalsIgnoreCase;
  }

  @Override
  int test(String requestValue) {
    if (kind == Kind.ARN && !ArnPattern.isArn(requestValue)) {
      return UNREADABLE;
    }
    if (kind == Kind.BOOL
        && !requestValue.equalsIgnoreCase("true")
        && !requestValue.equalsIgnoreCase("false")) {
      return UNREADABLE;
    }
    for (int i = 0; i < matchers.length; i++) {
      if (matchers[i].matches(requestValue)) {
        return MATCH;
      }
    }
    return NO_MATCH;
  }

  @Override
  boolean hasVariables() {
    return templates.length > 0;
  }

  /** String and StringIgnoreCase values compare with substituted text in place. */
  @Override
  boolean testsInPlace() {
    return kind == Kind.STRING || kind == Kind.STRING_IGNORE_CASE;
  }

  @Override
  int test(String requestValue, Keys context) {
    int fixed = test(requestValue);
    if (fixed == MATCH || templates.length == 0) {
      return fixed;
    }
    boolean ignoreCase = kind == Kind.STRING_IGNORE_CASE;
    for (Template template : templates) {
      if (template.equalsResolved(context, requestValue, ignoreCase)) {
        return MATCH;
      }
    }
    return NO_MATCH;
  }

  @Override
  PolicyValues bind(Keys context) {
    if (templates.length == 0) {
      return this;
    }
    boolean escaped = escapes(kind);
    Matcher[] bound = Arrays.copyOf(matchers, matchers.length + templates.length);
    int count = matchers.length;
    for (Template template : templates) {
      String text = template.resolve(context, escaped);
      Matcher matcher = text != null ? matcher(kind, text, escaped) : null;
      if (matcher != null) {
        bound[count++] = matcher;
      }
    }
    return new TextValues(kind, Arrays.copyOf(bound, count), NO_TEMPLATES);
  }

  @Override
  void collectKeys(Set<String> keys) {
    for (Template template : templates) {
      template.collectKeys(keys);
    }
  }
}
