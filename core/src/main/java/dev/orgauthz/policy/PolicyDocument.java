package dev.orgauthz.policy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed and validated policy document. Instances come from {@link Policies#parse}; two documents
 * with the same {@link #text()} and type are interchangeable.
 *
 * @param type the kind of policy the document was validated as
 * @param version the {@code Version}, or null when absent (which means the 2008 semantics)
 * @param id the {@code Id}, or null
 * @param statements the statements in document order
 * @param text the document as JSON text, normalized (no insignificant white space)
 * @param source where the document came from, for messages
 * @param findings suspicious but legal things found while reading it
 */
public record PolicyDocument(
    PolicyType type,
    @Nullable String version,
    @Nullable String id,
    List<Statement> statements,
    String text,
    String source,
    List<Finding> findings) {

  /** The current policy language version, the one that enables policy variables. */
  public static final String VERSION_2012 = "2012-10-17";

  public PolicyDocument {
    requireNonNull(type, "type");
    statements = List.copyOf(statements);
    requireNonNull(text, "text");
    requireNonNull(source, "source");
    findings = List.copyOf(findings);
  }

  /** True when {@code ${...}} sequences are policy variables (Version 2012-10-17). */
  public boolean variablesEnabled() {
    return VERSION_2012.equals(version);
  }
}
