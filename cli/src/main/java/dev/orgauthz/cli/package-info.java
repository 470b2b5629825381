/**
 * The {@code orgauthz} command line. {@link dev.orgauthz.cli.Main} is the entry point; each
 * subcommand is a class of its own, registered in {@code Main}'s {@code subcommands}.
 */
@NullMarked
package dev.orgauthz.cli;

import org.jspecify.annotations.NullMarked;
