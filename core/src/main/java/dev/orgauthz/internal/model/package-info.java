/** Helpers for the model packages; not part of the API. */
@NullMarked
package dev.orgauthz.internal.model;

import org.jspecify.annotations.NullMarked;
