/** The IAM policy language: documents, statements and their parser. */
@NullMarked
package dev.orgauthz.policy;

import org.jspecify.annotations.NullMarked;
