package dev.orgauthz.cli;

/** Small pieces of text the commands share. */
final class Texts {
  private Texts() {}

  /** {@code 1 user}, {@code 3 users}. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
