package dev.orgauthz.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgauthz.evaluation.Outcome;
import dev.orgauthz.policy.PolicyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseReaderTest {
  private static final String REQUEST =
      "\"request\": {\"principal\": \"arn:aws:iam::222222222222:role/AppRole\","
          + " \"action\": \"s3:GetObject\", \"resource\": \"arn:aws:s3:::bucket/key\"}";

  @TempDir Path dir;

  private static String minimal(String name) {
    return "{\"name\": \"" + name + "\", " + REQUEST + ", \"expected\": \"Allowed\"}";
  }

  private Path write(String file, String text) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text);
  }

  @Test
  void readsAMinimalCase() throws IOException {
    Path file = write("a.json", minimal("a"));

    ConformanceCase read = CaseReader.read(file).get(0);

    assertThat(read.name()).isEqualTo("a");
    assertThat(read.description()).isEmpty();
    assertThat(read.location()).isEqualTo(file.toString());
    assertThat(read.organization()).isNull();
    assertThat(read.scpLevels()).isNull();
    assertThat(read.request().principalAccount()).isNull();
    assertThat(read.request().resourceAccount()).isNull();
    assertThat(read.options()).isEqualTo(CaseOptions.defaults());
    assertThat(read.expected()).isEqualTo(Outcome.ALLOWED);
  }

  @Test
  void badJsonNamesTheFileAndLine() throws IOException {
    Path file = write("bad.json", "{\"name\": \"bad\",\n \"request\": {\"principal\": }\n}");

    assertThatThrownBy(() -> CaseReader.read(file))
        .isInstanceOf(CaseException.class)
        .hasMessageStartingWith(file + " at /request/principal: invalid JSON (line 2, column")
        .hasMessageEndingWith(": correct the syntax");
  }

  @Test
  void trailingContentInAJsonFileIsAnError() throws IOException {
    Path file = write("two.json", minimal("a") + "\n" + minimal("b"));

    assertThatThrownBy(() -> CaseReader.read(file))
        .isInstanceOf(CaseException.class)
        .hasMessageContaining("a `.json` file holds one case");
  }

  @Test
  void duplicateKeyIsAnErrorWithItsPointer() throws IOException {
    Path file =
        write(
            "dup.json",
            "{\"name\": \"dup\", \"request\": {\"principal\": \"anonymous\","
                + " \"action\": \"s3:Get\",\n \"resource\": \"*\", \"action\": \"s3:Put\"}}");

    assertThatThrownBy(() -> CaseReader.read(file))
        .isInstanceOf(CaseException.class)
        .hasMessage(
            file
                + " at /request/action: duplicate key `action` (line 2):"
                + " keep only one of them");
  }

  @Test
  void duplicateKeyInsideAPolicyDocumentIsAnError() throws IOException {
    Path file =
        write(
            "dup-doc.json",
            "{\"name\": \"d\", "
                + REQUEST
                + ", \"identityPolicies\": [{\"id\": \"p\", \"document\": {\"Statement\": [{"
                + "\"Effect\": \"Allow\", \"Effect\": \"Deny\", \"Action\": \"*\","
                + " \"Resource\": \"*\"}]}}]}");

    assertThatThrownBy(() -> CaseReader.read(file))
        .isInstanceOf(CaseException.class)
        .hasMessageContaining("at /identityPolicies/0/document/Statement/0/Effect: duplicate key");
  }

  @Test
  void missingRequiredKeyNamesItAndTheFix() throws IOException {
    Path file =
        write(
            "missing.json",
            "{\"name\": \"m\", \"request\": {\"principal\": \"anonymous\", \"resource\": \"*\"}}");

    assertThatThrownBy(() -> CaseReader.read(file))
        .isInstanceOf(CaseException.class)
        .hasMessage(file + " at /request: required key `action` is missing: add it");
  }

  @Test
  void schemaViolationsAreWordedForPeople() {
    assertThatThrownBy(
            () ->
                CaseReader.parse(
                    "{\"name\": \"p\", \"request\": {\"principal\": \"anonymous\","
                        + " \"action\": \"s3 GetObject\", \"resource\": \"*\"}}",
                    "p.json"))
        .hasMessage(
            "p.json at /request/action: `s3 GetObject` does not match"
                + " `^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$`: write the action as `service:ActionName`");
    assertThatThrownBy(() -> CaseReader.parse(minimal("x").replace("Allowed", "Allow"), "e.json"))
        .hasMessage(
            "e.json at /expected: `Allow` is not one of Allowed, ImplicitlyDenied,"
                + " ExplicitlyDenied: use one of them");
    assertThatThrownBy(
            () ->
                CaseReader.parse(
                    "{\"name\": \"o\", " + REQUEST + ", \"options\": {\"derive\": false}}",
                    "o.json"))
        .hasMessage("o.json at /options: unknown key `derive`: remove it or correct its spelling");
    assertThatThrownBy(() -> CaseReader.parse("[1]", "arr.json"))
        .hasMessage("arr.json: `[1]` is array, expected object: write one case as a JSON object");
  }

  @Test
  void oneOfViolationsPointAtTheFittingBranch() {
    assertThatThrownBy(
            () ->
                CaseReader.parse(
                    "{\"name\": \"b\", " + REQUEST + ", \"permissionsBoundary\": {\"id\": \"b\"}}",
                    "b.json"))
        .hasMessage("b.json at /permissionsBoundary: required key `document` is missing: add it");
    assertThatThrownBy(
            () ->
                CaseReader.parse(
                    "{\"name\": \"c\", \"request\": {\"principal\": \"anonymous\", \"action\":"
                        + " \"s3:Get\", \"resource\": \"*\", \"context\": {\"k\": {}}}}",
                    "c.json"))
        .hasMessageStartingWith("c.json at /request/context/k: `{}` has none of the allowed forms")
        .hasMessageEndingWith("or an array of strings, numbers and booleans");
  }

  @Test
  void moreViolationsAreCounted() {
    assertThatThrownBy(() -> CaseReader.parse("{\"name\": 1}", "n.json"))
        .hasMessageEndingWith("(and 1 more problem)");
  }

  @Test
  void jsonLinesNameTheLine() throws IOException {
    Path file =
        write("many.jsonl", minimal("one") + "\n\n{\"name\": \"two\"}\n" + minimal("three"));

    List<CaseEntry> entries = CaseReader.readEntries(file);

    assertThat(entries).hasSize(3);
    assertThat(entries.get(0)).isInstanceOf(CaseEntry.Loaded.class);
    assertThat(entries.get(0).location()).isEqualTo(file + " line 1");
    CaseEntry.Unreadable bad = (CaseEntry.Unreadable) entries.get(1);
    assertThat(bad.name()).isEqualTo("two");
    assertThat(bad.location()).isEqualTo(file + " line 3");
    assertThat(bad.error()).hasMessage(file + " line 3: required key `request` is missing: add it");
    assertThat(entries.get(2).location()).isEqualTo(file + " line 4");
    assertThatThrownBy(() -> CaseReader.read(file)).hasMessage(bad.error().getMessage());
  }

  @Test
  void anUnreadableEntryKeepsItsExpectedAnswer() {
    CaseEntry entry =
        CaseJson.entry("{\"name\": \"x\", \"expected\": \"ExplicitlyDenied\"}", "x.json");

    assertThat(entry).isInstanceOf(CaseEntry.Unreadable.class);
    assertThat(((CaseEntry.Unreadable) entry).expected()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void directoriesAreReadRecursivelyInPathOrder() throws IOException {
    write("b/2.json", minimal("b2"));
    write("a.jsonl", minimal("a1") + "\n" + minimal("a2"));
    write("b/1.json", minimal("b1"));
    write("c/notes.txt", "not a case");
    write("b/c/0.json", minimal("bc0"));

    List<ConformanceCase> cases = CaseReader.read(dir);

    assertThat(cases)
        .extracting(ConformanceCase::name)
        .containsExactly("a1", "a2", "b1", "b2", "bc0");
  }

  @Test
  void pathsThatAreNotCasesAreRejected() throws IOException {
    Path notes = write("notes.txt", "x");

    assertThatThrownBy(() -> CaseReader.read(dir.resolve("absent")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> CaseReader.read(notes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("`" + notes + "` is neither a directory nor a `.json` or `.jsonl` file");
  }

  @Test
  void readsEveryPartOfACase() {
    String json =
        """
        {"name": "full", "description": "all parts",
         "org": {"id": "o-1", "managementAccountId": "111111111111",
           "root": {"id": "r-1", "name": "Root", "accounts": ["111111111111"], "children": [
             {"id": "ou-1", "accounts": [{"id": "222222222222", "name": "Prod"}]}]}},
         "scps": [{"id": "p-a", "targets": ["r-1", "ou-1"],
                   "document": {"Version": "2012-10-17", "Statement": []}}],
         "rcps": null,
         "rcpLevels": [{"target": "r-1", "policies": []}],
         "identityPolicies": [{"id": "i", "document": "{\\"Statement\\": []}"}],
         "permissionsBoundary": [{"id": "b1", "document": {"Statement": []}},
                                 {"id": "b2", "document": {"Statement": []}}],
         "sessionPolicy": {"id": "s", "document": {"Statement": []}},
         "resourcePolicy": null,
         "vpcEndpointPolicies": [{"id": "v", "document": {"Statement": []}}],
         "request": {"principal": "anonymous", "principalAccount": "222222222222",
           "action": "s3:GetObject", "resource": "*", "resourceAccount": "111111111111",
           "context": {"aws:SourceIp": "203.0.113.7", "aws:EpochTime": 1700000000,
             "n:Decimal": 1.50, "aws:SecureTransport": false, "aws:TagKeys": ["a", 2, true],
             "aws:Empty": [], "aws:Absent": null}},
         "options": {"deriveContext": false, "awsExemptions": false, "rcpServices": ["S3"]},
         "source": {"anything": 1}, "additionalSettings": {"s3": {}},
         "expected": "ImplicitlyDenied"}
        """;

    ConformanceCase read = CaseReader.parse(json, "full.json");

    assertThat(read.description()).isEqualTo("all parts");
    CaseOrganization org = read.organization();
    assertThat(org).isNotNull();
    assertThat(org.id()).isEqualTo("o-1");
    assertThat(org.managementAccountId()).isEqualTo("111111111111");
    assertThat(org.root().name()).isEqualTo("Root");
    assertThat(org.root().children().get(0).name()).isEqualTo("ou-1");
    assertThat(org.account("222222222222")).contains(new OrgAccount("222222222222", "Prod"));
    assertThat(read.scps()).hasSize(1);
    assertThat(read.scps().get(0).targets()).containsExactly("r-1", "ou-1");
    CasePolicy scp = read.scps().get(0).policy();
    assertThat(scp.type()).isEqualTo(PolicyType.SERVICE_CONTROL);
    assertThat(scp.source()).isEqualTo("full: scps[0] p-a");
    assertThat(scp.document()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    assertThat(read.rcps()).isEmpty();
    assertThat(read.rcpLevels()).containsExactly(new CaseLevel("r-1", List.of()));
    assertThat(read.identityPolicies().get(0).document()).isEqualTo("{\"Statement\": []}");
    assertThat(read.permissionsBoundaries())
        .extracting(CasePolicy::source)
        .containsExactly("full: permissionsBoundary[0] b1", "full: permissionsBoundary[1] b2");
    assertThat(read.sessionPolicy()).isNotNull();
    assertThat(read.sessionPolicy().type()).isEqualTo(PolicyType.SESSION);
    assertThat(read.resourcePolicy()).isNull();
    assertThat(read.vpcEndpointPolicies().get(0).type()).isEqualTo(PolicyType.VPC_ENDPOINT);
    CaseRequest request = read.request();
    assertThat(request.principalAccount()).isEqualTo("222222222222");
    assertThat(request.resourceAccount()).isEqualTo("111111111111");
    assertThat(request.context().values("aws:sourceip")).containsExactly("203.0.113.7");
    assertThat(request.context().values("aws:EpochTime")).containsExactly("1700000000");
    assertThat(request.context().values("n:Decimal")).containsExactly("1.50");
    assertThat(request.context().values("aws:SecureTransport")).containsExactly("false");
    assertThat(request.context().values("aws:TagKeys")).containsExactly("a", "2", "true");
    assertThat(request.context().isMultivalued("aws:Empty")).isTrue();
    assertThat(request.context().values("aws:Empty")).isEmpty();
    assertThat(request.context().has("aws:Absent")).isFalse();
    assertThat(request.absentKeys()).containsExactly("aws:absent");
    assertThat(read.options()).isEqualTo(new CaseOptions(false, false, java.util.Set.of("s3")));
    assertThat(read.expected()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aTargetOutsideTheTreeIsAnError() {
    String json =
        "{\"name\": \"t\", \"org\": {\"id\": \"o-1\", \"root\": {\"id\": \"r-1\"}},"
            + " \"scps\": [{\"id\": \"p\", \"targets\": [\"r-1\", \"ou-typo\"],"
            + " \"document\": {\"Statement\": []}}], "
            + REQUEST
            + "}";

    assertThatThrownBy(() -> CaseReader.parse(json, "t.json"))
        .hasMessage(
            "t.json at /scps/0/targets/1: target `ou-typo` is not in `org`: name the root, an OU"
                + " or an account of the tree");
  }

  @Test
  void anAccountTwiceInTheTreeIsAnError() {
    String json =
        "{\"name\": \"t\", \"org\": {\"root\": {\"id\": \"r-1\", \"accounts\": [\"111111111111\"],"
            + " \"children\": [{\"id\": \"ou-1\", \"accounts\": [\"111111111111\"]}]}}, "
            + REQUEST
            + "}";

    assertThatThrownBy(() -> CaseReader.parse(json, "t.json"))
        .hasMessage(
            "t.json at /org/root/children/0/accounts/0: `111111111111` is already in the tree at"
                + " /org/root/accounts/0: give each node and account once");
  }

  @Test
  void contextKeysDifferingOnlyInCaseAreAnError() {
    String json =
        "{\"name\": \"k\", \"request\": {\"principal\": \"anonymous\", \"action\": \"s3:Get\","
            + " \"resource\": \"*\", \"context\": {\"aws:SourceIp\": \"1.2.3.4\","
            + " \"AWS:sourceip\": null}}}";

    assertThatThrownBy(() -> CaseReader.parse(json, "k.json"))
        .hasMessage(
            "k.json at /request/context/AWS:sourceip: key `AWS:sourceip` is given twice (keys"
                + " compare case-insensitively): keep one");
  }
}
