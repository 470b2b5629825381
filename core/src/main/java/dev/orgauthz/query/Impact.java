package dev.orgauthz.query;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.Authorizer;
import dev.orgauthz.evaluation.EvaluationRequest;
import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.internal.roles.RoleHandle;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.Organization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The impact of a change: the decisions that differ between an organization before and after it,
 * each with both explanations.
 *
 * <pre>{@code
 * ImpactAnswer answer =
 *     Impact.of(
 *         authorizer,
 *         List.of(new Change.DetachPolicy("ProtectNonProduction", "Sandbox")),
 *         ImpactQuestions.generated("eu-west-1"));
 * answer.flips();   // bob, dave and alice can now terminate instances in Development, ...
 * }</pre>
 *
 * <p>Only the questions the change can affect are asked: those about an account under a changed
 * node (or whose resource is in one), about a role of a changed permission set, or about a user
 * whose attributes or assignments changed. Generated questions are answered role by role, as {@link
 * WhoCan} does, and only flipped ones are explained.
 */
public final class Impact {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Outcome[] OUTCOMES = Outcome.values();

  private Impact() {}

  /** How many flips the methods without a limit explain; the others are counted. */
  public static final int DEFAULT_MAX_FLIPS = 10_000;

  /**
   * The impact of changes made to the authorizer's snapshot.
   *
   * @param maxFlips how many flips to explain and return, the first in question order; the others
   *     are only counted ({@link ImpactAnswer#flipCount})
   * @throws IllegalArgumentException when a change cannot be made (see {@link Change#apply})
   * @throws dev.orgauthz.ModelException when the changed organization is one AWS would reject
   */
  public static ImpactAnswer of(
      Authorizer before,
      List<Change> changes,
      ImpactQuestions questions,
      int maxFlips,
      Progress progress) {
    Authorizer after = Authorizer.compile(Change.apply(before.snapshot(), changes));
    return run(changes, before, after, questions, maxFlips, progress);
  }

  /**
   * Like {@link #of(Authorizer, List, ImpactQuestions, int, Progress)}, explaining at most {@value
   * #DEFAULT_MAX_FLIPS} flips, without progress reports.
   */
  public static ImpactAnswer of(
      Authorizer before, List<Change> changes, ImpactQuestions questions) {
    return of(before, changes, questions, DEFAULT_MAX_FLIPS, Progress.none());
  }

  /**
   * The impact of going from one snapshot to another, each compiled into an authorizer.
   *
   * @param maxFlips how many flips to explain and return, the first in question order; the others
   *     are only counted ({@link ImpactAnswer#flipCount})
   */
  public static ImpactAnswer between(
      Authorizer before,
      Authorizer after,
      ImpactQuestions questions,
      int maxFlips,
      Progress progress) {
    return run(List.of(), before, after, questions, maxFlips, progress);
  }

  /**
   * Like {@link #between(Authorizer, Authorizer, ImpactQuestions, int, Progress)}, explaining at
   * most {@value #DEFAULT_MAX_FLIPS} flips, without progress reports.
   */
  public static ImpactAnswer between(
      Authorizer before, Authorizer after, ImpactQuestions questions) {
    return between(before, after, questions, DEFAULT_MAX_FLIPS, Progress.none());
  }

  private static ImpactAnswer run(
      List<Change> changes,
      Authorizer before,
      Authorizer after,
      ImpactQuestions questions,
      int maxFlips,
      Progress progress) {
    if (maxFlips < 0) {
      throw new IllegalArgumentException("maxFlips is " + maxFlips + ": give 0 or more");
    }
    Run run = new Run(new RoleIndex(before), new RoleIndex(after), maxFlips, progress);
    if (questions instanceof ImpactQuestions.Listed listed) {
      run.listed(listed.requests());
    } else if (questions instanceof ImpactQuestions.Generated generated) {
      run.generated(generated);
    }
    return run.answer(changes);
  }

