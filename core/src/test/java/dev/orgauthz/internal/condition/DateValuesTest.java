package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading dates (semantics 5.3): epoch seconds (a fraction ignored, at most 18 digits) or the W3C
 * profile of ISO 8601, with leap years, the edges of every field, and time zone designators.
 */
class DateValuesTest {
  @ParameterizedTest(name = "`{0}` -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "invalid",
      textBlock =
          """
          0                          | 0
          2024                       | 2024
          1700000000                 | 1700000000
          1700000000.5               | 1700000000
          123456789012345678         | 123456789012345678
          1234567890123456789        | invalid
          1700000000.                | invalid
          1700000000.5x              | invalid
          .5                         | invalid
          2024-02                    | 1706745600
          2024-02-29                 | 1709164800
          2023-02-29                 | invalid
          1900-02-29                 | invalid
          2000-02-29                 | 951782400
          2024-04-30                 | 1714435200
          2024-04-31                 | invalid
          2024-12-31                 | 1735603200
          2024-13-01                 | invalid
          2024-00-01                 | invalid
          2024-01-00                 | invalid
          2024-01-01T00:00Z          | 1704067200
          2024-01-01T23:59:59Z       | 1704153599
          2024-01-01T24:00:00Z       | invalid
          2024-01-01T00:60:00Z       | invalid
          2024-01-01T00:00:00.123Z   | 1704067200
          2024-01-01T00:00:00.Z      | invalid
          2024-01-01T00:00:00Zjunk   | invalid
          2024-01-01T00:00:00        | invalid
          2024-01-01T00:00           | invalid
          2024-01-01T00:00:00+01:00  | 1704063600
          2024-01-01T00:00:00-23:59  | 1704153540
          2024-01-01T00:00:00+24:00  | invalid
          2024-01-01T00:00:00+01:60  | invalid
          2024-01-01T00:00:00+0100   | invalid
          """)
  void readsEpochSecondsAndIsoDates(String text, Long expected) {
    long read = DateValues.epochSeconds(text);

    assertThat(read == DateValues.INVALID ? null : read).isEqualTo(expected);
  }
}
