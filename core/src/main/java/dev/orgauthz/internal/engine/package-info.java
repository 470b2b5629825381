/** The compiled evaluator: compiled policies and layers, and the evaluation procedure. */
@NullMarked
package dev.orgauthz.internal.engine;

import org.jspecify.annotations.NullMarked;
