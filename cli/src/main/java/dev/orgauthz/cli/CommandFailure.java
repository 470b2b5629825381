package dev.orgauthz.cli;

/**
 * A command that cannot do its work for a reason the user can fix (a path that does not exist, an
 * input that cannot be read). {@link Main} prints the message as one line on standard error and
 * exits with status 2; with {@code --debug}, the stack trace too.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit status of a command that cannot run. */
  static final int EXIT_STATUS = 2;

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
