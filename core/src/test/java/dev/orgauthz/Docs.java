package dev.orgauthz;

import dev.orgauthz.policy.Effect;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import dev.orgauthz.policy.Statement;
import java.util.List;

/** Policy documents built directly, for tests of the model that need no parser. */
final class Docs {
  private Docs() {}

  /** A document with one {@code Allow * *} statement. */
  static PolicyDocument allowAll(PolicyType type) {
    return sized(type, 60);
  }

  /** An {@code Allow * *} document whose text has the given length. */
  static PolicyDocument sized(PolicyType type, int length) {
    Statement statement =
        new Statement(
            0,
            null,
            Effect.ALLOW,
            null,
            false,
            List.of("*"),
            false,
            List.of("*"),
            false,
            List.of(),
            "/Statement/0");
    String text = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
    text = text + " ".repeat(Math.max(0, length - text.length()));
    return new PolicyDocument(
        type, "2012-10-17", null, List.of(statement), text, "test", List.of());
  }
}
