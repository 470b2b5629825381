/**
 * IAM Identity Center: the instance, users, groups and memberships of its identity store,
 * permission sets, account assignments and the attributes for access control.
 */
@NullMarked
package dev.orgauthz.identitycenter;

import org.jspecify.annotations.NullMarked;
