package dev.orgauthz.testing;

import dev.orgauthz.testing.intent.Answer;
import dev.orgauthz.testing.intent.Verdict;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The expected and actual values of a failed verdict, one line per answer, so that an IDE's
 * comparison shows exactly the answers that differ.
 */
final class VerdictText {
  private VerdictText() {}

  static String expected(Verdict verdict) {
    StringBuilder out = new StringBuilder();
    for (Answer answer : verdict.answers()) {
      out.append(answer.label()).append(": ").append(verdict.expectation().describe()).append('\n');
    }
    return out.toString();
  }

  static String actual(Verdict verdict) {
    Map<Answer, String> reasons = new IdentityHashMap<>();
    verdict.mismatches().forEach(m -> reasons.put(m.answer(), m.reason()));
    StringBuilder out = new StringBuilder();
    for (Answer answer : verdict.answers()) {
      String reason = reasons.get(answer);
      out.append(answer.label())
          .append(": ")
          .append(reason != null ? reason : verdict.expectation().describe())
          .append('\n');
    }
    return out.toString();
  }
}
