/**
 * JMH benchmarks. Each class answers one question; its Javadoc holds the command that runs it.
 * {@code jmh-benchmarks/run} runs the whole suite and prints each goal's ratio.
 */
@NullMarked
package dev.orgauthz.benchmarks;

import org.jspecify.annotations.NullMarked;
