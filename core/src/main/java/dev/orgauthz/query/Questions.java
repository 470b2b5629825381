package dev.orgauthz.query;

/** Checks shared by the questions' compact constructors. */
final class Questions {
  private Questions() {}

  static void requireAction(String action) {
    if (action.indexOf(':') <= 0 || action.endsWith(":")) {
      throw new IllegalArgumentException(
          "action `" + action + "` is not of the form service:Action, such as `s3:GetObject`");
    }
  }

  static void requireResource(String resource) {
    if (resource.isEmpty()) {
      throw new IllegalArgumentException("resource is empty: give an ARN or `*`");
    }
  }
}
