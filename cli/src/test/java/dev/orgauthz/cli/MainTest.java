package dev.orgauthz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  /** The outcome of one run: exit status and the lines of each stream. */
  record Run(int status, List<String> out, List<String> err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString().lines().toList(), err.toString().lines().toList());
  }

  private Path write(String file, String text) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, text);
  }

  private static String identityCase(String name, String action, String expected) {
    return "{\"name\": \""
        + name
        + "\", \"identityPolicies\": [{\"id\": \"s3-all\", \"document\": {\"Version\":"
        + " \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
        + " \"Resource\": \"*\"}]}}], \"request\": {\"principal\":"
        + " \"arn:aws:iam::222222222222:role/AppRole\", \"action\": \""
        + action
        + "\", \"resource\": \"arn:aws:s3:::bucket/key\", \"resourceAccount\": \"222222222222\"}"
        + (expected == null ? "" : ", \"expected\": \"" + expected + "\"")
        + "}";
  }

  private static String badPrincipalCase(String name, String expected) {
    return "{\"name\": \""
        + name
        + "\", \"request\": {\"principal\": \"not-a-principal\", \"action\": \"s3:GetObject\","
        + " \"resource\": \"*\"}"
        + (expected == null ? "" : ", \"expected\": \"" + expected + "\"")
        + "}";
  }

  @Test
  void helpShowsAnExample() {
    Run top = run("--help");
    Run cases = run("cases", "--help");

    assertThat(top.status()).isZero();
    assertThat(top.out())
        .contains("  orgauthz cases test-fixtures/src/test/resources/conformance/cases")
        .anyMatch(line -> line.startsWith("  check "))
        .anyMatch(line -> line.startsWith("  explain "))
        .anyMatch(line -> line.startsWith("  portal "))
        .anyMatch(line -> line.startsWith("  cases "));
    assertThat(cases.status()).isZero();
    assertThat(String.join("\n", cases.out()))
        .contains("Example:")
        .contains("\"decision\":\"Allowed\"")
        .contains("passed,")
        .contains("Exit status");
  }

  @Test
  void theOtherCommandsRunThroughMain() {
    Run run =
        run(
            "check",
            "--user",
            "bob",
            "--action",
            "ec2:TerminateInstances",
            "--account",
            "UAT",
            "--region",
            "eu-west-1");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).first().isEqualTo("ExplicitlyDenied");
  }

  @Test
  void errorsThatCannotBeReadAreCountedAsFailed() throws IOException {
    write("a-bad-principal.json", badPrincipalCase("bad-principal", "Allowed"));
    write("b-no-expected.json", badPrincipalCase("no-expected", null));
    write("c-broken.json", "{\"name\": ");

    Run run = run("cases", dir.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).hasSize(4);
    assertThat(run.out().get(0))
        .isEqualTo(
            "{\"name\":\"bad-principal\",\"decision\":\"Error\",\"error\":\"principal"
                + " `not-a-principal` is neither an ARN, a service principal nor `anonymous`\","
                + "\"expected\":\"Allowed\",\"match\":false}");
    assertThat(run.out().get(1)).startsWith("{\"name\":\"no-expected\",\"decision\":\"Error\",");
    assertThat(run.out().get(1)).doesNotContain("\"expected\"").doesNotContain("\"match\"");
    String broken = dir.resolve("c-broken.json").toString();
    assertThat(run.out().get(2))
        .startsWith(
            "{\"name\":\""
                + broken
                + "\",\"decision\":\"Error\",\"error\":\""
                + broken
                + " at /name: invalid JSON (line 1, column 10):");
    assertThat(run.out().get(3)).isEqualTo("0 passed, 2 failed");
  }

  @Test
  void casesWithoutExpectedAreAnsweredNotCounted() throws IOException {
    Path file =
        write("only.jsonl", badPrincipalCase("x", null) + "\n" + badPrincipalCase("y", null));

    Run run = run("cases", file.toString());

    assertThat(run.status()).isZero();
    assertThat(run.out()).hasSize(3);
    assertThat(run.out().get(2)).isEqualTo("0 passed, 0 failed");
  }

  @Test
  void matchingCasesPassAndExitZero() throws IOException {
    Path file =
        write(
            "pass.jsonl",
            identityCase("allowed", "s3:GetObject", "Allowed")
                + "\n"
                + identityCase("implicit", "sqs:SendMessage", "ImplicitlyDenied"));

    Run run = run("cases", file.toString());

    assertThat(run.out())
        .containsExactly(
            "{\"name\":\"allowed\",\"decision\":\"Allowed\",\"expected\":\"Allowed\","
                + "\"match\":true}",
            "{\"name\":\"implicit\",\"decision\":\"ImplicitlyDenied\","
                + "\"expected\":\"ImplicitlyDenied\",\"match\":true}",
            "2 passed, 0 failed");
    assertThat(run.status()).isZero();
  }

  @Test
  void aMismatchExitsOne() throws IOException {
    Path good = write("good.json", identityCase("good", "s3:GetObject", "Allowed"));
    Path wrong = write("wrong.json", identityCase("wrong", "s3:GetObject", "ExplicitlyDenied"));
    Path noExpected = write("free.json", identityCase("free", "s3:GetObject", null));

    Run run = run("cases", good.toString(), wrong.toString(), noExpected.toString());

    assertThat(run.out())
        .containsExactly(
            "{\"name\":\"good\",\"decision\":\"Allowed\",\"expected\":\"Allowed\",\"match\":true}",
            "{\"name\":\"wrong\",\"decision\":\"Allowed\",\"expected\":\"ExplicitlyDenied\","
                + "\"match\":false}",
            "{\"name\":\"free\",\"decision\":\"Allowed\"}",
            "1 passed, 1 failed");
    assertThat(run.status()).isEqualTo(1);
  }

  @Test
  void aPathThatDoesNotExistExitsTwoWithOneLine() {
    Path missing = dir.resolve("missing");

    Run run = run("cases", missing.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).containsExactly("orgauthz cases: path `" + missing + "` does not exist");
  }

  @Test
  void aFileOfAnotherKindExitsTwo() throws IOException {
    Path notes = write("notes.txt", "x");

    Run run = run("cases", notes.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .containsExactly(
            "orgauthz cases: `"
                + notes
                + "` is neither a directory nor a `.json` or `.jsonl` file");
  }

  @Test
  void debugShowsTheStackTrace() {
    Run run = run("--debug", "cases", dir.resolve("missing").toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err().get(0)).startsWith("orgauthz cases: path `");
    assertThat(run.err()).anyMatch(line -> line.startsWith("\tat dev.orgauthz.cli."));
  }

  @Test
  void badUsageExitsTwoWithOneLine() {
    Run noCommand = run();
    Run noPath = run("cases");
    Run unknown = run("--frobnicate");

    assertThat(noCommand.status()).isEqualTo(2);
    assertThat(noCommand.err()).containsExactly("orgauthz: missing command: see `orgauthz --help`");
    assertThat(noPath.status()).isEqualTo(2);
    assertThat(noPath.err())
        .containsExactly(
            "orgauthz cases: missing required parameter: 'PATH': see `orgauthz cases --help`");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).hasSize(1);
    assertThat(unknown.err().get(0)).startsWith("orgauthz: unknown option: '--frobnicate'");
  }
}
