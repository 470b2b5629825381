package dev.orgauthz.testing.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading intent files: what they mean, and what an error says for each kind of mistake. */
class IntentReaderTest {
  private static List<Intent> read(String json) {
    return IntentReader.read(json, "intents.json");
  }

  /** One intent with the given members, in a file of its own. */
  private static String file(String members) {
    return "{\"intents\": [ {" + members + "} ]}";
  }

  @Test
  void anIntentWithEveryPart() {
    Intent intent =
        read(file(
                """
                "name": "alice terminates with MFA", "user": "alice",
                "permissionSet": "AdministratorAccess", "action": "ec2:TerminateInstances",
                "resource": "arn:aws:ec2:eu-west-1:444444444444:instance/i-0abc",
                "account": "Production", "region": "eu-west-1",
                "context": { "aws:MultiFactorAuthPresent": true, "aws:MultiFactorAuthAge": 30,
                             "aws:TagKeys": ["a", "b"] },
                "time": "2025-01-31T12:00:00Z",
                "expect": "Allowed", "grantedBy": "AdministratorAccess"
                """))
            .get(0);

    assertThat(intent.name()).isEqualTo("alice terminates with MFA");
    assertThat(intent.location()).isEqualTo("intents.json /intents/0");
    assertThat(intent.question())
        .isEqualTo(
            new Question(
                Question.Who.user("alice"),
                "AdministratorAccess",
                "ec2:TerminateInstances",
                "arn:aws:ec2:eu-west-1:444444444444:instance/i-0abc",
                Question.Where.account("Production"),
                "eu-west-1",
                Map.of(
                    "aws:MultiFactorAuthPresent", List.of("true"),
                    "aws:MultiFactorAuthAge", List.of("30"),
                    "aws:TagKeys", List.of("a", "b")),
                Instant.parse("2025-01-31T12:00:00Z")));
    assertThat(intent.expectation())
        .isEqualTo(new Expectation(Expected.ALLOWED, null, null, "AdministratorAccess"));
  }

  @Test
  void theKindsOfPrincipalPlaceAndBlock() {
    List<Intent> intents =
        read(
            """
            {"intents": [
              {"everyUser": true, "action": "s3:GetObject", "ou": "Sandbox", "expect": "Denied",
               "blockedBy": "DenyS3"},
              {"group": "Developers", "action": "s3:GetObject", "everyAccount": true,
               "expect": "ExplicitlyDenied", "blockedBy": {"scp": "DenyS3", "level": "Root"}},
              {"permissionSet": "Developer", "action": "s3:GetObject", "account": "UAT",
               "expect": "ImplicitlyDenied", "blockedBy": {"level": "Sandbox"}}
            ]}
            """);

    assertThat(intents)
        .extracting(i -> i.question().who(), i -> i.question().where(), Intent::expectation)
        .containsExactly(
            tuple(
                Question.Who.everyUser(),
                Question.Where.organizationalUnit("Sandbox"),
                new Expectation(Expected.DENIED, "DenyS3", null, null)),
            tuple(
                Question.Who.group("Developers"),
                Question.Where.everyAccount(),
                new Expectation(Expected.EXPLICITLY_DENIED, "DenyS3", "Root", null)),
            tuple(
                Question.Who.permissionSet("Developer"),
                Question.Where.account("UAT"),
                new Expectation(Expected.IMPLICITLY_DENIED, null, "Sandbox", null)));
    assertThat(intents.get(2).question().permissionSet()).isNull();
  }

