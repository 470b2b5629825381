package dev.orgauthz.testing;

import dev.orgauthz.Authorizer;
import dev.orgauthz.testing.intent.Answers;
import dev.orgauthz.testing.intent.Expected;
import dev.orgauthz.testing.intent.Question;
import dev.orgauthz.testing.intent.Question.Where;
import dev.orgauthz.testing.intent.Question.Who;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.api.WritableAssertionInfo;
import org.jspecify.annotations.Nullable;

/**
 * The action of a question being written: add the resource, region, condition keys or time, then
 * say where with {@link #in}, {@link #inEveryAccountOf} or {@link #inEveryAccount}, which ask the
 * question and verify the answer.
 */
public final class ActionClause {
  private final Authorizer authorizer;
  private final Who who;
  private final @Nullable String permissionSet;
  private final String action;
  private final Expected expected;
  private final @Nullable SoftAssertionsProvider soft;
  private final WritableAssertionInfo info;

  private String resource = "*";
  private @Nullable String region;
  private final Map<String, List<String>> context = new LinkedHashMap<>();
  private @Nullable Instant time;

  ActionClause(
      Authorizer authorizer,
      Who who,
      @Nullable String permissionSet,
      String action,
      Expected expected,
      @Nullable SoftAssertionsProvider soft,
      WritableAssertionInfo info) {
    this.authorizer = authorizer;
    this.who = who;
    this.permissionSet = permissionSet;
    this.action = action;
    this.expected = expected;
    this.soft = soft;
    this.info = info;
  }

  /** On this resource ARN; {@code *} when not given. */
  public ActionClause on(String resource) {
    this.resource = resource;
    return this;
  }

  /** In this region, which sets {@code aws:RequestedRegion}; absent when not given. */
  public ActionClause inRegion(String region) {
    this.region = region;
    return this;
  }

  /** With a single-valued condition key, which wins over the key the authorizer derives. */
  public ActionClause withContext(String key, String value) {
    context.put(key, List.of(value));
    return this;
  }

  /** With a multivalued condition key, which wins over the key the authorizer derives. */
  public ActionClause withContext(String key, List<String> values) {
    context.put(key, List.copyOf(values));
    return this;
  }

  /** At this time ({@code aws:CurrentTime}); the authorizer's clock when not given. */
  public ActionClause at(Instant time) {
    this.time = time;
    return this;
  }

  /**
   * Asks the question in one account (id or name) and verifies the answer.
   *
   * @throws IllegalArgumentException when a name does not resolve
   */
  public AnswersAssert in(String account) {
    return ask(Where.account(account));
  }

  /**
   * Asks the question in every account under an organizational unit (id or name, or the root),
   * nested OUs included, and verifies every answer.
   *
   * @throws IllegalArgumentException when a name does not resolve or the OU holds no account
   */
  public AnswersAssert inEveryAccountOf(String organizationalUnit) {
    return ask(Where.organizationalUnit(organizationalUnit));
  }

  /**
   * Asks the question in every account of the organization and verifies every answer.
   *
   * @throws IllegalArgumentException when a name does not resolve
   */
  public AnswersAssert inEveryAccount() {
    return ask(Where.everyAccount());
  }

  private AnswersAssert ask(Where where) {
    Question.Builder question = Question.builder(who, action, where).resource(resource);
    if (permissionSet != null) {
      question.permissionSet(permissionSet);
    }
    if (region != null) {
      question.region(region);
    }
    context.forEach(question::context);
    if (time != null) {
      question.time(time);
    }
    Answers answers = question.build().ask(authorizer);
    AnswersAssert out = Nesting.answers(soft, answers, info);
    return expected == Expected.ALLOWED ? out.isAllowed() : out.isDenied();
  }
}
