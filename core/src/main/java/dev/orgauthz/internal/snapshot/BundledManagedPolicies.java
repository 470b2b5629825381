package dev.orgauthz.internal.snapshot;

import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The AWS managed policies bundled with the library: commonly used ones, each at the version the
 * bundled copy was taken at (see the NOTICE file for the source). Policies of an export win over
 * these.
 */
public final class BundledManagedPolicies {
  private static final String RESOURCE = "/dev/orgauthz/catalog/aws-managed-policies.json";
  private static final String NAME = "bundled AWS managed policies";

  private final String source;
  private final AwsManagedPolicies catalog;

  private BundledManagedPolicies(String source, AwsManagedPolicies catalog) {
    this.source = source;
    this.catalog = catalog;
  }

  /** The bundled catalog, read once on first use. */
  public static BundledManagedPolicies get() {
    return Holder.BUNDLED;
  }

  private static final class Holder {
    static final BundledManagedPolicies BUNDLED = load();
  }

  private static BundledManagedPolicies load() {
    byte[] bytes;
    try (InputStream in = BundledManagedPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the orgauthz jar");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Problems problems = new Problems();
    JsonNode root = Json.parse(bytes, NAME, problems);
    if (root != null
        && Json.validate(
            root, "export/get-account-authorization-details", NAME, "refresh it", problems)) {
      AuthorizationDetails details = new AuthorizationDetails(root, NAME, problems);
      List<ManagedPolicy> policies = new ArrayList<>();
      for (AuthorizationDetails.Entry entry : details.policies().values()) {
        ManagedPolicy policy =
            details.parse(entry, "bundled AWS managed policy " + entry.name(), problems);
        if (policy != null) {
          policies.add(policy);
        }
      }
      if (!problems.any()) {
        return new BundledManagedPolicies(
            Json.text(root, "Source", "unknown source"), AwsManagedPolicies.of(policies));
      }
    }
    throw new IllegalStateException(
        "the bundled AWS managed policies do not read, a bug of this build: "
            + problems.errors().get(0));
  }

  /** Where the copies came from: the package and its version. */
  public String source() {
    return source;
  }

  /** The policies as a catalog. */
  public AwsManagedPolicies catalog() {
    return catalog;
  }
}
