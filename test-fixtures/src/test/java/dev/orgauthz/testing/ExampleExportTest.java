package dev.orgauthz.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in AWS CLI export of the example organization is what {@link ExportWriter} writes
 * from {@link ExampleOrganization}. After a change to the example, regenerate it with
 *
 * <pre>
 * mvn -pl core,test-fixtures test -Dtest=ExampleExportTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dorgauthz.regenerateExampleExport=true
 * </pre>
 */
class ExampleExportTest {
  private static final Path CHECKED_IN = Path.of("src/test/resources/example-export");

  @Test
  void theCheckedInExportIsUpToDate(@TempDir Path fresh) throws IOException {
    if (Boolean.getBoolean("orgauthz.regenerateExampleExport")) {
      regenerate();
    }
    ExportWriter.write(ExampleOrganization.snapshot(), fresh, true);

    List<String> expected = files(fresh);
    assertThat(files(CHECKED_IN))
        .as("files of %s; regenerate it as the Javadoc of ExampleExportTest says", CHECKED_IN)
        .isEqualTo(expected);
    for (String file : expected) {
      assertThat(Files.readString(CHECKED_IN.resolve(file)))
          .as("%s; regenerate the export as the Javadoc of ExampleExportTest says", file)
          .isEqualTo(Files.readString(fresh.resolve(file)));
    }
  }

  private static void regenerate() throws IOException {
    if (Files.exists(CHECKED_IN)) {
      try (Stream<Path> paths = Files.walk(CHECKED_IN)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    ExportWriter.write(ExampleOrganization.snapshot(), CHECKED_IN, true);
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
