/**
 * Layered evaluation: the IAM policy evaluation logic over the policies that apply to one principal
 * acting on one resource. This level knows nothing of Identity Center.
 */
@NullMarked
package dev.orgauthz.evaluation;

import org.jspecify.annotations.NullMarked;
