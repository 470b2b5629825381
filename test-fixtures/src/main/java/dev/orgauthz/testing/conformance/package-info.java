/**
 * Conformance cases: one authorization question each, with the policies that bear on it and the
 * answer AWS gives. {@link dev.orgauthz.testing.conformance.CaseReader} reads them (one case a
 * {@code .json} file, one case a line of a {@code .jsonl} file, or directories of both), checking
 * each against the case JSON Schema; {@link dev.orgauthz.testing.conformance.CaseRunner} turns a
 * case into policy layers and a request and evaluates it.
 */
@NullMarked
package dev.orgauthz.testing.conformance;

import org.jspecify.annotations.NullMarked;
