/**
 * A reference evaluator, deliberately simple and slow, and the generated scenarios that hold the
 * compiled evaluator against it.
 */
@NullMarked
package dev.orgauthz.reference;

import org.jspecify.annotations.NullMarked;
