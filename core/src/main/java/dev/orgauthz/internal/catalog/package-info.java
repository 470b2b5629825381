/**
 * The bundled catalog of AWS service prefixes, actions and condition keys, used for findings only:
 * a decision never depends on it.
 */
@NullMarked
package dev.orgauthz.internal.catalog;

import org.jspecify.annotations.NullMarked;
