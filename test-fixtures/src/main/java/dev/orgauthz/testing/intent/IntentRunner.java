package dev.orgauthz.testing.intent;

import dev.orgauthz.Authorizer;
import java.util.ArrayList;
import java.util.List;

/** Runs intents against an {@link Authorizer}. */
public final class IntentRunner {
  private IntentRunner() {}

  /**
   * Runs one intent. A name that does not resolve, or a question that stands for no request, is an
   * error result, never a pass.
   */
  public static IntentResult run(Authorizer authorizer, Intent intent) {
    try {
      return new IntentResult(intent, intent.check(authorizer), null);
    } catch (IllegalArgumentException e) {
      return new IntentResult(intent, null, String.valueOf(e.getMessage()));
    }
  }

  /** Runs intents in order, one result each. */
  public static List<IntentResult> run(Authorizer authorizer, List<Intent> intents) {
    List<IntentResult> out = new ArrayList<>(intents.size());
    for (Intent intent : intents) {
      out.add(run(authorizer, intent));
    }
    return List.copyOf(out);
  }
}
