package dev.orgauthz.testing;

import static dev.orgauthz.testing.SnapshotComparison.assertEquivalent;
import static dev.orgauthz.testing.SnapshotComparison.assertIdentical;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.Provenance;
import dev.orgauthz.Snapshot;
import dev.orgauthz.Snapshots;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading what was written gives an equal model: through the snapshot format, and through the AWS
 * CLI export layout, for the example organization and for generated ones.
 */
class SnapshotRoundTripTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @Test
  void theExampleExportSurvivesTheSnapshotFormat() {
    assertIdentical(ExampleSnapshots.fromSnapshotFile(), ExampleSnapshots.fromExport());
  }

  @Test
  void theExampleBuiltInCodeSurvivesTheSnapshotFormat() {
    Snapshot example = ExampleOrganization.snapshot();

    assertIdentical(ExampleSnapshots.writeAndRead(example), example);
  }

  @Test
  void writingIsStable() {
    Snapshot once = ExampleSnapshots.fromSnapshotFile();

    assertThat(Snapshots.toJson(ExampleSnapshots.writeAndRead(once)))
        .isEqualTo(Snapshots.toJson(once));
  }

  @Test
  void theExportRecordsWhereAndWhenItWasCollected() {
    Provenance provenance = ExampleSnapshots.fromExport().provenance();

    assertThat(provenance.collectedFrom())
        .isEqualTo("AWS CLI export of organization o-exampleorg1");
    assertThat(provenance.collectedAt()).isEqualTo(Instant.parse("2026-01-15T09:30:00Z"));
    assertThat(provenance.details())
        .isEqualTo(
            Map.of(
                "format", "aws-cli-export",
                "directory", "example-export",
                "partition", "aws",
                "identityCenterRegion", "eu-west-1"));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aGeneratedSnapshotSurvivesTheSnapshotFormat(long seed) {
    Snapshot generated = RandomOrganizations.generate(seed);

    assertIdentical(ExampleSnapshots.writeAndRead(generated), generated);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aGeneratedSnapshotSurvivesTheExportLayout(long seed, @TempDir Path directory) {
    Snapshot generated = RandomOrganizations.generate(seed);
    ExportWriter.write(generated, directory, false);

    Snapshot read = Snapshots.read(directory);

    assertEquivalent(read, generated);
    assertIdentical(ExampleSnapshots.writeAndRead(read), read);
  }
}
