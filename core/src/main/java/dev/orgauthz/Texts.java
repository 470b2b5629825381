package dev.orgauthz;

import org.jspecify.annotations.Nullable;

/** Small text helpers shared by the explanation types. */
final class Texts {
  private Texts() {}

  /** A level of the organization: {@code Testing (ou-ex12-testing)}, or the id alone. */
  static String level(String id, @Nullable String name) {
    return name != null && !name.equals(id) ? name + " (" + id + ")" : id;
  }
}
