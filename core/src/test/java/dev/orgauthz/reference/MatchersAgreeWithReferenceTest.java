package dev.orgauthz.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.internal.match.ActionMatcher;
import dev.orgauthz.internal.match.ArnPattern;
import dev.orgauthz.internal.match.Glob;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/**
 * The compiled matchers of {@code internal.match} against the naive recursive glob of the {@link
 * ReferenceEvaluator}: actions (case-insensitive, service prefix literal), resource ARNs (segment
 * by segment, a segment-final {@code *} running on), and the parts of {@link Glob} that {@code
 * GlobTest} does not hold against a regular expression (ignoring case, matching a range).
 */
class MatchersAgreeWithReferenceTest {

  @Property(tries = 3000)
  void actionMatcherAgreesWithTheReference(
      @ForAll("actionPatterns") String pattern, @ForAll("actions") String action) {
    int colon = action.indexOf(':');

    boolean actual = ActionMatcher.compile(List.of(pattern)).matches(action, colon);

    assertThat(actual)
        .as("`%s` vs `%s`", pattern, action)
        .isEqualTo(ReferenceEvaluator.actionMatches(pattern, action));
    Statistics.collect(actual);
  }

  @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
  void arnPatternAgreesWithTheReference(@ForAll("arnCases") List<String> patternAndResource) {
    String pattern = patternAndResource.get(0);
    String resource = patternAndResource.get(1);
    int[] colons = new int[5];
    boolean isArn = ArnPattern.colons(resource, colons);

    boolean actual = ArnPattern.compile(pattern, false).matches(resource, isArn ? colons : null);

    assertThat(actual)
        .as("`%s` vs `%s`", pattern, resource)
        .isEqualTo(ReferenceEvaluator.resourceMatches(pattern, resource));
    Statistics.label("matches").collect(actual);
    Statistics.label("matches").coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  @Property(tries = 2000)
  void globIgnoringCaseOverARangeAgreesWithTheReference(
      @ForAll @StringLength(max = 8) @CharRange(from = '*', to = '?') String shape,
      @ForAll @StringLength(max = 6) @CharRange(from = 'a', to = 'c') String literal,
      @ForAll @StringLength(max = 10) @CharRange(from = 'A', to = 'c') String text,
      @ForAll @IntRange(max = 3) int cut) {
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < Math.max(shape.length(), literal.length()); i++) {
      if (i < shape.length() && (shape.charAt(i) == '*' || shape.charAt(i) == '?')) {
        pattern.append(shape.charAt(i));
      }
      if (i < literal.length()) {
        pattern.append(i % 2 == 0 ? literal.charAt(i) : Character.toUpperCase(literal.charAt(i)));
      }
    }
    int from = Math.min(cut, text.length());
    int to = text.length() - Math.min(cut, text.length() - from);

    boolean actual = Glob.ofIgnoreCase(pattern.toString()).matches(text, from, to);

    String lower = pattern.toString().toLowerCase(Locale.ROOT);
    assertThat(actual)
        .as("`%s` vs `%s`[%d, %d)", pattern, text, from, to)
        .isEqualTo(
            ReferenceEvaluator.glob(lower, text.substring(from, to).toLowerCase(Locale.ROOT)));
  }

  @Property(tries = 2000)
  void globWithEscapesAgreesWithTheReference(
      @ForAll @StringLength(max = 8) @CharRange(from = '*', to = '?') String shape,
      @ForAll @StringLength(max = 8) @CharRange(from = 'a', to = 'c') String literal,
      @ForAll @StringLength(max = 8) @CharRange(from = '*', to = 'c') String text,
      @ForAll boolean ignoreCase) {
    // Interleave wildcards, backslashes and literal characters, some in upper case.
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < Math.max(shape.length(), literal.length()); i++) {
      if (i < shape.length() && "*?\\".indexOf(shape.charAt(i)) >= 0) {
        pattern.append(shape.charAt(i));
      }
      if (i < literal.length()) {
        pattern.append(i % 3 == 0 ? Character.toUpperCase(literal.charAt(i)) : literal.charAt(i));
      }
    }
    String written = pattern.toString();

    boolean actual = Glob.withEscapes(written, ignoreCase).matches(text);

