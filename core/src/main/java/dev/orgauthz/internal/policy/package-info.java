/** Reading and validating policy documents. */
@NullMarked
package dev.orgauthz.internal.policy;

import org.jspecify.annotations.NullMarked;
