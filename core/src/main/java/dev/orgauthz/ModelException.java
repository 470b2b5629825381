package dev.orgauthz;

/**
 * A model that AWS would reject or whose references do not resolve: two nodes with one id, an
 * assignment to an unknown permission set, a customer managed policy reference that an assigned
 * account lacks. The message names the thing and what would fix it. Suspicious but legal models are
 * not errors: they are findings ({@link Snapshot#findings()}).
 */
public final class ModelException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and how to fix it, lowercase, without a trailing period
   */
  public ModelException(String message) {
    super(message);
  }
}