  @Test
  void anIntentWithoutNameIsShownAsASentence() {
    Intent intent =
        read(file(
                "\"group\": \"Developers\", \"action\": \"ec2:TerminateInstances\","
                    + " \"account\": \"Production\", \"region\": \"eu-west-1\","
                    + " \"expect\": \"ExplicitlyDenied\","
                    + " \"blockedBy\": \"RequireMfaForDestructiveActions\""))
            .get(0);

    assertThat(intent.toString())
        .isEqualTo(
            "every member of group `Developers` cannot perform ec2:TerminateInstances in account"
                + " `Production`, region eu-west-1 (ExplicitlyDenied, blocked by SCP"
                + " `RequireMfaForDestructiveActions`)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an unknown key \
            | "usr": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied" \
            | intents.json at /intents/0: unknown key `usr`: remove it or correct its spelling
          an unknown outcome \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Deny" \
            | intents.json at /intents/0/expect: `Deny` is not one of Allowed, Denied, \
          ExplicitlyDenied, ImplicitlyDenied: use one of them
          a malformed action \
            | "user": "bob", "action": "s3GetObject", "account": "UAT", "expect": "Denied" \
            | intents.json at /intents/0/action: `s3GetObject` is not an action of the form \
          service:Action: write for example `s3:GetObject`
          no expectation \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT" \
            | intents.json at /intents/0: required key `expect` is missing: add it
          two principals \
            | "user": "bob", "group": "Admins", "action": "s3:GetObject", "account": "UAT", \
          "expect": "Denied" \
            | intents.json at /intents/0: the intent names more than one principal: keep one of \
          `user`, `group` and `everyUser`
          no principal \
            | "action": "s3:GetObject", "account": "UAT", "expect": "Denied" \
            | intents.json at /intents/0: the intent names no principal: add `user`, `group`, \
          `everyUser` or `permissionSet`
          two places \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "ou": "Sandbox", \
          "expect": "Denied" \
            | intents.json at /intents/0: the intent names more than one place: keep one of \
          `account`, `ou` and `everyAccount`
          no place \
            | "user": "bob", "action": "s3:GetObject", "expect": "Denied" \
            | intents.json at /intents/0: the intent names no place: add `account`, `ou` or \
          `everyAccount`
          an allow blocked by an SCP \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Allowed", \
          "blockedBy": "DenyS3" \
            | intents.json at /intents/0/blockedBy: an allowed request is blocked by nothing: \
          expect `Denied` or drop `blockedBy`
          an implicit deny by an SCP statement \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", \
          "expect": "ImplicitlyDenied", "blockedBy": "DenyS3" \
            | intents.json at /intents/0/blockedBy: an SCP blocks with a deny statement, which \
          is an explicit deny: expect `ExplicitlyDenied` or `Denied`, or name only the level
          a deny granted by a permission set \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied", \
          "grantedBy": "Developer" \
            | intents.json at /intents/0/grantedBy: a denied request is granted by nothing: \
          expect `Allowed` or drop `grantedBy`
          a block of another form \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied", \
          "blockedBy": 5 \
            | intents.json at /intents/0/blockedBy: `5` has none of the allowed forms: give an \
          SCP name or id, or an object with `scp` and/or `level`
          a block with an unknown key \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied", \
          "blockedBy": {"policy": "DenyS3"} \
            | intents.json at /intents/0/blockedBy: unknown key `policy`: remove it or correct \
          its spelling
          an empty block \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied", \
          "blockedBy": {} \
            | intents.json at /intents/0/blockedBy: the object is empty: give `scp`, `level` or \
          both
          every user set to false \
            | "everyUser": false, "action": "s3:GetObject", "account": "UAT", "expect": "Denied" \
            | intents.json at /intents/0/everyUser: `false` is not allowed: write `true` or leave \
          the key out
          a context key of another form \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied", \
          "context": {"aws:SourceIp": {"ip": "1.2.3.4"}} \
            | intents.json at /intents/0/context/aws:SourceIp: `{"ip":"1.2.3.4"}` has none of \
          the allowed forms: give a string, number or boolean, or an array of them
          an empty name \
            | "user": "", "action": "s3:GetObject", "account": "UAT", "expect": "Denied" \
            | intents.json at /intents/0/user: the value is empty: give a name or leave the key \
          out
          a time that is no instant \
            | "user": "bob", "action": "s3:GetObject", "account": "UAT", "expect": "Denied", \
          "time": "yesterday" \
            | intents.json at /intents/0/time: `yesterday` is not an ISO-8601 instant: write for \
          example `2025-01-31T12:00:00Z`
          """)
  void aMistakeInAnIntentIsNamedWithItsPointerAndFix(String mistake, String members, String error) {
    assertThatThrownBy(() -> read(file(members)))
        .isInstanceOf(IntentFileException.class)
        .hasMessage(error);
  }

  @Test
  void twoMistakesAreCounted() {
    assertThatThrownBy(
            () ->
                read(
                    file(
                        "\"usr\": \"bob\", \"action\": \"s3:GetObject\", \"account\": \"UAT\","
                            + " \"expect\": \"Deny\"")))
        .hasMessage(
            "intents.json at /intents/0/expect: `Deny` is not one of Allowed, Denied,"
                + " ExplicitlyDenied, ImplicitlyDenied: use one of them (and 1 more problem)");
  }

  @Test
  void aFileWithoutIntents() {
    assertThatThrownBy(() -> read("{\"intents\": []}"))
        .hasMessage("intents.json at /intents: the file has no intents: add at least one");
    assertThatThrownBy(() -> read("[]"))
        .hasMessage(
            "intents.json: `[]` is array, expected object: write the file as an object with"
                + " `intents`, an array of intents");
  }

  @Test
  void malformedJson() {
    assertThatThrownBy(() -> read("{\"intents\": [}"))
        .isInstanceOf(IntentFileException.class)
        .hasMessageStartingWith("intents.json: not valid JSON at line 1, column 14 (")
        .hasMessageEndingWith("): fix the JSON syntax");
  }

  @Test
  void aRepeatedKey() {
    assertThatThrownBy(
            () ->
                read(
                    file(
                        "\"user\": \"bob\", \"user\": \"alice\", \"action\": \"s3:GetObject\","
                            + " \"account\": \"UAT\", \"expect\": \"Denied\"")))
        .hasMessageStartingWith("intents.json: not valid JSON at line 1, column ")
        .hasMessageContaining("Duplicate Object property \"user\"")
        .hasMessageEndingWith("): keep one of the repeated keys");
  }

  @Test
  void aFileThatIsNotThere() {
    Path missing = Path.of("target", "no-such-intents.json");

    assertThatThrownBy(() -> IntentReader.read(missing))
        .isInstanceOf(IntentFileException.class)
        .hasMessage(missing + ": does not exist: check the path");
  }

  @Test
  void theExceptionHoldsItsParts() {
    IntentFileException error =
        catchThrowableOfType(
            IntentFileException.class,
            () ->
                read(
                    file(
                        "\"user\": \"bob\", \"action\": \"s3:GetObject\", \"account\": \"UAT\","
                            + " \"expect\": \"Deny\"")));

    assertThat(error.source()).isEqualTo("intents.json");
    assertThat(error.pointer()).isEqualTo("/intents/0/expect");
    assertThat(error.problem())
        .isEqualTo(
            "`Deny` is not one of Allowed, Denied, ExplicitlyDenied, ImplicitlyDenied: use one of"
                + " them");
  }
}
