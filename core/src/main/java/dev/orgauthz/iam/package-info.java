/**
 * IAM data the organization model needs: managed policies (AWS managed and, per account, customer
 * managed) and the roles Identity Center provisioned.
 */
@NullMarked
package dev.orgauthz.iam;

import org.jspecify.annotations.NullMarked;
