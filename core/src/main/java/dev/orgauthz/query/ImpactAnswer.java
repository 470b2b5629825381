package dev.orgauthz.query;

import java.util.List;

/**
 * The answer of {@link Impact}.
 *
 * @param changes the changes, when the impact was asked of changes; empty for two snapshots
 * @param affectedAccounts the accounts (as {@code Name (id)}) whose decisions the change can
 *     affect: their organization policies, their place in the tree or their IAM data differ
 * @param affectedPermissionSets the permission sets (by name) whose definition differs
 * @param affectedUsers the users (by user name) whose attributes or assignments differ
 * @param everything true when the change reaches every decision (Identity Center settings, enabled
 *     policy types), so every question was asked
 * @param questions how many questions there were
 * @param asked how many of them the change can affect, and so were asked before and after
 * @param flipCount how many questions have an outcome that differs
 * @param flips the questions whose outcome differs, in question order, with both explanations: all
 *     of them, or the first ones up to the limit the query was given
 * @param unanswered the listed questions that could not be asked on one side
 */
public record ImpactAnswer(
    List<Change> changes,
    List<String> affectedAccounts,
    List<String> affectedPermissionSets,
    List<String> affectedUsers,
    boolean everything,
    long questions,
    long asked,
    long flipCount,
    List<Flip> flips,
    List<Unanswered> unanswered) {
  public ImpactAnswer {
    changes = List.copyOf(changes);
    affectedAccounts = List.copyOf(affectedAccounts);
    affectedPermissionSets = List.copyOf(affectedPermissionSets);
    affectedUsers = List.copyOf(affectedUsers);
    flips = List.copyOf(flips);
    if (flipCount < flips.size()) {
      throw new IllegalArgumentException(
          "flipCount " + flipCount + " is less than the " + flips.size() + " flips given");
    }
    unanswered = List.copyOf(unanswered);
  }
}
