package dev.orgauthz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.iam.AccountIamData;
import dev.orgauthz.iam.AwsManagedPolicies;
import dev.orgauthz.iam.ManagedPolicy;
import dev.orgauthz.identitycenter.AccountAssignment;
import dev.orgauthz.identitycenter.CustomerManagedPolicyReference;
import dev.orgauthz.identitycenter.IdentityCenter;
import dev.orgauthz.identitycenter.PermissionSet;
import dev.orgauthz.org.Account;
import dev.orgauthz.org.ControlPolicy;
import dev.orgauthz.org.Organization;
import dev.orgauthz.org.OrganizationalUnit;
import dev.orgauthz.org.Root;
import dev.orgauthz.policy.Policies;
import dev.orgauthz.policy.PolicyDocument;
import dev.orgauthz.policy.PolicyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot format: what is written reads back, and what is wrong is named at its pointer. */
class SnapshotsTest {
  private static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

  @TempDir Path directory;

  private static PolicyDocument parse(String json, PolicyType type) {
    return Policies.parse(json.replace('`', '"'), type, "test");
  }

  /** A small snapshot: one SCP, one permission set with a customer managed policy, IAM data. */
  static Snapshot snapshot() {
    Organization organization =
        Organization.builder(SnapshotTest.ORG, SnapshotTest.MANAGEMENT)
            .root(Root.of(SnapshotTest.ROOT))
            .enablePolicyType(ControlPolicy.SERVICE_CONTROL_POLICY)
            .organizationalUnit(
                OrganizationalUnit.of(SnapshotTest.OU, "Workloads", SnapshotTest.ROOT))
            .account(Account.of(SnapshotTest.MANAGEMENT, "Management", SnapshotTest.ROOT))
            .account(Account.of(SnapshotTest.MEMBER, "Member", SnapshotTest.OU))
            .policy(
                ControlPolicy.fullAwsAccess(
                    parse(ControlPolicy.FULL_AWS_ACCESS_TEXT, PolicyType.SERVICE_CONTROL),
                    List.of(
                        SnapshotTest.ROOT,
                        SnapshotTest.OU,
                        SnapshotTest.MANAGEMENT,
                        SnapshotTest.MEMBER)))
            .policy(
                ControlPolicy.scp(
                    "p-denyleave01",
                    "DenyLeave",
                    parse(
                        "{`Version`:`2012-10-17`,`Statement`:{`Effect`:`Deny`,"
                            + "`Action`:`organizations:LeaveOrganization`,`Resource`:`*`}}",
                        PolicyType.SERVICE_CONTROL),
                    List.of(SnapshotTest.ROOT)))
            .build();
    PermissionSet admin =
        SnapshotTest.set("Admin")
            .awsManagedPolicy(ADMIN)
            .customerManagedPolicy(CustomerManagedPolicyReference.of("Extras"))
            .build();
    IdentityCenter center =
        SnapshotTest.center(admin)
            .assignment(AccountAssignment.toGroup(SnapshotTest.MEMBER, admin, "g-1"))
            .build();
    PolicyDocument allowAll =
        parse(
            "{`Version`:`2012-10-17`,`Statement`:[{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`}]}",
            PolicyType.IDENTITY);
    return Snapshot.builder()
        .organization(organization)
        .identityCenter(center)
        .awsManagedPolicies(
            AwsManagedPolicies.of(
                List.of(new ManagedPolicy(ADMIN, "AdministratorAccess", "/", allowAll, "v1"))))
        .iamData(
            AccountIamData.of(
                SnapshotTest.MEMBER,
                List.of(
                    ManagedPolicy.customerManaged(SnapshotTest.MEMBER, "/", "Extras", allowAll))))
        .provenance(
            new Provenance(
                "a test", Instant.parse("2026-01-15T10:00:00Z"), Map.of("format", "code")))
        .build();
  }

  private Path written() {
    Path file = directory.resolve("snapshot.json");
    Snapshots.write(snapshot(), file);
    return file;
  }

  private Path edited(UnaryOperator<String> change) throws IOException {
    Path file = written();
    String before = Files.readString(file);
    String after = change.apply(before);
    assertThat(after).as("the edit changes the file").isNotEqualTo(before);
    Files.writeString(file, after);
    return file;
  }

  private static List<SnapshotError> errors(Path path) {
    return Snapshots.validate(path).errors();
  }

  @Test
  void whatIsWrittenReadsBack() {
    Snapshot original = snapshot();
    Snapshot read = Snapshots.read(written());

    assertThat(read.organization().policies()).isEqualTo(original.organization().policies());
    assertThat(read.identityCenter().orElseThrow().permissionSets())
        .isEqualTo(original.identityCenter().orElseThrow().permissionSets());
    assertThat(read.iamData()).isEqualTo(original.iamData());
    assertThat(read.awsManagedPolicies().policies())
        .isEqualTo(original.awsManagedPolicies().policies());
    assertThat(read.provenance()).isEqualTo(original.provenance());
    assertThat(Snapshots.toJson(read)).isEqualTo(Snapshots.toJson(original));
  }

