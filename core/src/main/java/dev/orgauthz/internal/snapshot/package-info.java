/**
 * Readers and writers of snapshots: the AWS CLI export layout, the library's own snapshot format,
 * and the bundled catalog of AWS managed policies. Not exported; {@code dev.orgauthz.Snapshots} is
 * the entry point.
 */
@NullMarked
package dev.orgauthz.internal.snapshot;

import org.jspecify.annotations.NullMarked;
