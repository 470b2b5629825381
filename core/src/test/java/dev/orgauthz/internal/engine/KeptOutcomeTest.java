package dev.orgauthz.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.evaluation.Principal;
import dev.orgauthz.internal.condition.Keys;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine.Scratch#keptOutcome}, the check an authorizer's decision makes before it sets its
 * view: it finds the outcome the thread's table of plans keeps only for a request with every part
 * that outcome was kept by (the resource unless the plan covers every resource, whether the request
 * crosses accounts, the principal's kind, the five {@link SessionSources}), and never one kept for
 * a request with keys of the caller's.
 */
class KeptOutcomeTest {
  private static final Principal ROLE = IdentityLayers.ROLE;
  private static final String ACCOUNT = "111122223333";

  /** Reads the region, for one bucket's objects: kept by resource, shared by the role's users. */
  private static final CompiledLayers BY_REGION =
      IdentityLayers.of(
          "[{`Effect`:`Allow`,`Action`:`s3:GetObject`,`Resource`:`arn:aws:s3:::bucket/*`,"
              + "`Condition`:{`StringEquals`:{`aws:RequestedRegion`:`eu-west-1`}}}]");

  /** Reads a principal tag, for every resource: kept per user, whatever the resource. */
  private static final CompiledLayers BY_TAG =
      IdentityLayers.of(
          "[{`Effect`:`Allow`,`Action`:`ec2:StartInstances`,`Resource`:`*`,"
              + "`Condition`:{`StringEquals`:{`aws:PrincipalTag/team`:`red`}}}]");

  private static final Map<String, List<String>> RESOURCE_KEYS =
      Map.of("aws:resourceaccount", List.of(ACCOUNT));
  private static final Map<String, List<String>> ROLE_KEYS =
      Map.of("aws:principalaccount", List.of(ACCOUNT));
  private static final Map<String, List<String>> RED =
      Map.of("aws:principaltag/team", List.of("red"));
  private static final List<String> RED_ID = List.of("AROA:red");

  /** The keys of a session's decision, with the caller's keys given or not. */
  private record SessionKeys(
      Map<String, List<String>> resource,
      @Nullable String region,
      Map<String, List<String>> role,
      Map<String, List<String>> user,
      List<String> userId,
      boolean callerEmpty)
      implements Keys {
    @Override
    public @Nullable List<String> values(String key) {
      if (key.equals("aws:requestedregion")) {
        return region == null ? null : List.of(region);
      }
      if (key.equals("aws:userid")) {
        return userId;
      }
      List<String> found = resource.get(key);
      if (found == null) {
        found = user.get(key);
      }
      return found != null ? found : role.get(key);
    }

    @Override
    public boolean isMultivalued(String key) {
      return false;
    }

    @Override
    public int sourceCount() {
      return SessionSources.COUNT;
    }

    @Override
    public Object source(int i, boolean perUser) {
      return SessionSources.source(i, perUser, resource, region, role, user, userId);
    }

    @Override
    public @Nullable List<String> callerValues(String key) {
      return null;
    }
  }

  private static SessionKeys keys(Map<String, List<String>> user, List<String> userId) {
    return new SessionKeys(RESOURCE_KEYS, "eu-west-1", ROLE_KEYS, user, userId, true);
  }

  /** Decides through the view, as the authorizer does when no outcome is kept. */
  private static Outcome decide(
      Engine.Scratch scratch, CompiledLayers layers, String action, String resource, Keys keys) {
    scratch.request(action, resource, ACCOUNT, keys).principal(ROLE, ACCOUNT);
    return Engine.decide(layers, scratch);
  }

  private static @Nullable Outcome kept(
      Engine.Scratch scratch,
      CompiledLayers layers,
      String action,
      String resource,
      boolean crossAccount,
      Principal.Kind kind,
      SessionKeys keys) {
    return scratch.keptOutcome(
        layers,
        System.identityHashCode(layers),
        action,
        resource,
        crossAccount,
        kind,
        keys.resource(),
        keys.region(),
        keys.role(),
        keys.user(),
        keys.userId());
  }

  @Test
  void findsAnOutcomeOnlyForEveryPartItWasKeptBy() {
    Engine.Scratch scratch = new Engine.Scratch();
    String action = "s3:GetObject";
    String object = "arn:aws:s3:::bucket/a";
    SessionKeys asked = keys(RED, RED_ID);
    Principal.Kind kind = ROLE.kind();
    assertThat(kept(scratch, BY_REGION, action, object, false, kind, asked)).isNull();

    assertThat(decide(scratch, BY_REGION, action, object, asked)).isEqualTo(Outcome.ALLOWED);
    assertThat(kept(scratch, BY_REGION, action, object, false, kind, asked))
        .isEqualTo(Outcome.ALLOWED);
    // The plan reads no key that varies by user: another user of the role shares the outcome
    assertThat(kept(scratch, BY_REGION, action, object, false, kind, keys(Map.of(), List.of())))
        .isEqualTo(Outcome.ALLOWED);

    assertThat(kept(scratch, BY_REGION, action, "arn:aws:s3:::bucket/b", false, kind, asked))
        .isNull();
    assertThat(kept(scratch, BY_REGION, "s3:PutObject", object, false, kind, asked)).isNull();
    assertThat(kept(scratch, BY_TAG, action, object, false, kind, asked)).isNull();
    assertThat(kept(scratch, BY_REGION, action, object, true, kind, asked)).isNull();
    assertThat(kept(scratch, BY_REGION, action, object, false, Principal.Kind.USER, asked))
        .isNull();
    Function<SessionKeys, @Nullable Outcome> keptWith =
        keys -> kept(scratch, BY_REGION, action, object, false, kind, keys);
    Map<String, List<String>> otherAccount = Map.of("aws:resourceaccount", List.of("444455556666"));
    assertThat(
            keptWith.apply(
                new SessionKeys(otherAccount, "eu-west-1", ROLE_KEYS, RED, RED_ID, true)))
        .as("another account's resource keys")
        .isNull();
    for (String region : new String[] {"us-east-1", null}) {
      assertThat(
              keptWith.apply(new SessionKeys(RESOURCE_KEYS, region, ROLE_KEYS, RED, RED_ID, true)))
          .as("region %s", region)
          .isNull();
    }
    assertThat(
            keptWith.apply(
                new SessionKeys(RESOURCE_KEYS, "eu-west-1", Map.of(), RED, RED_ID, true)))
        .as("another role's keys")
        .isNull();
    // A region equal to the kept one, in another String, is the same source
    String region = new String("eu-west-1".toCharArray());
    assertThat(keptWith.apply(new SessionKeys(RESOURCE_KEYS, region, ROLE_KEYS, RED, RED_ID, true)))
        .isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void anOutcomeThatReadsTheUserIsKeptForThatUserOnly() {
    Engine.Scratch scratch = new Engine.Scratch();
    String action = "ec2:StartInstances";
    Principal.Kind kind = ROLE.kind();
    SessionKeys red = keys(RED, RED_ID);
    assertThat(decide(scratch, BY_TAG, action, "*", red)).isEqualTo(Outcome.ALLOWED);
    // The plan covers every resource: any resource finds the outcome
    assertThat(
            kept(scratch, BY_TAG, action, "arn:aws:ec2:eu-west-1:1:instance/i-1", false, kind, red))
        .isEqualTo(Outcome.ALLOWED);
    Map<String, List<String>> blue = Map.of("aws:principaltag/team", List.of("blue"));
    assertThat(kept(scratch, BY_TAG, action, "*", false, kind, keys(blue, List.of("AROA:blue"))))
        .isNull();
    assertThat(kept(scratch, BY_TAG, action, "*", false, kind, keys(blue, RED_ID))).isNull();
    assertThat(kept(scratch, BY_TAG, action, "*", false, kind, keys(RED, List.of("AROA:red2"))))
        .isNull();

    // Deciding for the other user keeps the other user's outcome in the plan's way
    assertThat(decide(scratch, BY_TAG, action, "*", keys(blue, List.of("AROA:blue"))))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(kept(scratch, BY_TAG, action, "*", false, kind, red)).isNull();
  }

  @Test
  void anOutcomeDecidedWithKeysOfTheCallersIsNotKeptForTheCheck() {
    Engine.Scratch scratch = new Engine.Scratch();
    String action = "s3:GetObject";
    String object = "arn:aws:s3:::bucket/a";
    SessionKeys callers =
        new SessionKeys(RESOURCE_KEYS, "eu-west-1", ROLE_KEYS, RED, RED_ID, false);
    assertThat(decide(scratch, BY_REGION, action, object, callers)).isEqualTo(Outcome.ALLOWED);
    assertThat(kept(scratch, BY_REGION, action, object, false, ROLE.kind(), keys(RED, RED_ID)))
        .isNull();
  }

  @Test
  void aConstantPlansOutcomeIsKeptByThePrincipalsKindAndAccountsAlone() {
    CompiledLayers reads =
        IdentityLayers.of("[{`Effect`:`Allow`,`Action`:`s3:Get*`,`Resource`:`*`}]");
    Engine.Scratch scratch = new Engine.Scratch();
    String action = "s3:GetObject";
    SessionKeys callers =
        new SessionKeys(RESOURCE_KEYS, "eu-west-1", ROLE_KEYS, RED, RED_ID, false);
    assertThat(decide(scratch, reads, action, "*", callers)).isEqualTo(Outcome.ALLOWED);
    // No statement reads a key or names a resource: any resource, region and user find it
    SessionKeys other =
        new SessionKeys(Map.of(), null, Map.of(), Map.of(), List.of("AROA:other"), true);
    assertThat(kept(scratch, reads, action, "arn:aws:s3:::b/k", false, ROLE.kind(), other))
        .isEqualTo(Outcome.ALLOWED);
    assertThat(kept(scratch, reads, action, "*", true, ROLE.kind(), other)).isNull();
    assertThat(kept(scratch, reads, action, "*", false, Principal.Kind.USER, other)).isNull();
    assertThat(kept(scratch, reads, "s3:PutObject", "*", false, ROLE.kind(), other)).isNull();

    // Across accounts (no resource policy allows) the same layers give their own outcome, kept in
    // place of the first
    scratch.request(action, "*", "444455556666", other).principal(ROLE, ACCOUNT);
    assertThat(Engine.decide(reads, scratch)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(kept(scratch, reads, action, "*", true, ROLE.kind(), other))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(kept(scratch, reads, action, "*", false, ROLE.kind(), other)).isNull();
  }
}