    assertThat(actual)
        .as("`%s` (ignore case %s) vs `%s`", written, ignoreCase, text)
        .isEqualTo(escapedGlob(written, 0, text, 0, ignoreCase));
  }

  /**
   * The reference for a glob with escapes: a backslash makes the next character literal (a final
   * backslash is itself); {@code *} any run; {@code ?} one character.
   */
  private static boolean escapedGlob(String p, int i, String t, int j, boolean ignoreCase) {
    if (i == p.length()) {
      return j == t.length();
    }
    char c = p.charAt(i);
    if (c == '*') {
      for (int k = j; k <= t.length(); k++) {
        if (escapedGlob(p, i + 1, t, k, ignoreCase)) {
          return true;
        }
      }
      return false;
    }
    boolean escaped = c == '\\' && i + 1 < p.length();
    char literal = escaped ? p.charAt(i + 1) : c;
    int next = escaped ? i + 2 : i + 1;
    if (j == t.length()) {
      return false;
    }
    boolean same =
        (!escaped && c == '?')
            || (ignoreCase
                ? Character.toLowerCase(literal) == Character.toLowerCase(t.charAt(j))
                : literal == t.charAt(j));
    return same && escapedGlob(p, next, t, j + 1, ignoreCase);
  }

  // ---- generators

  private static final List<String> SERVICES = List.of("s3", "S3", "ec2", "iam");
  private static final List<String> NAMES =
      List.of(
          "GetObject",
          "getobject",
          "GetObjectAcl",
          "PutObject",
          "ListBuckets",
          "Get",
          "Get Object");

  @Provide
  Arbitrary<String> actions() {
    return Combinators.combine(Arbitraries.of(SERVICES), Arbitraries.of(NAMES))
        .as((s, n) -> s + ":" + n);
  }

  @Provide
  Arbitrary<String> actionPatterns() {
    Arbitrary<String> name =
        Combinators.combine(Arbitraries.of(NAMES), WILDCARDS.list().ofMaxSize(2))
            .as(MatchersAgreeWithReferenceTest::apply);
    Arbitrary<String> scoped =
        Combinators.combine(Arbitraries.of("s3", "S3", "ec2", "s?", "*"), name)
            .as((s, n) -> s + ":" + n);
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of("*", "s3:", "s3:Get* ", " s3:*", "s3:Get Object")),
        Tuple.of(9, scoped));
  }

  private static Arbitrary<String> arns() {
    Arbitrary<String> resource =
        Arbitraries.strings().withChars("ab:/-").ofMaxLength(8).map(r -> "x" + r);
    return Combinators.combine(
            Arbitraries.of("aws", "aws-cn"),
            Arbitraries.of("s3", "ec2", "logs"),
            Arbitraries.of("", "eu-west-1", "us-east-1"),
            Arbitraries.of("", "111111111111", "222222222222"),
            resource)
        .as((p, s, r, a, res) -> "arn:" + p + ":" + s + ":" + r + ":" + a + ":" + res);
  }

  /**
   * A pattern and a resource, both derived from one ARN so that they often match: the pattern with
   * up to three wildcards (kept an ARN of six parts, as the reader requires), the resource with up
   * to two characters inserted (colons among them, which shift the parts) or replaced by {@code *}.
   */
  @Provide
  Arbitrary<List<String>> arnCases() {
    return Combinators.combine(
            arns(),
            WILDCARDS.list().ofMaxSize(3),
            EDITS.list().ofMaxSize(2),
            Arbitraries.frequency(Tuple.of(1, true), Tuple.of(15, false)))
        .as(
            (arn, wildcards, edits, literalStar) -> {
              String patternText = apply(arn, wildcards);
              if (!patternText.startsWith("arn:") || patternText.split(":", 6).length != 6) {
                patternText = arn;
              }
              String resource = arn;
              for (Edit edit : edits) {
                resource = edit.apply(resource);
              }
              return List.of(literalStar ? "*" : patternText, resource);
            });
  }

  /**
   * An edit of a resource: a character inserted at a position (modulo its length), or with {@code
   * '|'} the text cut there, which may leave it no ARN.
   */
  private record Edit(char inserted, int at) {
    String apply(String text) {
      int position = at % (text.length() + 1);
      if (inserted == '|') {
        return text.substring(0, position);
      }
      return text.substring(0, position) + inserted + text.substring(position);
    }
  }

  private static final Arbitrary<Edit> EDITS =
      Combinators.combine(
              Arbitraries.of(':', ':', 'a', '/', '*', '|'), Arbitraries.integers().between(0, 60))
          .as(Edit::new);

  /**
   * One wildcard to put in a text: a character made {@code ?} (mode 1) or a run of {@code size}
   * characters made {@code *} (mode 2, or 0 to leave the text as is), at {@code start} modulo its
   * length.
   */
  private record Wildcard(int mode, int start, int size) {
    String apply(String text) {
      if (text.isEmpty()) {
        return mode == 1 ? "?" : mode == 2 ? "*" : text;
      }
      int from = start % text.length();
      int end = Math.min(text.length(), from + size);
      return switch (mode) {
        case 0 -> text;
        case 1 -> text.substring(0, from) + '?' + text.substring(from + 1);
        default -> text.substring(0, from) + '*' + text.substring(end);
      };
    }
  }

  private static final Arbitrary<Wildcard> WILDCARDS =
      Combinators.combine(
              Arbitraries.integers().between(0, 2),
              Arbitraries.integers().between(0, 40),
              Arbitraries.integers().between(0, 5))
          .as(Wildcard::new);

  private static String apply(String text, List<Wildcard> wildcards) {
    String out = text;
    for (Wildcard wildcard : wildcards) {
      out = wildcard.apply(out);
    }
    return out;
  }
}
