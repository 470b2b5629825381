package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** StringLike agrees with a deliberately simple reference: a regular expression. */
class StringLikePropertyTest {
  @Property(tries = 2000)
  void agreesWithARegularExpression(
      @ForAll @Chars({'a', 'b', '*', '?', '.', '\\', '$'}) @StringLength(max = 7) String pattern,
      @ForAll @Chars({'a', 'b', '.', '\\', '$'}) @StringLength(max = 8) String text) {
    boolean expected = reference(pattern).matcher(text).matches();

    assertThat(Cases.holds("StringLike", pattern, "k=" + text)).isEqualTo(expected);
    assertThat(Cases.holds("StringNotLike", pattern, "k=" + text)).isEqualTo(!expected);
  }

  /** Substituted text is literal: a variable holding wildcards matches only itself. */
  @Property(tries = 500)
  void substitutedTextIsLiteral(
      @ForAll @Chars({'a', '*', '?', '\\'}) @StringLength(max = 5) String name,
      @ForAll @Chars({'a', '*', '?', '\\'}) @StringLength(max = 5) String text) {
    ConditionSet set = Cases.compile("StringLike", Cases.KEY, "x${aws:username}", true);
    RequestContext request =
        RequestContext.builder().put("k", "x" + text).put("aws:username", name).build();

    assertThat(set.matches(request)).isEqualTo(text.equals(name));
  }

  /**
   * Without {@code *} and {@code ?}, every printable character stands for itself (Version
   * 2008-10-17, so that {@code ${} is text too).
   */
  @Property(tries = 500)
  void withoutWildcardsIsEquality(
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 6) String pattern,
      @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 6) String text) {
    String literal = pattern.replace("*", "").replace("?", "");
    ConditionSet set =
        ConditionSet.compile(
            List.of(new ConditionClause("StringLike", "k", List.of(literal), "/")), false, "p");

    assertThat(set.matches(RequestContext.builder().put("k", literal).build())).isTrue();
    assertThat(set.matches(RequestContext.builder().put("k", text).build()))
        .isEqualTo(text.equals(literal));
  }

  private static Pattern reference(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
