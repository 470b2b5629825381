package dev.orgauthz.testing.conformance;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.evaluation.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * What {@link CaseReader#readEntries} found at one place: a case, or the reason it cannot be read.
 */
public sealed interface CaseEntry {
  /** The file, and for {@code .jsonl} the line, of the entry. */
  String location();

  /**
   * A case that was read.
   *
   * @param value the case
   */
  record Loaded(ConformanceCase value) implements CaseEntry {
    public Loaded {
      requireNonNull(value, "value");
    }

    @Override
    public String location() {
      return value.location();
    }
  }

  /**
   * A case that cannot be read.
   *
   * @param location the file, and for {@code .jsonl} the line
   * @param name the case's {@code name} when it could be read, else the location
   * @param expected the case's {@code expected} when it could be read, else null
   * @param error why the case cannot be read
   */
  record Unreadable(String location, String name, @Nullable Outcome expected, CaseException error)
      implements CaseEntry {
    public Unreadable {
      requireNonNull(location, "location");
      requireNonNull(name, "name");
      requireNonNull(error, "error");
    }
  }
}
