/**
 * Pattern matching for actions, resources and strings: linear-time globs, no regular expressions.
 */
@NullMarked
package dev.orgauthz.internal.match;

import org.jspecify.annotations.NullMarked;
