package dev.orgauthz.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar of semantics.md §3, and the messages a user reads when a document is wrong. */
class PoliciesTest {
  private static final String ALLOW_S3 =
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S3\",\"Effect\":\"Allow\","
          + "\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}}";

  @Test
  void readsAStatementObject() {
    PolicyDocument document = Policies.parse(ALLOW_S3, PolicyType.IDENTITY, "test.json");

    assertThat(document.version()).isEqualTo("2012-10-17");
    assertThat(document.variablesEnabled()).isTrue();
    assertThat(document.statements())
        .singleElement()
        .satisfies(
            statement -> {
              assertThat(statement.sid()).isEqualTo("S3");
              assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
              assertThat(statement.actions()).containsExactly("s3:Get*", "s3:List*");
              assertThat(statement.notAction()).isFalse();
              assertThat(statement.resources()).containsExactly("*");
              assertThat(statement.pointer()).isEqualTo("/Statement");
            });
  }

  @Test
  void readsAJsonStringAndAUrlEncodedDocument() {
    String quoted = "\"" + ALLOW_S3.replace("\"", "\\\"") + "\"";
    String encoded = URLEncoder.encode(ALLOW_S3, StandardCharsets.UTF_8);

    PolicyDocument plain = Policies.parse(ALLOW_S3, PolicyType.IDENTITY, "a");
    assertThat(Policies.parse(quoted, PolicyType.IDENTITY, "b").statements())
        .isEqualTo(plain.statements());
    assertThat(Policies.parse(encoded, PolicyType.IDENTITY, "c").statements())
        .isEqualTo(plain.statements());
  }

  @Test
  void numbersAndBooleansInConditionsAreTheirText() {
    PolicyDocument document =
        Policies.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":10.50},"
                + "\"Bool\":{\"aws:SecureTransport\":true}}}}",
            PolicyType.IDENTITY,
            "t");
    assertThat(document.statements().get(0).conditions())
        .extracting(ConditionClause::values)
        .containsExactly(java.util.List.of("10.50"), java.util.List.of("true"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "duplicate Effect | {`Statement`:{`Effect`:`Allow`,`Effect`:`Deny`,`Action`:`*`,"
            + "`Resource`:`*`}} | | duplicate key",
        "both Action and NotAction | {`Statement`:{`Effect`:`Allow`,`Action`:`*`,"
            + "`NotAction`:`s3:*`,`Resource`:`*`}} | /Statement | both Action and NotAction",
        "no Action | {`Statement`:{`Effect`:`Allow`,`Resource`:`*`}} | /Statement"
            + " | neither Action nor NotAction",
        "no Resource | {`Statement`:{`Effect`:`Allow`,`Action`:`*`}} | /Statement"
            + " | neither Resource nor NotResource",
        "bad Effect | {`Statement`:{`Effect`:`allow`,`Action`:`*`,`Resource`:`*`}}"
            + " | /Statement/Effect | policy grammar",
        "unknown key | {`Statement`:{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,"
            + "`Actions`:`x`}} | /Statement | policy grammar",
        "Principal in identity policy | {`Statement`:{`Effect`:`Allow`,`Principal`:`*`,"
            + "`Action`:`*`,`Resource`:`*`}} | /Statement/Principal | cannot have Principal",
        "action without service | {`Statement`:{`Effect`:`Allow`,`Action`:`GetObject`,"
            + "`Resource`:`*`}} | /Statement/Action | add the service prefix",
        "resource not an ARN | {`Statement`:{`Effect`:`Allow`,`Action`:`s3:*`,"
            + "`Resource`:[`*`,`bucket`]}} | /Statement/Resource/1 | is not `*` nor an ARN",
        "not JSON | {`Statement`: | | not valid JSON",
        "bad version | {`Version`:`2012-10-18`,`Statement`:[]} | /Version | policy grammar",
      })
  void rejectsWhatAwsRejects(String name, String json, String pointer, String message) {
    // The cases write JSON with backquotes for double quotes, to stay readable.
    String document = json.replace('`', '"');
    assertThatThrownBy(() -> Policies.parse(document, PolicyType.IDENTITY, "policy.json"))
        .isInstanceOfSatisfying(
            PolicyException.class,
            e -> {
              assertThat(e.source()).isEqualTo("policy.json");
              assertThat(e.pointer()).isEqualTo(pointer == null ? "" : pointer);
              assertThat(e.problem()).contains(message);
            });
  }

  @Test
  void controlPoliciesFollowTheirOwnRules() {
    assertThatThrownBy(
            () ->
                Policies.parse(
                    "{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}",
                    PolicyType.SERVICE_CONTROL,
                    "scp"))
        .hasMessageContaining("\"Version\": \"2012-10-17\"");
    assertThatThrownBy(
            () ->
                Policies.parse(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
                    PolicyType.RESOURCE_CONTROL,
                    "rcp"))
        .hasMessageContaining("\"Principal\": \"*\"");
    assertThatThrownBy(
            () ->
                Policies.parse(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                        + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}",
                    PolicyType.RESOURCE_CONTROL,
                    "rcp"))
        .hasMessageContaining("can only deny");
    assertThat(
            Policies.parse(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                    PolicyType.RESOURCE_CONTROL,
                    "p-RCPFullAWSAccess")
                .statements())
        .hasSize(1);
  }

  @Test
  void notPrincipalOnlyWithDeny() {
    assertThatThrownBy(
            () ->
                Policies.parse(
                    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                        + "\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\","
                        + "\"Resource\":\"*\"}}",
                    PolicyType.RESOURCE,
                    "bucket"))
        .hasMessageContaining("NotPrincipal is supported only with");
  }

  @Test
  void trustPoliciesMayOmitResource() {
    PolicyDocument trust =
        Policies.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}}",
            PolicyType.RESOURCE,
            "trust");
    assertThat(trust.statements().get(0).resources()).isEmpty();
    assertThat(trust.statements().get(0).principal().values("Service"))
        .containsExactly("ec2.amazonaws.com");
  }

  @Test
  void findingsAreData() {
    String big =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":["
            + "\"s3:GetObject\",".repeat(400)
            + "\"s3:PutObject\"],\"Resource\":\"*\"}]}";
    assertThat(Policies.parse(big, PolicyType.SERVICE_CONTROL, "scp").findings())
        .extracting(Finding::code)
        .contains("scp-too-large");

    String forAll =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\",\"Condition\":{\"ForAllValues:StringEquals\":"
            + "{\"aws:TagKeys\":[\"a\"]}}}}";
    assertThat(Policies.parse(forAll, PolicyType.IDENTITY, "p").findings())
        .extracting(Finding::code, Finding::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "forallvalues-allow-without-null-guard",
                "/Statement/Condition/ForAllValues:StringEquals/aws:TagKeys"));

    assertThat(
            Policies.parse(
                    "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:\",\"Resource\":\"*\"}}",
                    PolicyType.IDENTITY,
                    "p")
                .findings())
        .extracting(Finding::code)
        .containsExactly("no-version", "action-never-matches");
  }
}
