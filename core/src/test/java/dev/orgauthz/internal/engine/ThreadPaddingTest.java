package dev.orgauthz.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The objects a thread writes on every decision keep {@value ThreadPadding#BYTES} bytes of padding
 * before and after their fields, in this JVM's layout, so that two threads' objects never share a
 * cache line: the fields of {@link ThreadPadding} come first and the final subclass's last.
 */
public class ThreadPaddingTest {
  @Test
  void theRequestViewOfAThreadIsPadded() throws ReflectiveOperationException {
    assertPadded(RequestView.padded());
  }

  /**
   * Asserts that every field of the object lies {@value ThreadPadding#BYTES} bytes or more from the
   * object's start and from its end, but for the padding's own.
   */
  public static void assertPadded(Object padded) throws ReflectiveOperationException {
    Class<?> type = padded.getClass();
    assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
    Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
    Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
    theUnsafe.setAccessible(true);
    Object unsafe = theUnsafe.get(null);
    Method offsetOf = unsafeClass.getMethod("objectFieldOffset", Field.class);
    int referenceBytes =
        (int) unsafeClass.getMethod("arrayIndexScale", Class.class).invoke(unsafe, Object[].class);

    List<Long> own = new ArrayList<>();
    long ownEnd = 0;
    long lastBefore = 0;
    long firstAfter = Long.MAX_VALUE;
    long end = 0;
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        long offset = (long) offsetOf.invoke(unsafe, field);
        end = Math.max(end, offset + 8);
        if (c == ThreadPadding.class) {
          lastBefore = Math.max(lastBefore, offset);
        } else if (c == type) {
          assertThat(field.getType()).as("padding %s", field).isEqualTo(long.class);
          firstAfter = Math.min(firstAfter, offset);
        } else {
          own.add(offset);
          ownEnd = Math.max(ownEnd, offset + bytes(field.getType(), referenceBytes));
        }
      }
    }
    assertThat(own).as("the fields of %s", type).isNotEmpty();
    long firstOwn = own.stream().mapToLong(Long::longValue).min().orElseThrow();
    long lastOwn = own.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(firstOwn).as("the first field's offset").isGreaterThan(lastBefore);
    assertThat(firstOwn).as("the first field's offset").isGreaterThanOrEqualTo(ThreadPadding.BYTES);
    assertThat(firstAfter).as("the padding after the fields").isGreaterThan(lastOwn);
    assertThat(end - ownEnd)
        .as("bytes after the last field")
        .isGreaterThanOrEqualTo(ThreadPadding.BYTES);
  }

  private static int bytes(Class<?> type, int referenceBytes) {
    if (type == long.class || type == double.class) {
      return 8;
    }
    if (type == int.class || type == float.class) {
      return 4;
    }
    if (type == short.class || type == char.class) {
      return 2;
    }
    if (type == byte.class || type == boolean.class) {
      return 1;
    }
    return referenceBytes;
  }
}
