package dev.orgauthz.policy;

import static java.util.Objects.requireNonNull;

/**
 * Something suspicious but legal, found while reading a policy or a model: AWS accepts it, yet it
 * probably does not do what its author meant. Findings are data; the library never logs them.
 *
 * @param code a stable identifier such as {@code scp-too-large}
 * @param source where the document came from
 * @param pointer the JSON pointer of the element, {@code ""} for the whole document
 * @param message what was found, lowercase, without a trailing period
 */
public record Finding(String code, String source, String pointer, String message) {
  public Finding {
    requireNonNull(code, "code");
    requireNonNull(source, "source");
    requireNonNull(pointer, "pointer");
    requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return code + ": " + source + (pointer.isEmpty() ? "" : " at " + pointer) + ": " + message;
  }
}
