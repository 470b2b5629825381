package dev.orgauthz.internal.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Action} or {@code NotAction} list of a statement, compiled. The service prefix is
 * compared literally (case-insensitively) and the action name as a case-insensitive glob; an entry
 * with an empty name or white space matches nothing.
 */
public final class ActionMatcher {
  private final boolean everything;
  private final String[] services;
  private final Glob[] names;

  private ActionMatcher(boolean everything, String[] services, Glob[] names) {
    this.everything = everything;
    this.services = services;
    this.names = names;
  }

  /** Compiles the patterns of one list. */
  public static ActionMatcher compile(List<String> patterns) {
    List<String> services = new ArrayList<>();
    List<Glob> names = new ArrayList<>();
    boolean everything = false;
    for (String pattern : patterns) {
      if (pattern.equals("*")) {
        everything = true;
        continue;
      }
      int colon = pattern.indexOf(':');
      String name = colon < 0 ? "" : pattern.substring(colon + 1);
      if (colon <= 0 || name.isEmpty() || hasWhitespace(pattern)) {
        continue;
      }
      services.add(pattern.substring(0, colon).toLowerCase(Locale.ROOT));
      names.add(Glob.ofIgnoreCase(name));
    }
    return new ActionMatcher(
        everything, services.toArray(new String[0]), names.toArray(new Glob[0]));
  }

  /**
   * True when a listed pattern matches the action. Case-insensitive: the action need not be
   * lowercased.
   *
   * @param action the action
   * @param colon the index of the colon that ends the service prefix in {@code action}
   */
  public boolean matches(String action, int colon) {
    if (everything) {
      return true;
    }
    for (int i = 0; i < services.length; i++) {
      String service = services[i];
      if (service.length() == colon
          && action.regionMatches(true, 0, service, 0, colon)
          && names[i].matches(action, colon + 1, action.length())) {
        return true;
      }
    }
    return false;
  }

  /** The service prefixes named, lowercased; empty when the list holds {@code *}. */
  public List<String> services() {
    return everything ? List.of() : List.of(services);
  }

  /** True when the list holds {@code *}. */
  public boolean matchesEverything() {
    return everything;
  }

  private static boolean hasWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
