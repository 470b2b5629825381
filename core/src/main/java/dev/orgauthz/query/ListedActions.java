package dev.orgauthz.query;

import dev.orgauthz.Snapshot;
import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An {@link ActionCatalog} held in memory. */
final class ListedActions implements ActionCatalog {
  private final Map<String, List<String>> byService;
  private final List<String> services;

  private ListedActions(Map<String, List<String>> byService) {
    this.byService = byService;
    this.services = List.copyOf(byService.keySet());
  }

  static ListedActions of(Collection<String> actions) {
    Map<String, Map<String, String>> services = new TreeMap<>();
    for (String action : actions) {
      int colon = action.indexOf(':');
      if (colon <= 0 || colon == action.length() - 1 || action.indexOf(':', colon + 1) >= 0) {
        throw new IllegalArgumentException(
            "action `" + action + "` is not of the form service:Action, such as `s3:GetObject`");
      }
      if (isPattern(action)) {
        throw new IllegalArgumentException(
            "action `" + action + "` holds a wildcard: list actions, not patterns");
      }
      String service = action.substring(0, colon).toLowerCase(Locale.ROOT);
      services
          .computeIfAbsent(service, k -> new TreeMap<>())
          .putIfAbsent(action.toLowerCase(Locale.ROOT), action);
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    services.forEach((service, names) -> out.put(service, List.copyOf(names.values())));
    return new ListedActions(out);
  }

  /** The bundled catalog, listed once on first use. */
  static ListedActions bundled() {
    return Bundled.CATALOG;
  }

  private static final class Bundled {
    static final ListedActions CATALOG =
        list(dev.orgauthz.internal.catalog.ActionCatalog.bundled());

    private static ListedActions list(dev.orgauthz.internal.catalog.ActionCatalog catalog) {
      List<String> actions = new ArrayList<>();
      for (String service : catalog.servicePrefixes()) {
        for (String name : catalog.actionNames(service)) {
          actions.add(service + ":" + name);
        }
      }
      return of(actions);
    }
  }

  static ListedActions mentionedIn(List<Snapshot> snapshots) {
    List<String> found = new ArrayList<>();
    Set<PolicyDocument> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Snapshot snapshot : snapshots) {
      List<PolicyDocument> documents = new ArrayList<>();
      for (ControlPolicy policy : snapshot.organization().policies()) {
        documents.add(policy.document());
      }
      for (ManagedPolicy policy : snapshot.awsManagedPolicies().policies()) {
        documents.add(policy.document());
      }
      for (AccountIamData data : snapshot.iamData()) {
        data.policies().forEach(policy -> documents.add(policy.document()));
      }
      snapshot
          .identityCenter()
          .ifPresent(
              center -> {
                for (PermissionSet set : center.permissionSets()) {
                  if (set.inlinePolicy() != null) {
                    documents.add(set.inlinePolicy());
                  }
                }
              });
      for (PolicyDocument document : documents) {
        if (!seen.add(document)) {
          continue;
        }
        for (Statement statement : document.statements()) {
          for (String action : statement.actions()) {
            int colon = action.indexOf(':');
            if (colon > 0
                && colon < action.length() - 1
                && action.indexOf(':', colon + 1) < 0
                && !isPattern(action)
                && action.chars().noneMatch(Character::isWhitespace)) {
              found.add(action);
            }
          }
        }
      }
    }
    return of(found);
  }

  private static boolean isPattern(String action) {
    return action.indexOf('*') >= 0 || action.indexOf('?') >= 0;
  }

  @Override
  public List<String> services() {
    return services;
  }

  @Override
  public List<String> actions(String service) {
    return byService.getOrDefault(service.toLowerCase(Locale.ROOT), List.of());
  }

  @Override
  public String toString() {
    return "ActionCatalog[" + services.size() + " services]";
  }
}
