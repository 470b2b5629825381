package dev.orgauthz.testing.junit;

import dev.orgauthz.Snapshot;
import dev.orgauthz.SnapshotException;
import dev.orgauthz.Snapshots;
import dev.orgauthz.testing.ExampleOrganization;
import dev.orgauthz.testing.intent.Intent;
import dev.orgauthz.testing.intent.IntentReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the locations of the annotations name: {@code example}, {@code classpath:NAME}, or a path
 * relative to the working directory.
 */
final class Locations {
  /** The location of the built-in example organization. */
  static final String EXAMPLE = "example";

  /** The prefix of a classpath resource. */
  static final String CLASSPATH = "classpath:";

  private Locations() {}

  /**
   * The key under which a snapshot is compiled once: the location itself for the example, else the
   * absolute path of the file.
   *
   * @throws IllegalArgumentException when the location names nothing that exists
   */
  static String key(String location, ClassLoader loader) {
    return location.equals(EXAMPLE) ? EXAMPLE : path(location, loader).toString();
  }

  /**
   * Reads the snapshot a location names: the example organization, or through {@link
   * Snapshots#read} an AWS CLI export directory or a snapshot file.
   *
   * @throws IllegalArgumentException when the location names nothing that exists, or what it names
   *     cannot be read as a snapshot
   */
  static Snapshot snapshot(String location, ClassLoader loader) {
    if (location.equals(EXAMPLE)) {
      return ExampleOrganization.snapshot();
    }
    Path path = path(location, loader);
    try {
      return Snapshots.read(path);
    } catch (SnapshotException e) {
      throw new IllegalArgumentException(
          "cannot read snapshot `"
              + path
              + "`: "
              + e.getMessage()
              + (e.errors().size() > 1 ? "; `orgauthz validate " + path + "` lists them all" : ""),
          e);
    }
  }

  /**
   * Reads the intents of an intent file.
   *
   * @throws IllegalArgumentException when the location names nothing that exists
   * @throws dev.orgauthz.testing.intent.IntentFileException when the file is not an intent file
   */
  static List<Intent> intents(String location, ClassLoader loader) {
    if (location.startsWith(CLASSPATH)) {
      String name = resourceName(location);
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          throw missingResource(name);
        }
        return IntentReader.read(in, location);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read `" + location + "`: " + e, e);
      }
    }
    return IntentReader.read(path(location, loader));
  }

  /** The absolute, normalized path of a file location or of a classpath resource in a directory. */
  static Path path(String location, ClassLoader loader) {
    if (location.startsWith(CLASSPATH)) {
      String name = resourceName(location);
      URL url = loader.getResource(name);
      if (url == null) {
        throw missingResource(name);
      }
      if (!url.getProtocol().equals("file")) {
        throw new IllegalArgumentException(
            "classpath resource `"
                + name
                + "` is inside "
                + url
                + ", not in a directory: keep it under src/test/resources, or give a file path");
      }
      try {
        return Path.of(url.toURI()).toAbsolutePath().normalize();
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("classpath resource `" + name + "`: " + e, e);
      }
    }
    if (location.isBlank()) {
      throw new IllegalArgumentException(
          "the location is empty: give `example`, `classpath:NAME` or a file path");
    }
    Path path = Path.of(location).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(
          "`"
              + location
              + "` does not exist (as "
              + path
              + "): give a path relative to the working directory "
              + Path.of("").toAbsolutePath()
              + ", an absolute path, or `classpath:NAME`");
    }
    return path;
  }

  private static String resourceName(String location) {
    String name = location.substring(CLASSPATH.length());
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static IllegalArgumentException missingResource(String name) {
    return new IllegalArgumentException(
        "classpath resource `"
            + name
            + "` is not on the test class path: put it under src/test/resources, or give a file"
            + " path");
  }
}
