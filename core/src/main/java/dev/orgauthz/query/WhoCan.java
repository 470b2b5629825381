package dev.orgauthz.query;

import dev.orgauthz.Authorizer;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.org.Account;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Who can perform an action in an account, an OU or the whole organization: every role (account,
 * permission set) that can, with the users behind it and the groups through which it reaches them.
 *
 * <pre>{@code
 * WhoCan whoCan = WhoCan.of(authorizer);
 * WhoCanAnswer answer =
 *     whoCan.ask(
 *         WhoCanQuestion.builder()
 *             .action("ec2:TerminateInstances")
 *             .in("Staging")
 *             .region("eu-west-1")
 *             .build());
 * answer.users();   // alice (AdministratorAccess, group Admins), bob and dave (Developer, ...)
 * }</pre>
 *
 * <p>Each role is evaluated once, as a session of the role, and its answer holds for every user
 * behind it; a role whose statements that can apply to the action read a key that differs between
 * users is evaluated for each of its users instead, once for each distinct value of the principal
 * tags read when only those are read. Large scopes are evaluated on several threads. Immutable and
 * thread-safe.
 */
public final class WhoCan {
  /** Below this many roles, one thread does the work. */
  private static final int PARALLEL_THRESHOLD = 512;

  private final RoleIndex index;

  private WhoCan(RoleIndex index) {
    this.index = index;
  }

  /** A who-can query over the roles of an authorizer. */
  public static WhoCan of(Authorizer authorizer) {
    return new WhoCan(new RoleIndex(authorizer));
  }

  /**
   * Answers a question.
   *
   * @throws IllegalArgumentException when the scope names no account, OU or root
   */
  public WhoCanAnswer ask(WhoCanQuestion question) {
    return ask(question, Progress.none());
  }

  /**
   * Answers a question, telling the listener how many roles are done.
   *
   * @throws IllegalArgumentException when the scope names no account, OU or root
   */
  public WhoCanAnswer ask(WhoCanQuestion question, Progress progress) {
    Scope scope = Scope.resolve(index.snapshot.organization(), question.scope());
    List<RoleHandle> roles = new ArrayList<>();
    for (Account account : scope.accounts()) {
      roles.addAll(index.rolesIn(account.id()));
    }

    // Evaluate each role (or each user of a role that depends on the user)
    Evaluator evaluator =
        new Evaluator(
            index, question.resource(), question.region(), question.context(), question.time());
    AllowedRole[] allowed = new AllowedRole[roles.size()];
    LongAdder rolesEvaluated = new LongAdder();
    LongAdder userEvaluations = new LongAdder();
    AtomicLong done = new AtomicLong();
    long total = roles.size();
    progress.advanced(0, total);
    IntStream indexes = IntStream.range(0, roles.size());
    if (roles.size() >= PARALLEL_THRESHOLD) {
      indexes = indexes.parallel();
    }
    indexes.forEach(
        i -> {
          allowed[i] =
              evaluate(roles.get(i), question.action(), evaluator, rolesEvaluated, userEvaluations);
          progress.advanced(done.incrementAndGet(), total);
        });

    List<AllowedRole> out = new ArrayList<>();
    for (AllowedRole role : allowed) {
      if (role != null) {
        out.add(role);
      }
    }
    return new WhoCanAnswer(
        question,
        scope.label(),
        scope.accounts(),
        out,
        rolesEvaluated.sum(),
        userEvaluations.sum());
  }

  private @Nullable AllowedRole evaluate(
      RoleHandle role,
      String action,
      Evaluator evaluator,
      LongAdder rolesEvaluated,
      LongAdder userEvaluations) {
    if (!role.usable()) {
      return null;
    }
    Set<String> keys = index.userKeys(role, action);
    boolean perUser = keys != null;
    if (!perUser) {
      rolesEvaluated.increment();
      if (evaluator.role(role, action) != Outcome.ALLOWED) {
        return null;
      }
    }
    // Per user: once per distinct value of the principal tags read, when only those are read
    Map<String, Outcome> bySignature = new HashMap<>();
    List<AllowedUser> users = new ArrayList<>();
    for (RoleIndex.RoleUser user : index.usersOf(role)) {
      if (keys != null) {
        String signature = index.signature(user.user(), keys);
        Outcome outcome = signature == null ? null : bySignature.get(signature);
        if (outcome == null) {
          userEvaluations.increment();
          outcome = evaluator.user(role, user.user(), action);
          if (signature != null) {
            bySignature.put(signature, outcome);
          }
        }
        if (outcome != Outcome.ALLOWED) {
          continue;
        }
      }
      users.add(
          new AllowedUser(user.user().userName(), user.user().id(), user.direct(), user.groups()));
    }
    if (perUser && users.isEmpty()) {
      return null;
    }
    return new AllowedRole(
        role.account(),
        role.permissionSet().name(),
        role.permissionSet().arn(),
        role.roleArn(),
        perUser,
        users);
  }
}
