/** Example organizations and helpers for testing code that uses orgauthz. */
@NullMarked
package dev.orgauthz.testing;

import org.jspecify.annotations.NullMarked;
