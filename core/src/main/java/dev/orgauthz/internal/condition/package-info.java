/** Condition operators, condition values and policy variables. */
@NullMarked
package dev.orgauthz.internal.condition;

import org.jspecify.annotations.NullMarked;
