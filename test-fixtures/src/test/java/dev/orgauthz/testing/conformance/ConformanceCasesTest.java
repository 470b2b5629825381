package dev.orgauthz.testing.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.NamedPolicy;
import dev.orgauthz.policy.PolicyDocument;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance case of the test resources: the public cases of the shared corpus and the
 * golden vectors T1 to T20 of the semantics reference ({@code golden/}).
 */
class ConformanceCasesTest {
  private static final int PUBLIC_CASES = 26;
  private static final int GOLDEN_CASES = 22;

  private static List<ConformanceCase> cases;

  @BeforeAll
  static void readCases() throws Exception {
    cases = CaseReader.read(casesDirectory());
  }

  static Path casesDirectory() throws URISyntaxException {
    URL url = ConformanceCasesTest.class.getResource("/conformance/cases");
    return Path.of(Objects.requireNonNull(url, "test resource /conformance/cases").toURI());
  }

  @Test
  void everyCaseIsReadAndNamedOnce() {
    assertThat(cases).hasSize(PUBLIC_CASES + GOLDEN_CASES);
    assertThat(cases).extracting(ConformanceCase::name).doesNotHaveDuplicates();
    assertThat(cases).allSatisfy(c -> assertThat(c.expected()).isNotNull());
    assertThat(cases).filteredOn(c -> c.name().startsWith("golden-")).hasSize(GOLDEN_CASES);
  }

  /** Every case turns into layers and a request, whatever the evaluator answers. */
  @TestFactory
  Stream<DynamicTest> everyCaseIsPrepared() {
    Function<CasePolicy, NamedPolicy> keepText =
        policy ->
            NamedPolicy.of(
                policy.id(),
                new PolicyDocument(
                    policy.type(),
                    null,
                    null,
                    List.of(),
                    policy.document(),
                    policy.source(),
                    List.of()));
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> assertThat(CaseRunner.prepare(c, keepText).request()).isNotNull()));
  }

  @TestFactory
  Stream<DynamicTest> everyCaseHasTheExpectedDecision() {
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    Path.of(c.location()).toUri(),
                    () -> {
                      CaseResult result = CaseRunner.run(c);
                      String why =
                          result.error() != null
                              ? result.error()
                              : Objects.requireNonNull(result.evaluation()).reason();
                      assertThat(result.decision())
                          .as("%s: %s (%s)", c.name(), c.description(), why)
                          .isEqualTo(CaseDecision.of(Objects.requireNonNull(c.expected())));
                    }));
  }
}