  /** One impact query: both sides, what differs, and what was found. */
  private static final class Run {
    private final RoleIndex before;
    private final RoleIndex after;
    private final Affected affected;
    private final Progress progress;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final List<Flip> flips = new ArrayList<>();
    private final int maxFlips;
    private long flipCount;
    private final List<Unanswered> unanswered = new ArrayList<>();
    private long questions;
    private long asked;

    Run(RoleIndex before, RoleIndex after, int maxFlips, Progress progress) {
      this.maxFlips = maxFlips;
      this.before = before;
      this.after = after;
      this.affected = Affected.between(before, after);
      this.progress = progress;
    }

    // ---- listed questions

    void listed(List<AccessRequest> requests) {
      questions = requests.size();
      progress.advanced(0, questions);
      for (int i = 0; i < requests.size(); i++) {
        AccessRequest request = withTime(requests.get(i), now);
        if (mayChange(request)) {
          asked++;
          compare(i, request);
        }
        progress.advanced(i + 1, questions);
      }
    }

    private void compare(int index, AccessRequest request) {
      Outcome outcomeBefore;
      Outcome outcomeAfter;
      try {
        outcomeBefore = before.authorizer.decide(request);
      } catch (IllegalArgumentException e) {
        unanswered.add(new Unanswered(index, request, "before the change: " + e.getMessage()));
        return;
      }
      try {
        outcomeAfter = after.authorizer.decide(request);
      } catch (IllegalArgumentException e) {
        unanswered.add(new Unanswered(index, request, "after the change: " + e.getMessage()));
        return;
      }
      if (outcomeBefore != outcomeAfter && ++flipCount <= maxFlips) {
        flips.add(
            new Flip(
                index,
                request,
                before.authorizer.explain(request),
                after.authorizer.explain(request)));
      }
    }

    /** False only when the question surely has the same answer on both sides. */
    private boolean mayChange(AccessRequest request) {
      String roleArn = request.roleArn();
      String userId = null;
      String accountId;
      Set<String> sets = new HashSet<>();
      if (roleArn != null) {
        RoleHandle role = before.roleByArn(roleArn);
        if (role == null) {
          role = after.roleByArn(roleArn);
        }
        if (role == null) {
          return true;
        }
        accountId = role.account().id();
        sets.add(role.permissionSet().arn());
      } else {
        User user = user(String.valueOf(request.user()));
        Account account = account(String.valueOf(request.account()));
        if (user == null || account == null) {
          return true;
        }
        userId = user.id();
        accountId = account.id();
        sets.addAll(arns(before.rolesOf(userId).get(accountId)));
        sets.addAll(arns(after.rolesOf(userId).get(accountId)));
      }
      String resourceAccount = accountId;
      String named = request.resourceAccount();
      String inArn = EvaluationRequest.accountOf(request.resource());
      if (named != null) {
        Account account = ACCOUNT_ID.matcher(named).matches() ? null : account(named);
        if (account == null && !ACCOUNT_ID.matcher(named).matches()) {
          return true;
        }
        resourceAccount = account != null ? account.id() : named;
      } else if (inArn != null && ACCOUNT_ID.matcher(inArn).matches()) {
        resourceAccount = inArn;
      }
      return affected.affects(userId, accountId, resourceAccount, sets);
    }

    private @Nullable User user(String nameOrId) {
      for (RoleIndex side : List.of(before, after)) {
        IdentityCenter center = side.center;
        User user = center == null ? null : center.user(nameOrId).orElse(null);
        if (user != null) {
          return user;
        }
      }
      return null;
    }

    private @Nullable Account account(String idOrName) {
      for (RoleIndex side : List.of(before, after)) {
        try {
          return Names.account(side.snapshot.organization(), idOrName);
        } catch (IllegalArgumentException e) {
          // not known on this side, or ambiguous: try the other
        }
      }
      return null;
    }

    // ---- generated questions

