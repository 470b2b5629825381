package dev.orgauthz.query;

import dev.orgauthz.Snapshot;
import java.util.Collection;
import java.util.List;

/**
 * The actions that {@link WhatCan} answers for, by service prefix: the action names a wildcard
 * pattern such as {@code ec2:Describe*} is expanded against.
 */
public interface ActionCatalog {
  /** The service prefixes, lowercase and sorted. */
  List<String> services();

  /**
   * The actions of one service, {@code service:Action}, sorted case-insensitively; empty for an
   * unknown service.
   */
  List<String> actions(String service);

  /** Every action of every service, sorted by service and then by action name. */
  default List<String> actions() {
    return services().stream().flatMap(service -> actions(service).stream()).toList();
  }

  /**
   * The catalog bundled with the library: every action of every AWS service, as the service
   * authorization reference lists them (the source and version are in the NOTICE file).
   */
  static ActionCatalog bundled() {
    return ListedActions.bundled();
  }

  /**
   * A catalog of the actions given, {@code service:Action} each. An action that differs from
   * another only in case is kept once, as first given.
   *
   * @throws IllegalArgumentException when an action is not of the form {@code service:Action} or
   *     holds a wildcard
   */
  static ActionCatalog of(Collection<String> actions) {
    return ListedActions.of(actions);
  }

  /**
   * The actions the policies of the snapshots name literally (without a wildcard), in {@code
   * Action} and {@code NotAction} elements: service and resource control policies, AWS managed and
   * customer managed policies, and the inline policies of permission sets. A service the policies
   * name only through a wildcard ({@code lambda:*}) has no action here.
   */
  static ActionCatalog mentionedIn(Snapshot... snapshots) {
    return ListedActions.mentionedIn(List.of(snapshots));
  }
}
