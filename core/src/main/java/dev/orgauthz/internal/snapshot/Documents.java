package dev.orgauthz.internal.snapshot;

import dev.orgauthz.internal.policy.PolicyReader;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyException;
import dev.orgauthz.policy.PolicyLimits;
import dev.orgauthz.policy.PolicyType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Policy documents inside export and snapshot files, read with the policy reader. */
final class Documents {
  private Documents() {}

  /**
   * Parses a document given as a JSON object or as text (JSON or URL-encoded JSON). Records an
   * error at the document's place in the file and returns null when the document is invalid.
   *
   * @param node the document, an object or a string
   * @param source the document's source, kept on the document for messages and findings
   * @param file the file that holds it
   * @param pointer the JSON pointer of the document in the file
   */
  static @Nullable PolicyDocument parse(
      JsonNode node,
      PolicyType type,
      String source,
      String file,
      String pointer,
      Problems problems) {
    try {
      if (node.isString()) {
        return PolicyReader.read(node.stringValue(), type, source, PolicyLimits.DEFAULT);
      }
      return PolicyReader.read(node, type, source, PolicyLimits.DEFAULT);
    } catch (PolicyException e) {
      if (node.isString()) {
        problems.add(
            file,
            pointer,
            "the "
                + type.displayName()
                + (e.pointer().isEmpty() ? "" : " at " + e.pointer() + " in this text")
                + " is invalid: "
                + e.problem());
      } else {
        problems.add(
            file,
            pointer + e.pointer(),
            "the " + type.displayName() + " is invalid: " + e.problem());
      }
      return null;
    }
  }
}
