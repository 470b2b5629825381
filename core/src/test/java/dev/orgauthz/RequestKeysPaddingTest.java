package dev.orgauthz;

import dev.orgauthz.internal.engine.ThreadPaddingTest;
import org.junit.jupiter.api.Test;

/** The keys a thread reuses for its decisions are padded (see {@link ThreadPaddingTest}). */
class RequestKeysPaddingTest {
  @Test
  void theKeysOfAThreadArePadded() throws ReflectiveOperationException {
    ThreadPaddingTest.assertPadded(RequestKeys.padded());
  }
}
