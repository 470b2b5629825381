package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Matching a block without policy variables allocates nothing (design: the decision path). */
class AllocationTest {
  private static final int ROUNDS = 20_000;

  /**
   * The bytes the current thread has allocated so far. Read through reflection: the core module
   * does not read {@code java.management}, and tests run inside it.
   */
  private static LongSupplier allocatedBytes() {
    try {
      Object bean =
          Class.forName("java.lang.management.ManagementFactory")
              .getMethod("getThreadMXBean")
              .invoke(null);
      Method method =
          Class.forName("com.sun.management.ThreadMXBean")
              .getMethod("getCurrentThreadAllocatedBytes");
      return () -> {
        try {
          return (long) method.invoke(bean);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (ReflectiveOperationException e) {
      Assumptions.abort("no allocation counter in this JVM: " + e);
      throw new IllegalStateException(e);
    }
  }

  @Test
  void matchingWithoutVariablesAllocatesNothing() {
    LongSupplier allocatedBytes = allocatedBytes();
    ConditionSet set =
        ConditionSet.compile(
            List.of(
                new ConditionClause("StringEquals", "aws:RequestedRegion", List.of("a", "b"), "/"),
                new ConditionClause("StringNotLike", "aws:PrincipalArn", List.of("*admin*"), "/"),
                new ConditionClause("ArnLike", "aws:SourceArn", List.of("arn:aws:s3:::b*"), "/"),
                new ConditionClause("NumericLessThan", "s3:max-keys", List.of("100"), "/"),
                new ConditionClause("DateLessThan", "aws:CurrentTime", List.of("2030-01"), "/"),
                new ConditionClause("IpAddress", "aws:SourceIp", List.of("10.0.0.0/8"), "/"),
                new ConditionClause("NotIpAddress", "aws:SourceIp", List.of("2001:db8::/32"), "/"),
                new ConditionClause("Bool", "aws:SecureTransport", List.of("true"), "/"),
                new ConditionClause("BinaryEquals", "k:bytes", List.of("QUJD"), "/"),
                new ConditionClause("Null", "aws:TokenIssueTime", List.of("true"), "/"),
                new ConditionClause("ForAllValues:StringLike", "aws:TagKeys", List.of("t*"), "/"),
                new ConditionClause("StringEqualsIfExists", "aws:Missing", List.of("x"), "/")),
            true,
            "p");
    RequestContext request =
        RequestContext.builder()
            .put("aws:RequestedRegion", "b")
            .put("aws:PrincipalArn", "arn:aws:iam::1:role/dev")
            .put("aws:SourceArn", "arn:aws:s3:::bucket")
            .put("s3:max-keys", "50")
            .put("aws:CurrentTime", "2024-05-01T12:00:00Z")
            .put("aws:SourceIp", "10.1.2.3")
            .put("aws:SecureTransport", "true")
            .put("k:bytes", "QUJD")
            .putAll("aws:TagKeys", List.of("team", "tier"))
            .build();
    assertThat(set.matches(request)).isTrue();
    Keys keys = Keys.of(request);

    long before = allocatedBytes.getAsLong();
    boolean all = true;
    for (int i = 0; i < ROUNDS; i++) {
      all &= set.matches(keys);
    }
    long allocated = allocatedBytes.getAsLong() - before;

    assertThat(all).isTrue();
    assertThat(allocated).isLessThan(ROUNDS);
  }
}
