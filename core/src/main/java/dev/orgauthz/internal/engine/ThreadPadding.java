package dev.orgauthz.internal.engine;

/**
 * The first 128 bytes of an object that one thread writes on every decision (the thread's {@code
 * RequestKeys} and {@link RequestView}), so that the fields of two threads' objects never share a
 * cache line, nor the pair of lines that a core fetches together, wherever the allocator or the
 * collector puts the objects. Without it, a fork of the two-thread benchmark could run no faster
 * than one thread: the two cores took turns owning one line.
 *
 * <p>A superclass's fields come first in HotSpot's layout, and these leave no gap for a subclass
 * field (an {@code int} right after the 12-byte header, then longs). The padding after the fields
 * is the sixteen longs of a final subclass of each padded class, the class the thread makes; {@code
 * ThreadPaddingTest} checks the offsets.
 */
@SuppressWarnings("unused") // padding: never read
public abstract class ThreadPadding {
  private int p00;
  private long p01, p02, p03, p04, p05, p06, p07, p08;
  private long p09, p10, p11, p12, p13, p14, p15;

  /** How many bytes of padding there are before and after the fields. */
  public static final int BYTES = 128;
}
