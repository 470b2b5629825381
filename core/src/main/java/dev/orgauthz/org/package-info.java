/**
 * The organization: its root, organizational units and accounts, and the service control policies
 * and resource control policies attached to them.
 */
@NullMarked
package dev.orgauthz.org;

import org.jspecify.annotations.NullMarked;
