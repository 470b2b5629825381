package dev.orgauthz.testing.conformance;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads conformance cases: a {@code .json} file holds one case, a {@code .jsonl} file one case a
 * line (blank lines are skipped), and a directory every such file below it, in path order. Each
 * case is checked against the case JSON Schema ({@code case.schema.json}) before it is read;
 * duplicate keys are an error.
 */
public final class CaseReader {
  private CaseReader() {}

  /**
   * Reads every case at a path.
   *
   * @throws CaseException for the first case that cannot be read
   * @throws IOException when the path cannot be read
   * @throws IllegalArgumentException when the path is neither a directory nor a {@code .json} or
   *     {@code .jsonl} file
   */
  public static List<ConformanceCase> read(Path path) throws IOException {
    List<ConformanceCase> cases = new ArrayList<>();
    for (CaseEntry entry : readEntries(path)) {
      if (entry instanceof CaseEntry.Unreadable unreadable) {
        throw unreadable.error();
      }
      cases.add(((CaseEntry.Loaded) entry).value());
    }
    return cases;
  }

  /**
   * Reads every case at a path, keeping each case that cannot be read as an entry with its error,
   * so that a runner can report it and go on.
   *
   * @throws IOException when the path cannot be read
   * @throws IllegalArgumentException when the path is neither a directory nor a {@code .json} or
   *     {@code .jsonl} file
   */
  public static List<CaseEntry> readEntries(Path path) throws IOException {
    List<CaseEntry> entries = new ArrayList<>();
    for (Path file : caseFiles(path)) {
      entries.addAll(readFile(file));
    }
    return entries;
  }

  /**
   * Reads one case from JSON text.
   *
   * @param json the case as a JSON object
   * @param location where the text comes from, for messages
   * @throws CaseException when the case cannot be read
   */
  public static ConformanceCase parse(String json, String location) {
    CaseEntry entry = CaseJson.entry(json, location);
    if (entry instanceof CaseEntry.Unreadable unreadable) {
      throw unreadable.error();
    }
    return ((CaseEntry.Loaded) entry).value();
  }

  /**
   * The case files at a path: the path itself when it is a file, else every {@code .json} and
   * {@code .jsonl} file below it, sorted by path.
   *
   * @throws IOException when the path cannot be read
   * @throws IllegalArgumentException when the path is neither a directory nor a {@code .json} or
   *     {@code .jsonl} file
   */
  public static List<Path> caseFiles(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        return walk.filter(Files::isRegularFile)
            .filter(CaseReader::isCaseFile)
            .sorted()
            .collect(Collectors.toList());
      }
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    if (!isCaseFile(path)) {
      throw new IllegalArgumentException(
          "`" + path + "` is neither a directory nor a `.json` or `.jsonl` file");
    }
    return List.of(path);
  }

  private static boolean isCaseFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".json") || name.endsWith(".jsonl");
  }

  private static List<CaseEntry> readFile(Path file) throws IOException {
    String location = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      CaseException error = new CaseException(location, "", "not UTF-8 text: save it as UTF-8");
      return List.of(new CaseEntry.Unreadable(location, location, null, error));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
      return List.of(CaseJson.entry(text, location));
    }
    List<CaseEntry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        entries.add(CaseJson.entry(lines[i], location + " line " + (i + 1)));
      }
    }
    return entries;
  }
}
