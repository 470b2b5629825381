package dev.orgauthz.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "`{0}` vs `{1}` -> {2}")
  @CsvSource({
    "*, '', true",
    "*, anything, true",
    "a*, a, true",
    "a*, ab, true",
    "a*, ba, false",
    "*a, ba, true",
    "*a, ab, false",
    "a?c, abc, true",
    "a?c, ac, false",
    "a?c, abbc, false",
    "a*b*c, abc, true",
    "a*b*c, axxbyyc, true",
    "a*b*c, axxbyy, false",
    "*b*, abc, true",
    "*b*, ac, false",
    "??, ab, true",
    "??, a, false",
    "a*a, a, false",
    "a*a, aa, true",
    "*ab*ab*, abab, true",
    "*ab*ab*, aba, false",
    "x*?y, xy, false",
    "x*?y, xay, true",
    "literal, literal, true",
    "literal, Literal, false",
  })
  void matches(String pattern, String text, boolean expected) {
    assertThat(Glob.of(pattern).matches(text)).isEqualTo(expected);
  }

  @Test
  void ignoreCaseComparesLowercase() {
    assertThat(Glob.ofIgnoreCase("*AccessKey*").matches("listaccesskeys")).isTrue();
    assertThat(Glob.ofIgnoreCase("Get*").matches("getobject")).isTrue();
  }

  @Test
  void escapesMakeWildcardsLiteral() {
    Glob glob = Glob.withEscapes("a\\*b*", false);
    assertThat(glob.matches("a*bzz")).isTrue();
    assertThat(glob.matches("axbzz")).isFalse();
    assertThat(Glob.withEscapes("a\\?", false).matches("ab")).isFalse();
    assertThat(Glob.withEscapes("a\\\\", false).matches("a\\")).isTrue();
  }

  @Test
  void matchesARange() {
    assertThat(Glob.of("b*d").matches("abcde", 1, 4)).isTrue();
    assertThat(Glob.of("b*d").matches("abcde", 0, 4)).isFalse();
  }

  @Test
  void pathologicalPatternTakesLinearTime() {
    String pattern = "*a".repeat(5_000) + "*b";
    String text = "a".repeat(200_000);
    Glob glob = Glob.of(pattern);
    long start = System.nanoTime();
    assertThat(glob.matches(text)).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Property(tries = 2000)
  void agreesWithARegularExpression(
      @ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'c') String literal,
      @ForAll @StringLength(max = 8) @CharRange(from = '*', to = '?') String shape,
      @ForAll @StringLength(max = 10) @CharRange(from = 'a', to = 'c') String text) {
    // Interleave wildcards (from `shape`, keeping only * and ?) with literal characters.
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < Math.max(literal.length(), shape.length()); i++) {
      if (i < shape.length() && (shape.charAt(i) == '*' || shape.charAt(i) == '?')) {
        pattern.append(shape.charAt(i));
      }
      if (i < literal.length()) {
        pattern.append(literal.charAt(i));
      }
    }
    assertThat(Glob.of(pattern.toString()).matches(text))
        .as("`%s` vs `%s`", pattern, text)
        .isEqualTo(reference(pattern.toString()).matcher(text).matches());
  }

  private static Pattern reference(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(
          switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
