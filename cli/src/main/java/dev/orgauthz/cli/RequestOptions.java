package dev.orgauthz.cli;

import dev.orgauthz.AccessRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options that state one question: principal, action, resource, account, region, context. */
final class RequestOptions {
  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "The Identity Center user, by user name or user id.")
  @Nullable String user;

  @Option(
      names = "--permission-set",
      paramLabel = "NAME",
      description = "Only this permission set of the user (name or ARN); all of them by default.")
  @Nullable String permissionSet;

  @Option(
      names = "--role",
      paramLabel = "ARN",
      description = "Instead of a user: an AWSReservedSSO_ role ARN, with or without its path.")
  @Nullable String role;

  @Option(names = "--action", paramLabel = "SERVICE:ACTION", description = "The action.")
  @Nullable String action;

  @Option(
      names = "--resource",
      paramLabel = "ARN",
      defaultValue = "*",
      description = "The resource ARN (default: ${DEFAULT-VALUE}).")
  String resource = "*";

  @Option(names = "--account", paramLabel = "ID|NAME", description = "The account.")
  @Nullable String account;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description =
          "The region of the request (aws:RequestedRegion). Without it the key is absent, and a"
              + " region-restriction SCP with StringNotEquals denies regional actions.")
  @Nullable String region;

  @Option(
      names = "--context",
      paramLabel = "KEY=VALUE",
      description =
          "A condition key; repeat a key for a multivalued key. It wins over derived keys.")
  List<String> context = new ArrayList<>();

  /**
   * The request the options state.
   *
   * @throws IllegalArgumentException when an option is missing or malformed
   */
  AccessRequest toRequest() {
    return toBuilder().build();
  }

  /**
   * A builder holding the request the options state, to add to.
   *
   * @throws IllegalArgumentException when an option is missing or malformed
   */
  AccessRequest.Builder toBuilder() {
    AccessRequest.Builder builder = AccessRequest.builder();
    if (user != null && role != null) {
      throw new IllegalArgumentException("give either --user or --role, not both");
    }
    if (user == null && role == null) {
      throw new IllegalArgumentException("name the principal with --user NAME or --role ARN");
    }
    if (permissionSet != null && user == null) {
      throw new IllegalArgumentException("--permission-set needs --user");
    }
    if (action == null) {
      throw new IllegalArgumentException("name the action with --action, such as `s3:GetObject`");
    }
    if (user != null && account == null) {
      throw new IllegalArgumentException("name the account with --account ID or --account NAME");
    }
    if (user != null) {
      if (permissionSet != null) {
        builder.permissionSet(user, permissionSet);
      } else {
        builder.user(user);
      }
    }
    if (role != null) {
      builder.role(role);
    }
    builder.action(action).resource(resource);
    if (account != null) {
      builder.account(account);
    }
    if (region != null) {
      builder.region(region);
    }
    contextKeys(context)
        .forEach(
            (key, values) -> {
              if (values.size() == 1) {
                builder.context(key, values.get(0));
              } else {
                builder.context(key, values);
              }
            });
    return builder;
  }

  /** Parses {@code KEY=VALUE} pairs; a key given twice is multivalued. */
  static Map<String, List<String>> contextKeys(List<String> pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "context `"
                + pair
                + "` is not KEY=VALUE: write for example `aws:SourceIp=203.0.113.7`");
      }
      out.computeIfAbsent(pair.substring(0, equals), k -> new ArrayList<>())
          .add(pair.substring(equals + 1));
    }
    return out;
  }
}
