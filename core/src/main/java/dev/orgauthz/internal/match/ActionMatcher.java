package dev.orgauthz.internal.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Action} or {@code NotAction} list of a statement, compiled. The service prefix is
 * compared literally (case-insensitively) and the action name as a case-insensitive glob; an entry
 * with an empty name or white space matches nothing. The patterns are grouped by service, so a long
 * list costs one lookup and the patterns of one service.
 */
public final class ActionMatcher {
  private static final Glob[] NONE = {};

  private final boolean everything;
  private final ServiceTable<Glob[]> byService;
  private final List<String> services;

  private ActionMatcher(boolean everything, Map<String, Glob[]> byService) {
    this.everything = everything;
    this.byService = new ServiceTable<>(byService);
    this.services = List.copyOf(byService.keySet());
  }

  /** Compiles the patterns of one list. */
  public static ActionMatcher compile(List<String> patterns) {
    Map<String, List<Glob>> grouped = new LinkedHashMap<>();
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
      String service = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
      grouped.computeIfAbsent(service, s -> new ArrayList<>()).add(Glob.ofIgnoreCase(name));
    }
    Map<String, Glob[]> byService = new LinkedHashMap<>();
    grouped.forEach(
        (service, globs) -> {
          // A service-wide `service:*` makes the other patterns of that service redundant.
          Glob all = null;
          for (Glob glob : globs) {
            if (glob.matchesEverything()) {
              all = glob;
            }
          }
          byService.put(service, all != null ? new Glob[] {all} : globs.toArray(NONE));
        });
    return new ActionMatcher(everything, byService);
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
    Glob[] names = byService.get(action, colon);
    if (names == null) {
      return false;
    }
    int end = action.length();
    for (Glob name : names) {
      if (name.matches(action, colon + 1, end)) {
        return true;
      }
    }
    return false;
  }

  /** The service prefixes named, lowercased; empty when the list holds {@code *}. */
  public List<String> services() {
    return everything ? List.of() : services;
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
