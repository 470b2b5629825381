/**
 * The {@code orgauthz} command line. Each subcommand is a class of its own, registered by the entry
 * point.
 */
@NullMarked
package dev.orgauthz.cli;

import org.jspecify.annotations.NullMarked;
