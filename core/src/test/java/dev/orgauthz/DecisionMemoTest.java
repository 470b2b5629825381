package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.identitycenter.AccessControlAttribute;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.User;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code decide} keeps, per thread, the outcomes of recent decisions by plan and by what the plan
 * reads of the request (the resource, the sources of the keys, the caller's values): every kept
 * outcome must be the one a fresh evaluation gives, whatever the order of the requests, for users
 * of one role with different tags, for keys given single or multivalued, for resources a statement
 * names, and for plans that read the time (never kept).
 */
class DecisionMemoTest {
  private static final String MANAGEMENT = "111111111111";
  private static final String WORK = "222222222222";

  private static final String REGION_LOCK =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "RegionLock", "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
         "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]},
                       "ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/*Admin*"}}}]}
      """;

  private static final String UNTIL_2030 =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "Until2030", "Effect": "Deny", "Action": "dynamodb:*", "Resource": "*",
         "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}]}
      """;

  private static final String DEV =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Sid": "Abac", "Effect": "Allow", "Action": "ec2:StartInstances", "Resource": "*",
         "Condition": {"StringEquals": {"aws:ResourceTag/Team": "${aws:PrincipalTag/Team}"}}},
        {"Sid": "BucketA", "Effect": "Allow", "Action": "s3:GetObject",
         "Resource": "arn:aws:s3:::bucket-a/*"},
        {"Sid": "Own", "Effect": "Allow", "Action": "s3:PutObject",
         "Resource": "arn:aws:s3:::home/${aws:PrincipalTag/Team}/*"},
        {"Sid": "Terminate", "Effect": "Allow", "Action": "ec2:TerminateInstances",
         "Resource": "*"},
        {"Sid": "TerminateWithMfa", "Effect": "Deny", "Action": "ec2:TerminateInstances",
         "Resource": "*",
         "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
        {"Sid": "Tags", "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
         "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["Team", "Name"]},
                       "Null": {"aws:TagKeys": "false"}}},
        {"Sid": "Single", "Effect": "Allow", "Action": "ec2:DeleteTags", "Resource": "*",
         "Condition": {"StringEquals": {"s3:prefix": "home"}}},
        {"Sid": "Table", "Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"},
        {"Sid": "Read", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}
      """;

  private static final List<String> ACTIONS =
      List.of(
          "ec2:StartInstances",
          "s3:GetObject",
          "s3:PutObject",
          "ec2:TerminateInstances",
          "ec2:CreateTags",
          "ec2:DeleteTags",
          "s3:ListBucket",
          "iam:ListRoles");

  private static final List<String> RESOURCES =
      List.of(
          "*",
          "arn:aws:s3:::bucket-a/x",
          "arn:aws:s3:::bucket-b/x",
          "arn:aws:s3:::home/red/file",
          "arn:aws:s3:::home/blue/file");

  private static final List<Consumer<AccessRequest.Builder>> CONTEXTS =
      List.of(
          b -> {},
          b -> b.context("aws:ResourceTag/Team", "red"),
          b -> b.context("aws:ResourceTag/Team", "blue"),
          b -> b.context("aws:MultiFactorAuthPresent", "true"),
          b -> b.context("aws:MultiFactorAuthPresent", "false"),
          b -> b.context("aws:TagKeys", "Team"),
          b -> b.context("aws:TagKeys", List.of("Team")),
          b -> b.context("aws:TagKeys", List.of("Team", "Owner")),
          b -> b.context("aws:TagKeys", List.of("Team", "Name")),
          b -> b.context("s3:prefix", "home"),
          b -> b.context("s3:prefix", List.of("home")),
          b -> b.context("aws:PrincipalTag/Team", "blue"));

  private static Snapshot snapshot() {
    String instance = "arn:aws:sso:::instance/ssoins-00000000000000cc";
    PermissionSet dev =
        PermissionSet.builder(
                "arn:aws:sso:::permissionSet/ssoins-00000000000000cc/ps-0000000000000001", "Dev")
            .inlinePolicy(Policies.parse(DEV, PolicyType.IDENTITY, "inline"))
            .build();
    PermissionSet admin =
        PermissionSet.builder(
                "arn:aws:sso:::permissionSet/ssoins-00000000000000cc/ps-0000000000000002", "Admin")
            .inlinePolicy(
                Policies.parse(
                    """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                    """,
                    PolicyType.IDENTITY,
                    "admin"))
            .build();
    String full =
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        """;
    return Snapshot.builder()
        .organization(
            Organization.builder("o-memo00000001", MANAGEMENT)
                .root(Root.of("r-memo"))
                .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
                .account(Account.of(MANAGEMENT, "Management", "r-memo"))
                .account(Account.of(WORK, "Work", "r-memo"))
                .policy(
                    ControlPolicy.fullAwsAccess(
                        Policies.parse(full, PolicyType.SERVICE_CONTROL, "FullAWSAccess"),
                        List.of("r-memo", MANAGEMENT, WORK)))
                .policy(
                    ControlPolicy.scp(
                        "p-regionlock",
                        "RegionLock",
                        Policies.parse(REGION_LOCK, PolicyType.SERVICE_CONTROL, "RegionLock"),
                        List.of("r-memo")))
                .policy(
                    ControlPolicy.scp(
                        "p-until2030",
                        "Until2030",
                        Policies.parse(UNTIL_2030, PolicyType.SERVICE_CONTROL, "Until2030"),
                        List.of(WORK)))
                .build())
        .identityCenter(
            IdentityCenter.builder(instance, "d-00000000cc")
                .accessControlAttribute(
                    AccessControlAttribute.of("Team", "${path:enterprise.department}"))
                .user(user("ana", "red"))
                .user(user("ben", "blue"))
                .user(user("cy", "red"))
                .permissionSet(dev)
                .permissionSet(admin)
                .assignment(AccountAssignment.toUser(WORK, dev, "u-ana"))
                .assignment(AccountAssignment.toUser(WORK, dev, "u-ben"))
                .assignment(AccountAssignment.toUser(WORK, dev, "u-cy"))
                .assignment(AccountAssignment.toUser(WORK, admin, "u-cy"))
                .build())
        .build();
  }

  private static User user(String name, String team) {
    return User.of("u-" + name, name, name, name + "@example.com")
        .withAttribute("enterprise.department", team);
  }

  private static List<AccessRequest> requests() {
    List<AccessRequest> out = new ArrayList<>();
    String[] regions = {"eu-west-1", "us-east-1", "eu-central-1", null};
    for (String user : List.of("ana", "ben", "cy")) {
      for (String action : ACTIONS) {
        for (String region : regions) {
          for (String resource : RESOURCES) {
            for (Consumer<AccessRequest.Builder> context : CONTEXTS) {
              AccessRequest.Builder b =
                  AccessRequest.builder()
                      .user(user)
                      .account(WORK)
                      .action(action)
                      .resource(resource);
              if (region != null) {
                b.region(region);
              }
              context.accept(b);
              out.add(b.build());
            }
          }
        }
      }
    }
    return out;
  }

  /** An equal request made of other objects. */
  private static AccessRequest copy(AccessRequest request) {
    AccessRequest.Builder b = AccessRequest.builder();
    String user = request.user();
    String set = request.permissionSet();
    if (user != null && set != null) {
      b.permissionSet(fresh(user), fresh(set));
    } else if (user != null) {
      b.user(fresh(user));
    }
    b.action(fresh(request.action())).resource(fresh(request.resource()));
    String account = request.account();
    if (account != null) {
      b.account(fresh(account));
    }
    String region = request.region();
    if (region != null) {
      b.region(fresh(region));
    }
    for (String key : request.context().keys()) {
      List<String> values = request.context().values(key);
      if (values == null) {
        continue;
      }
      if (request.context().isMultivalued(key)) {
        b.context(fresh(key), values.stream().map(DecisionMemoTest::fresh).toList());
      } else {
        b.context(fresh(key), fresh(values.get(0)));
      }
    }
    return b.build();
  }

  private static String fresh(String text) {
    return new String(text.toCharArray());
  }

  @Test
  void keptOutcomesAreThoseOfAFreshEvaluationInAnyOrder() {
    Authorizer authz = Authorizer.compile(snapshot());
    List<AccessRequest> requests = requests();
    List<Outcome> expected = new ArrayList<>();
    for (AccessRequest request : requests) {
      expected.add(authz.explain(request).outcome());
    }
    // Every outcome occurs, so the requests exercise allows, explicit and implicit denies.
    assertThat(expected).contains(Outcome.values());
    Random random = new Random(11);
    for (int round = 0; round < 4; round++) {
      for (int n = 0; n < requests.size(); n++) {
        int at = round == 0 ? n : random.nextInt(requests.size());
        AccessRequest request = requests.get(at);
        assertThat(authz.decide(request)).as("%s", request).isEqualTo(expected.get(at));
        // An equal request built anew (other list and string objects) is answered the same.
        AccessRequest copy = copy(request);
        assertThat(authz.decide(copy)).as("copy of %s", request).isEqualTo(expected.get(at));
      }
    }
  }

  @Test
  void usersOfOneRoleKeepTheirOwnAnswersWhereAPolicyReadsTheirTags() {
    Authorizer authz = Authorizer.compile(snapshot());
    for (int i = 0; i < 3; i++) {
      for (String user : List.of("ana", "ben", "cy")) {
        AccessRequest start =
            AccessRequest.builder()
                .permissionSet(user, "Dev")
                .account("Work")
                .action("ec2:StartInstances")
                .region("eu-west-1")
                .context("aws:ResourceTag/Team", "red")
                .build();
        assertThat(authz.decide(start))
            .as(user)
            .isEqualTo(user.equals("ben") ? Outcome.IMPLICIT_DENY : Outcome.ALLOWED);
        AccessRequest put =
            AccessRequest.builder()
                .permissionSet(user, "Dev")
                .account("Work")
                .action("s3:PutObject")
                .resource("arn:aws:s3:::home/blue/report")
                .region("eu-west-1")
                .build();
        assertThat(authz.decide(put))
            .as(user)
            .isEqualTo(user.equals("ben") ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY);
      }
    }
  }

  @Test
  void aKeyGivenSingleOrMultivaluedIsTwoQuestions() {
    Authorizer authz = Authorizer.compile(snapshot());
    for (int i = 0; i < 3; i++) {
      AccessRequest single =
          AccessRequest.builder()
              .user("ana")
              .account("Work")
              .action("ec2:DeleteTags")
              .region("eu-west-1")
              .context("s3:prefix", "home")
              .build();
      AccessRequest multi =
          AccessRequest.builder()
              .user("ana")
              .account("Work")
              .action("ec2:DeleteTags")
              .region("eu-west-1")
              .context("s3:prefix", List.of("home"))
              .build();
      // A single-valued operator never matches a multivalued key.
      assertThat(authz.decide(single)).isEqualTo(Outcome.ALLOWED);
      assertThat(authz.decide(multi)).isEqualTo(Outcome.IMPLICIT_DENY);
    }
  }

  @Test
  void aPlanThatReadsTheTimeIsAskedAgainEachTime() {
    SettableClock clock = new SettableClock(Instant.parse("2026-06-01T00:00:00Z"));
    Authorizer authz =
        Authorizer.compile(snapshot(), AuthorizerOptions.defaults().withClock(clock));
    AccessRequest request =
        AccessRequest.builder()
            .user("ana")
            .account("Work")
            .action("dynamodb:GetItem")
            .region("eu-west-1")
            .build();
    for (int i = 0; i < 3; i++) {
      clock.now = Instant.parse("2029-12-31T23:59:59Z");
      assertThat(authz.decide(request)).isEqualTo(Outcome.ALLOWED);
      clock.now = Instant.parse("2030-01-01T00:00:01Z");
      assertThat(authz.decide(request)).isEqualTo(Outcome.EXPLICIT_DENY);
    }
  }

  @Test
  void manyMoreQuestionsThanKeptOutcomesAreStillAnsweredRight() {
    Authorizer authz = Authorizer.compile(snapshot());
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 20_000; i++) {
        String bucket = i % 3 == 0 ? "bucket-a" : "bucket-b";
        AccessRequest request =
            AccessRequest.builder()
                .user(i % 2 == 0 ? "ana" : "ben")
                .account("Work")
                .action("s3:GetObject")
                .resource("arn:aws:s3:::" + bucket + "/object-" + i)
                .region(i % 5 == 0 ? "us-east-1" : "eu-west-1")
                .build();
        Outcome expected =
            i % 5 == 0
                ? Outcome.EXPLICIT_DENY
                : bucket.equals("bucket-a") ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
        assertThat(authz.decide(request)).as("request %d", i).isEqualTo(expected);
      }
    }
  }
}
