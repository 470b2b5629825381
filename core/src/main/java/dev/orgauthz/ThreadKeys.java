package dev.orgauthz;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where a decision finds the {@link RequestKeys} it works in: the keys, the tables of sessions and
 * plans and the decision memo, about 220 KB once made.
 *
 * <p>A platform thread keeps one of its own for its life, so that its tables fill once and are read
 * on every decision ({@link #take} is a thread-local read, {@link #give} reads one field). A
 * virtual thread (Java 21 and later) does not: an application may start one per request, and
 * building the tables for each would cost more than the decision (12 to 24 microseconds against 0.3
 * to 0.7 for starting the thread, measured with one virtual thread per decision before this class).
 * Virtual threads borrow keys from a small shared pool for the length of one call instead, so the
 * tables they fill serve the next virtual threads too. A virtual thread holds borrowed keys only
 * while it decides, which never blocks, so about as many are out at once as there are carrier
 * threads; when none is free, new keys are made, and kept on return while the pool has room.
 *
 * <p>With the system property {@value #POOLED_PROPERTY} set to {@code true}, platform threads
 * borrow too: the tables then take about as much memory as the pool holds, whatever the number of
 * threads, for two compare-and-set operations on shared memory per call.
 */
final class ThreadKeys {
  /** References per slot: one slot per 64-byte line with compressed references, two without. */
  private static final int STRIDE = 16;

  private static final int SLOTS = slots(Runtime.getRuntime().availableProcessors());

  private static final ThreadLocal<RequestKeys> OWN = ThreadLocal.withInitial(RequestKeys::padded);

  private static final AtomicReferenceArray<RequestKeys> POOL =
      new AtomicReferenceArray<>(SLOTS * STRIDE);

  /**
   * The system property that makes platform threads borrow from the pool too: for an application
   * with many platform threads that decide, where 220 KB or more per thread adds up.
   */
  static final String POOLED_PROPERTY = "orgauthz.pooledTables";

  /** Whether every thread borrows ({@link #POOLED_PROPERTY} is {@code true}), read once. */
  private static final boolean POOLED = Boolean.getBoolean(POOLED_PROPERTY);

  /** {@code Thread.isVirtual()} where the runtime has it (Java 21 and later), else false. */
  private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

  private ThreadKeys() {}

  /**
   * The keys for a call on this thread: its own on a platform thread, borrowed ones on a virtual
   * thread or when {@link #POOLED_PROPERTY} is set. Hand them back with {@link #give} when the call
   * ends.
   */
  static RequestKeys take() {
    Thread thread = Thread.currentThread();
    return POOLED || isVirtual(thread) ? borrow(thread.getId()) : OWN.get();
  }

  /** Ends a call that {@link #take} began: borrowed keys go back to the pool. */
  static void give(RequestKeys keys) {
    if (keys.home >= 0) {
      giveBack(keys);
    }
  }

  /**
   * Keys from the pool, whatever the thread: those of the first full slot from the one the thread's
   * id picks (thread ids are handed out in sequence, so threads started one after the other start
   * from different slots, and a thread that decides again finds the keys it gave back, their tables
   * in its core's cache), or new keys when every slot is empty.
   */
  static RequestKeys borrow(long threadId) {
    int start = (int) threadId & (SLOTS - 1);
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) & (SLOTS - 1);
      RequestKeys keys = POOL.get(slot * STRIDE);
      if (keys != null && POOL.compareAndSet(slot * STRIDE, keys, null)) {
        keys.home = slot;
        return keys;
      }
    }
    RequestKeys made = RequestKeys.padded();
    made.home = start;
    return made;
  }

  /**
   * Puts borrowed keys back in the first free slot from their home (the slot they were borrowed
   * from, or the one the thread that made them started from); drops them when none is free. Nothing
   * is written to them once they are back.
   */
  private static void giveBack(RequestKeys keys) {
    for (int i = 0; i < SLOTS; i++) {
      int slot = (keys.home + i) & (SLOTS - 1);
      if (POOL.get(slot * STRIDE) == null && POOL.compareAndSet(slot * STRIDE, null, keys)) {
        return;
      }
    }
  }

  /** How many keys the pool can hold. */
  static int capacity() {
    return SLOTS;
  }

  /** Twice the processors, as a power of two, from 4 to 256. */
  static int slots(int processors) {
    int wanted = Math.max(4, Math.min(256, 2 * processors));
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  static boolean isVirtual(Thread thread) {
    try {
      return (boolean) IS_VIRTUAL.invokeExact(thread);
    } catch (Throwable e) {
      throw new IllegalStateException("Thread.isVirtual failed", e);
    }
  }

  private static MethodHandle isVirtualHandle() {
    try {
      return MethodHandles.publicLookup()
          .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
    } catch (NoSuchMethodException | IllegalAccessException absent) {
      return MethodHandles.dropArguments(
          MethodHandles.constant(boolean.class, false), 0, Thread.class);
    }
  }
}
