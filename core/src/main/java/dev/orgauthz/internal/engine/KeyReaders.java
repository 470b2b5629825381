package dev.orgauthz.internal.engine;

import dev.orgauthz.internal.condition.Template;
import dev.orgauthz.policy.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Finds the statements of compiled layers whose conditions or resource policy variables read given
 * condition keys. For queries that must know, before evaluating, whether a request context key can
 * change an answer; never used on the request path.
 */
public final class KeyReaders {
  private KeyReaders() {}

  /** Every policy of the layers, each once, in the order AWS evaluates the layers. */
  public static List<CompiledPolicy> policies(CompiledLayers layers) {
    Set<CompiledPolicy> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<CompiledPolicy> out = new ArrayList<>();
    addLevels(layers.rcpLevels, seen, out);
    addLevels(layers.scpLevels, seen, out);
    add(layers.vpcEndpoints, seen, out);
    add(layers.resource, seen, out);
    add(layers.identity, seen, out);
    add(layers.boundaries, seen, out);
    add(layers.session, seen, out);
    return out;
  }

  /**
   * A statement and the keys it reads that a predicate accepted.
   *
   * @param statement the statement
   * @param keys the keys, lowercased and sorted
   */
  public record Reader(Statement statement, List<String> keys) {
    public Reader {
      keys = List.copyOf(keys);
    }
  }

  /**
   * The statements of a policy that read a key the predicate accepts, in a {@code Condition} or in
   * a policy variable of a {@code Resource} or {@code NotResource} entry. Keys are given to the
   * predicate lowercased.
   */
  public static List<Reader> statementsReading(CompiledPolicy policy, Predicate<String> key) {
    List<Reader> out = new ArrayList<>();
    boolean variables = policy.policy().document().variablesEnabled();
    String source = policy.policy().document().source();
    for (CompiledStatement compiled : policy.statements) {
      Statement statement = compiled.statement;
      Set<String> keys = new TreeSet<>();
      compiled.condition.collectKeys(keys);
      if (variables) {
        for (String resource : statement.resources()) {
          Template.parse(resource, true, source, statement.pointer() + "/Resource")
              .collectKeys(keys);
        }
      }
      List<String> read = keys.stream().filter(key).toList();
      if (!read.isEmpty()) {
        out.add(new Reader(statement, read));
      }
    }
    return out;
  }

  private static void addLevels(
      CompiledPolicy @Nullable [][] levels, Set<CompiledPolicy> seen, List<CompiledPolicy> out) {
    if (levels != null) {
      for (CompiledPolicy[] level : levels) {
        add(level, seen, out);
      }
    }
  }

  private static void add(
      CompiledPolicy[] policies, Set<CompiledPolicy> seen, List<CompiledPolicy> out) {
    for (CompiledPolicy policy : policies) {
      add(policy, seen, out);
    }
  }

  private static void add(
      @Nullable CompiledPolicy policy, Set<CompiledPolicy> seen, List<CompiledPolicy> out) {
    if (policy != null && seen.add(policy)) {
      out.add(policy);
    }
  }
}
