package dev.orgauthz.internal.match;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A compiled glob: {@code *} matches any run of characters (empty included), {@code ?} exactly one
 * character, everything else itself. The pattern is split once into the literal chunks between
 * stars; matching anchors the first chunk at the start, the last at the end, and places each middle
 * chunk at its leftmost fit. Leftmost placement is optimal because chunks have a fixed length, so
 * no backtracking is needed: matching takes time linear in the text for each chunk and never
 * explodes on patterns such as {@code *a*a*a*a*b}.
 *
 * <p>With {@code escapes}, a backslash makes the next character literal; policy variables use it to
 * keep substituted text from acting as a wildcard.
 */
public final class Glob {
  private static final char ANY_ONE = '\u0000';

  private final String pattern;
  private final boolean ignoreCase;
  private final boolean hasStar;

  /** The chunks between stars; {@link #ANY_ONE} marks a {@code ?} inside a chunk. */
  private final char[][] chunks;

  /** Per chunk, which positions are {@code ?}. Null when the chunk has none. */
  private final boolean[][] wild;

  /**
   * Per chunk of a case-sensitive glob, the chunk as a string when it has no {@code ?}, so that the
   * string intrinsics compare and search it; null otherwise.
   */
  private final @Nullable String[] literals;

  private final int minLength;
  private final boolean everything;

  private Glob(String pattern, boolean ignoreCase, boolean escapes) {
    this.pattern = pattern;
    this.ignoreCase = ignoreCase;
    List<char[]> chunkList = new ArrayList<>();
    List<boolean[]> wildList = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    List<Boolean> chunkWild = new ArrayList<>();
    boolean star = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escapes && c == '\\' && i + 1 < pattern.length()) {
        char next = pattern.charAt(++i);
        chunk.append(ignoreCase ? Character.toLowerCase(next) : next);
        chunkWild.add(false);
      } else if (c == '*') {
        star = true;
        addChunk(chunkList, wildList, chunk, chunkWild);
        chunk.setLength(0);
        chunkWild.clear();
      } else if (c == '?') {
        chunk.append(ANY_ONE);
        chunkWild.add(true);
      } else {
        chunk.append(ignoreCase ? Character.toLowerCase(c) : c);
        chunkWild.add(false);
      }
    }
    addChunk(chunkList, wildList, chunk, chunkWild);
    this.hasStar = star;
    this.chunks = chunkList.toArray(new char[0][]);
    this.wild = wildList.toArray(new boolean[0][]);
    this.literals = new String[chunks.length];
    for (int i = 0; i < chunks.length; i++) {
      if (!ignoreCase && wild[i] == null) {
        literals[i] = new String(chunks[i]);
      }
    }
    int min = 0;
    for (char[] c : chunks) {
      min += c.length;
    }
    this.minLength = min;
    this.everything = hasStar && min == 0 && chunks.length == 2;
  }

  private static void addChunk(
      List<char[]> chunks, List<boolean[]> wild, StringBuilder chunk, List<Boolean> chunkWild) {
    chunks.add(chunk.toString().toCharArray());
    boolean any = chunkWild.contains(Boolean.TRUE);
    boolean[] mask = null;
    if (any) {
      mask = new boolean[chunkWild.size()];
      for (int i = 0; i < mask.length; i++) {
        mask[i] = chunkWild.get(i);
      }
    }
    wild.add(mask);
  }

  /** A case-sensitive glob. */
  public static Glob of(String pattern) {
    return new Glob(pattern, false, false);
  }

  /** A case-insensitive glob (for actions). */
  public static Glob ofIgnoreCase(String pattern) {
    return new Glob(pattern, true, false);
  }

  /** A glob whose backslash escapes the next character. */
  public static Glob withEscapes(String pattern, boolean ignoreCase) {
    return new Glob(pattern, ignoreCase, true);
  }

  /** True when the pattern is a single {@code *}: it matches everything. */
  public boolean matchesEverything() {
    return everything;
  }

  /** True when the pattern has no wildcard at all. */
  public boolean isLiteral() {
    return !hasStar && wild[0] == null;
  }

  /** The pattern as written. */
  public String pattern() {
    return pattern;
  }

  /** True when the text matches the pattern. */
  public boolean matches(String text) {
    return matches(text, 0, text.length());
  }

  /** True when {@code text[from, to)} matches the pattern. */
  public boolean matches(String text, int from, int to) {
    if (everything) {
      return true;
    }
    int length = to - from;
    if (length < minLength) {
      return false;
    }
    if (!hasStar) {
      return length == chunks[0].length && chunkAt(0, text, from);
    }
    char[] first = chunks[0];
    char[] last = chunks[chunks.length - 1];
    if (!chunkAt(0, text, from) || !chunkAt(chunks.length - 1, text, to - last.length)) {
      return false;
    }
    int position = from + first.length;
    int end = to - last.length;
    for (int c = 1; c < chunks.length - 1; c++) {
      int found = find(c, text, position, end);
      if (found < 0) {
        return false;
      }
      position = found + chunks[c].length;
    }
    return true;
  }

  private int find(int chunkIndex, String text, int from, int end) {
    int size = chunks[chunkIndex].length;
    String literal = literals[chunkIndex];
    if (literal != null) {
      int found = text.indexOf(literal, from);
      return found >= 0 && found + size <= end ? found : -1;
    }
    for (int start = from; start + size <= end; start++) {
      if (chunkAt(chunkIndex, text, start)) {
        return start;
      }
    }
    return -1;
  }

  private boolean chunkAt(int chunkIndex, String text, int start) {
    String literal = literals[chunkIndex];
    if (literal != null) {
      return text.startsWith(literal, start);
    }
    char[] chunk = chunks[chunkIndex];
    boolean[] mask = wild[chunkIndex];
    for (int i = 0; i < chunk.length; i++) {
      if (mask != null && mask[i]) {
        continue;
      }
      char c = text.charAt(start + i);
      if (ignoreCase) {
        c = Character.toLowerCase(c);
      }
      if (c != chunk[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
