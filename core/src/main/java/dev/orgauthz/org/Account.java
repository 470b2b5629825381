package dev.orgauthz.org;

import static dev.orgauthz.internal.model.Checks.requireAccountId;
import static dev.orgauthz.internal.model.Checks.requireText;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A member account, or the management account, of an organization.
 *
 * @param id the 12-digit account id, kept as text (leading zeros matter)
 * @param name the account's name; AWS does not require names to be unique
 * @param email the account's root e-mail address, empty when unknown
 * @param state {@code ACTIVE}, {@code SUSPENDED}, {@code PENDING_CLOSURE}, ... as AWS reports it
 * @param parentId the root or OU that holds the account
 * @param tags the account's tags
 */
public record Account(
    String id, String name, String email, String state, String parentId, Map<String, String> tags) {

  /** The state of an account in use. */
  public static final String ACTIVE = "ACTIVE";

  public Account {
    requireAccountId(id, "account id");
    requireText(name, "name of account `" + id + "`");
    requireText(state, "state of account `" + id + "`");
    requireText(parentId, "parent of account `" + id + "`");
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** An active account without e-mail address or tags. */
  public static Account of(String id, String name, String parentId) {
    return new Account(id, name, "", ACTIVE, parentId, Map.of());
  }

  /** The account as a person reads it: {@code Production (444444444444)}. */
  public String label() {
    return name + " (" + id + ")";
  }
}