    void generated(ImpactQuestions.Generated generated) {
      List<String> actions = ActionCatalog.mentionedIn(before.snapshot, after.snapshot).actions();
      Instant time = generated.time() != null ? generated.time() : now;
      Evaluator evaluatorBefore =
          new Evaluator(
              before, generated.resource(), generated.region(), generated.context(), time);
      Evaluator evaluatorAfter =
          new Evaluator(after, generated.resource(), generated.region(), generated.context(), time);

      // The (user, account) pairs with a role on either side, and those the change can affect
      Map<String, User[]> users = new LinkedHashMap<>();
      addUsers(before.center, users, 0);
      addUsers(after.center, users, 1);
      List<Pair> pairs = new ArrayList<>();
      long all = 0;
      String resourceAccount = EvaluationRequest.accountOf(generated.resource());
      for (User[] sides : sortedByName(users)) {
        String userId = sides[0] != null ? sides[0].id() : sides[1].id();
        Map<String, List<RoleHandle>> rolesBefore = before.rolesOf(userId);
        Map<String, List<RoleHandle>> rolesAfter = after.rolesOf(userId);
        Set<String> accounts = new TreeSet<>(rolesBefore.keySet());
        accounts.addAll(rolesAfter.keySet());
        for (String accountId : accounts) {
          all++;
          List<RoleHandle> a = rolesBefore.getOrDefault(accountId, List.of());
          List<RoleHandle> b = rolesAfter.getOrDefault(accountId, List.of());
          Set<String> sets = arns(a);
          sets.addAll(arns(b));
          String resource =
              resourceAccount != null && ACCOUNT_ID.matcher(resourceAccount).matches()
                  ? resourceAccount
                  : accountId;
          if (affected.affects(userId, accountId, resource, sets)) {
            pairs.add(new Pair(sides[0], sides[1], accountId, a, b));
          }
        }
      }
      questions = all * actions.size();
      asked = (long) pairs.size() * actions.size();

      // Each pair and action, from role outcomes computed once per role
      Map<RoleHandle, byte[]> cacheBefore = new IdentityHashMap<>();
      Map<RoleHandle, byte[]> cacheAfter = new IdentityHashMap<>();
      Map<RoleHandle, Map<String, Outcome>> signaturesBefore = new IdentityHashMap<>();
      Map<RoleHandle, Map<String, Outcome>> signaturesAfter = new IdentityHashMap<>();
      long done = 0;
      progress.advanced(0, asked);
      for (Pair pair : pairs) {
        for (int i = 0; i < actions.size(); i++) {
          String action = actions.get(i);
          Outcome a =
              combine(
                  before,
                  evaluatorBefore,
                  pair.before,
                  pair.rolesBefore,
                  action,
                  i,
                  actions.size(),
                  cacheBefore,
                  signaturesBefore);
          Outcome b =
              combine(
                  after,
                  evaluatorAfter,
                  pair.after,
                  pair.rolesAfter,
                  action,
                  i,
                  actions.size(),
                  cacheAfter,
                  signaturesAfter);
          if (a != b) {
            flip(pair, action, generated, time);
          }
          progress.advanced(++done, asked);
        }
      }
    }

    private void flip(Pair pair, String action, ImpactQuestions.Generated generated, Instant time) {
      User user = Objects.requireNonNull(pair.before != null ? pair.before : pair.after);
      AccessRequest request =
          new AccessRequest(
              user.userName(),
              null,
              null,
              action,
              generated.resource(),
              pair.accountId,
              null,
              generated.region(),
              generated.context(),
              time);
      if (pair.before == null || pair.after == null) {
        unanswered.add(
            new Unanswered(
                -1,
                request,
                (pair.before == null ? "before" : "after")
                    + " the change: user `"
                    + user.userName()
                    + "` does not exist"));
        return;
      }
      if (++flipCount <= maxFlips) {
        flips.add(
            new Flip(
                -1,
                request,
                before.authorizer.explain(request),
                after.authorizer.explain(request)));
      }
    }