  @Test
  void theFileStartsWithItsSchemaVersionAndProvenance() throws IOException {
    assertThat(Files.readString(written()))
        .startsWith(
            "{\n  \"schemaVersion\": 1,\n  \"provenance\": {\n"
                + "    \"collectedFrom\": \"a test\",\n"
                + "    \"collectedAt\": \"2026-01-15T10:00:00Z\",\n");
  }

  @Test
  void anotherSchemaVersionIsNotRead() throws IOException {
    Path file = edited(text -> text.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"));

    assertThat(errors(file))
        .containsExactly(
            new SnapshotError(
                file.toString(),
                "/schemaVersion",
                "schema version 2 is not one this orgauthz reads (1): read it with the orgauthz"
                    + " that wrote it, or import the export again"));
  }

  @Test
  void jsonThatIsNoSnapshotIsNamedSo() throws IOException {
    Path file = directory.resolve("other.json");
    Files.writeString(file, "{\"Statement\": []}");

    assertThat(errors(file))
        .extracting(SnapshotError::message)
        .containsExactly(
            "the file is not an orgauthz snapshot (it has no schemaVersion): pass a snapshot file"
                + " written by `orgauthz import`, or an AWS CLI export directory");
  }

  @Test
  void aMissingPathIsNamed() {
    Path file = directory.resolve("nowhere.json");

    assertThat(errors(file))
        .extracting(SnapshotError::message)
        .containsExactly(
            "no such file or directory: pass a snapshot file written by `orgauthz import`, or an"
                + " AWS CLI export directory");
  }

  @Test
  void aSchemaViolationIsReportedAtItsPointer() throws IOException {
    Path file =
        edited(text -> text.replace("\"id\": \"" + SnapshotTest.MEMBER + "\"", "\"id\": \"22\""));

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer()).isEqualTo("/organization/accounts/1/id");
              assertThat(error.message())
                  .startsWith("the value does not fit the expected shape: ")
                  .endsWith(
                      "; see snapshot-v1.schema.json for the format, or write the file with"
                          + " `orgauthz import`");
            });
  }

  @Test
  void aDuplicateKeyIsAnError() throws IOException {
    Path file =
        edited(
            text ->
                text.replace(
                    "\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"schemaVersion\": 1,"));

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            error -> assertThat(error.message()).startsWith("a key appears twice in one object"));
  }

  @Test
  void anAssignmentOfAnUnknownPermissionSetIsAnError() throws IOException {
    Path file =
        edited(
            text ->
                text.replaceFirst(
                    "/ps-admin\",(\\s*)\"principalType\"", "/ps-gone\",$1\"principalType\""));

    assertThat(errors(file))
        .containsExactly(
            new SnapshotError(
                file.toString(),
                "/identityCenter/assignments/0/permissionSetArn",
                "permission set `arn:aws:sso:::permissionSet/ssoins-0000000000000001/ps-gone` is"
                    + " not among the permission sets: fix the ARN or add it"));
  }

  @Test
  void aPolicyTargetOutsideTheTreeIsAnError() throws IOException {
    Path file =
        edited(
            text ->
                text.replaceFirst(
                    "(\"name\": \"DenyLeave\"[^]]*\"targets\": \\[\\s*)\"r-test\"",
                    "$1\"ou-test-elsewhere\""));

    assertThat(errors(file))
        .containsExactly(
            new SnapshotError(
                file.toString(),
                "/organization/policies/1/targets/0",
                "the target `ou-test-elsewhere` is not in the organization's tree (neither the"
                    + " root, an organizational unit nor an account): fix the id or add the node"));
  }

  @Test
  void anInvalidPolicyIsReportedAtItsPointerInTheFile() throws IOException {
    Path file = edited(text -> text.replace("\"Effect\": \"Deny\"", "\"Effect\": \"Maybe\""));

    assertThat(errors(file))
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.pointer())
                  .isEqualTo("/organization/policies/1/policy/document/Statement/Effect");
              assertThat(error.message()).startsWith("the service control policy is invalid: ");
            });
  }

  @Test
  void aModelErrorIsAnErrorOfTheFile() throws IOException {
    Path file =
        edited(
            text ->
                text.replaceFirst(
                    "policy/Extras\",(\\s*)\"name\": \"Extras\"",
                    "policy/Other\",$1\"name\": \"Other\""));

    assertThatThrownBy(() -> Snapshots.read(file))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("account Member (222222222222) lacks");
  }
}
