package dev.orgauthz.testing.junit;

import static dev.orgauthz.testing.OrgAuthzAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import dev.orgauthz.Snapshots;
import dev.orgauthz.testing.ExampleOrganization;
import dev.orgauthz.testing.intent.Intent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * The extension and the intent source, each run on small test classes of its own through the JUnit
 * test kit. The nested test classes below are such fixtures, not tests of this build.
 */
class OrgAuthzExtensionTest {
  private static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  private static EngineExecutionResults run(Class<?>... classes) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter")
        .selectors(
            Arrays.stream(classes).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
        .execute();
  }

  private static List<String> names(List<Event> events) {
    return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
  }

  @Test
  void eachSnapshotIsCompiledOnceForTheWholeRun() {
    run(FirstClass.class, SecondClass.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3));

    assertThat(SEEN).hasSize(5);
    Authorizer first = (Authorizer) SEEN.get(0);
    assertThat(SEEN.stream().filter(Authorizer.class::isInstance)).allMatch(a -> a == first);
    assertThat(SEEN).contains(ExampleOrganization.snapshot());
    assertThat(first.snapshot()).isSameAs(ExampleOrganization.snapshot());
  }

  @Test
  void theNearestAnnotationWins() {
    run(MethodOverridesClass.class, OnTheParameter.class, Enclosing.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3));
  }

  @Test
  void aLocationThatNamesNothingFailsTheTestWithTheFix() {
    String absolute = Path.of("no/such/export").toAbsolutePath().toString();

    run(MissingFile.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(
                    "@OrgAuthzSnapshot(\"no/such/export\"): `no/such/export` does not exist (as "
                        + absolute
                        + "): give a path relative to the working directory "
                        + Path.of("").toAbsolutePath()
                        + ", an absolute path, or `classpath:NAME`")));
  }

  @Test
  void aClasspathResourceThatIsNotThere() {
    run(MissingResource.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                message(
                    "@OrgAuthzSnapshot(\"classpath:org/missing.json\"): classpath resource"
                        + " `org/missing.json` is not on the test class path: put it under"
                        + " src/test/resources, or give a file path")));
  }

  @Test
  void anExportDirectoryIsReadOnceWhateverTheLocationNamesIt() {
    run(ExportOnTheClassPath.class, ExportByPath.class)
        .testEvents()
        .assertStatistics(stats -> stats.started(6).succeeded(6));

    assertThat(SEEN).hasSize(2).doesNotContain(ExampleOrganization.snapshot());
    assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
  }

  @Test
  void aSnapshotFile() throws IOException {
    Path file = Path.of("target", "junit-extension", "example-snapshot.json");
    Files.createDirectories(file.getParent());
    Snapshots.write(ExampleOrganization.snapshot(), file);

    run(SnapshotFile.class).testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void aDirectoryThatIsNoExportFailsTheTestWithTheReadersError() {
    Path intents = Path.of("target", "test-classes", "intents").toAbsolutePath();

    run(NotAnExport.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(ParameterResolutionException.class),
                message(
                    m ->
                        m.startsWith(
                            "@OrgAuthzSnapshot(\"classpath:intents\"): cannot read snapshot `"
                                + intents
                                + "`: organizations/describe-organization.json: the file is"
                                + " missing"))));
  }

  @Test
  void withoutAnAnnotationTheFailureSaysWhereToPutOne() {
    run(NoSnapshotNamed.class)
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                message(
                    "no snapshot is named for the Authorizer parameter of `test`: annotate the"
                        + " test class, the method or the parameter with"
                        + " @OrgAuthzSnapshot(\"example\"), @OrgAuthzSnapshot(\"classpath:NAME\")"
                        + " or @OrgAuthzSnapshot(\"PATH\")")));
  }

  @Test
  void eachIntentOfAFileIsOneTestNamedAfterIt() {
    EngineExecutionResults results = run(Guardrails.class);

    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
    assertThat(names(results.testEvents().succeeded().list()))
        .containsExactly(
            "no one in Sandbox can leave the organization",
            "developers cannot terminate instances in Production",
            "administrators terminate instances in Production with MFA",
            "the Developer permission set creates no IAM users");
  }

  @Test
  void anIntentThatDoesNotHoldFailsWithItsReport() {
    EngineExecutionResults results = run(OneFails.class);

    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(
                    m ->
                        m.startsWith(
                                "(classpath:intents/one-fails.json /intents/1)\nExpecting that"
                                    + " every member of group `Developers` can perform"
                                    + " ec2:TerminateInstances in every account of `Workloads`")
                            && m.contains("Explanation for user `bob` in account UAT"))))
        .haveExactly(
            1,
            finishedWithFailure(
                instanceOf(IllegalArgumentException.class),
                message(m -> m.startsWith("unknown user `bbo`"))));
  }

  @Test
  void anUnreadableIntentFileFailsTheWholeTest() {
    run(Broken.class)
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            finishedWithFailure(
                message(
                    "classpath:intents/broken.json at /intents/0/expect: `Deny` is not one of"
                        + " Allowed, Denied, ExplicitlyDenied, ImplicitlyDenied: use one of"
                        + " them")));
  }

  // ---- fixtures, run by the tests above only

  @OrgAuthzSnapshot("example")
  static class FirstClass {
    @BeforeAll
    static void compiledBeforeAll(Authorizer authorizer) {
      SEEN.add(authorizer);
    }

    @Test
    void one(Authorizer authorizer) {
      SEEN.add(authorizer);
    }

    @Test
    void two(Authorizer authorizer, Snapshot snapshot) {
      SEEN.add(authorizer);
      SEEN.add(snapshot);
    }
  }

  @OrgAuthzSnapshot("example")
  static class SecondClass {
    @Test
    void three(Authorizer authorizer) {
      SEEN.add(authorizer);
    }
  }

  @OrgAuthzSnapshot("no/such/export")
  static class MethodOverridesClass {
    @Test
    @OrgAuthzSnapshot("example")
    void test(Authorizer authorizer) {
      assertThat(authorizer.snapshot()).isSameAs(ExampleOrganization.snapshot());
    }
  }

  static class OnTheParameter {
    @Test
    void test(@OrgAuthzSnapshot("example") Authorizer authorizer) {
      assertThat(authorizer.snapshot()).isSameAs(ExampleOrganization.snapshot());
    }
  }

  @OrgAuthzSnapshot("example")
  static class Enclosing {
    @Nested
    class Inner {
      @Test
      void test(Authorizer authorizer) {
        assertThat(authorizer.snapshot()).isSameAs(ExampleOrganization.snapshot());
      }
    }
  }

  @OrgAuthzSnapshot("no/such/export")
  static class MissingFile {
    @Test
    void test(Authorizer authorizer) {}
  }

  @OrgAuthzSnapshot("classpath:org/missing.json")
  static class MissingResource {
    @Test
    void test(Authorizer authorizer) {}
  }

  @OrgAuthzSnapshot("classpath:example-export")
  static class ExportOnTheClassPath {
    @Test
    void test(Authorizer authorizer) {
      SEEN.add(authorizer);
      assertThat(authorizer)
          .everyUser()
          .cannot("organizations:LeaveOrganization")
          .inEveryAccountOf("Sandbox")
          .isBlockedByScp("DenyLeaveOrganization", "Root");
    }

    @ParameterizedTest(name = "{0}")
    @IntentSource("classpath:intents/guardrails.json")
    void holds(Intent intent, Authorizer authorizer) {
      assertThat(authorizer).holds(intent);
    }
  }

  @OrgAuthzSnapshot("target/test-classes/example-export")
  static class ExportByPath {
    @Test
    void test(Authorizer authorizer) {
      SEEN.add(authorizer);
    }
  }

  @OrgAuthzSnapshot("target/junit-extension/example-snapshot.json")
  static class SnapshotFile {
    @Test
    void test(Authorizer authorizer) {
      assertThat(authorizer)
          .group("Developers")
          .cannot("ec2:TerminateInstances")
          .inRegion("eu-west-1")
          .in("Production")
          .isBlockedByScp("RequireMfaForDestructiveActions", "Production");
    }
  }

  @OrgAuthzSnapshot("classpath:intents")
  static class NotAnExport {
    @Test
    void test(Authorizer authorizer) {}
  }

  @ExtendWith(OrgAuthzExtension.class)
  static class NoSnapshotNamed {
    @Test
    void test(Authorizer authorizer) {}
  }

  @OrgAuthzSnapshot("example")
  static class Guardrails {
    @ParameterizedTest(name = "{0}")
    @IntentSource("src/test/resources/intents/guardrails.json")
    void holds(Intent intent, Authorizer authorizer) {
      assertThat(authorizer).holds(intent);
    }
  }

  @OrgAuthzSnapshot("example")
  static class OneFails {
    @ParameterizedTest(name = "{0}")
    @IntentSource("classpath:intents/one-fails.json")
    void holds(Intent intent, Authorizer authorizer) {
      assertThat(authorizer).holds(intent);
    }
  }

  @OrgAuthzSnapshot("example")
  static class Broken {
    @ParameterizedTest
    @IntentSource("classpath:intents/broken.json")
    void holds(Intent intent, Authorizer authorizer) {
      assertThat(authorizer).holds(intent);
    }
  }
}