    private static Outcome combine(
        RoleIndex index,
        Evaluator evaluator,
        @Nullable User user,
        List<RoleHandle> roles,
        String action,
        int at,
        int actions,
        Map<RoleHandle, byte[]> cache,
        Map<RoleHandle, Map<String, Outcome>> perSignature) {
      boolean explicit = false;
      for (RoleHandle role : roles) {
        Outcome outcome;
        if (user == null || !role.usable()) {
          outcome = Outcome.IMPLICIT_DENY;
        } else if (index.dependsOnUser(role, action)) {
          // Users with the same values of the principal tags read share one decision
          Set<String> keys = Objects.requireNonNull(index.userKeys(role, action));
          String signature = index.signature(user, keys);
          if (signature == null) {
            outcome = evaluator.user(role, user, action);
          } else {
            Map<String, Outcome> known = perSignature.computeIfAbsent(role, r -> new HashMap<>());
            String key = at + " " + signature;
            outcome = known.get(key);
            if (outcome == null) {
              outcome = evaluator.user(role, user, action);
              known.put(key, outcome);
            }
          }
        } else {
          byte[] known = cache.computeIfAbsent(role, r -> new byte[actions]);
          if (known[at] == 0) {
            known[at] = (byte) (evaluator.role(role, action).ordinal() + 1);
          }
          outcome = OUTCOMES[known[at] - 1];
        }
        if (outcome == Outcome.ALLOWED) {
          return Outcome.ALLOWED;
        }
        explicit |= outcome == Outcome.EXPLICIT_DENY;
      }
      return explicit ? Outcome.EXPLICIT_DENY : Outcome.IMPLICIT_DENY;
    }

    private static void addUsers(
        @Nullable IdentityCenter center, Map<String, User[]> users, int side) {
      if (center != null) {
        for (User user : center.users()) {
          users.computeIfAbsent(user.id(), k -> new User[2])[side] = user;
        }
      }
    }

    private static List<User[]> sortedByName(Map<String, User[]> users) {
      List<User[]> out = new ArrayList<>(users.values());
      out.sort(
          Comparator.comparing(
              (User[] sides) -> (sides[0] != null ? sides[0] : sides[1]).userName()));
      return out;
    }

    // ---- the answer

    ImpactAnswer answer(List<Change> changes) {
      Organization orgBefore = before.snapshot.organization();
      Organization orgAfter = after.snapshot.organization();
      List<String> accounts = new ArrayList<>();
      for (String id : affected.accounts) {
        Account account = orgAfter.account(id).orElse(orgBefore.account(id).orElse(null));
        accounts.add(account == null ? id : account.label());
      }
      List<String> sets = new ArrayList<>();
      for (String arn : affected.permissionSets) {
        sets.add(setName(arn));
      }
      Set<String> users = new TreeSet<>();
      for (String id : affected.users) {
        User user = user(id);
        users.add(user == null ? id : user.userName());
      }
      for (String pair : affected.userAccounts) {
        String id = pair.substring(0, pair.indexOf(' '));
        User user = user(id);
        users.add(user == null ? id : user.userName());
      }
      return new ImpactAnswer(
          changes,
          accounts,
          sets,
          List.copyOf(users),
          affected.everything,
          questions,
          asked,
          flipCount,
          flips,
          unanswered);
    }

    private String setName(String arn) {
      for (RoleIndex side : List.of(after, before)) {
        IdentityCenter center = side.center;
        PermissionSet set = center == null ? null : center.permissionSet(arn).orElse(null);
        if (set != null) {
          return set.name();
        }
      }
      return arn;
    }
  }

  /** A user and an account, with the user's roles there on each side. */
  private record Pair(
      @Nullable User before,
      @Nullable User after,
      String accountId,
      List<RoleHandle> rolesBefore,
      List<RoleHandle> rolesAfter) {}

  private static Set<String> arns(@Nullable List<RoleHandle> roles) {
    Set<String> out = new HashSet<>();
    if (roles != null) {
      roles.forEach(role -> out.add(role.permissionSet().arn()));
    }
    return out;
  }

  private static AccessRequest withTime(AccessRequest request, Instant time) {
    if (request.time() != null) {
      return request;
    }
    return new AccessRequest(
        request.user(),
        request.permissionSet(),
        request.roleArn(),
        request.action(),
        request.resource(),
        request.account(),
        request.resourceAccount(),
        request.region(),
        request.context(),
        time);
  }
}
