package dev.orgauthz.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Makes each intent of intent files one invocation of a {@code @ParameterizedTest}, with the {@code
 * dev.orgauthz.testing.intent.Intent} as its first argument. With {@link OrgAuthzSnapshot} the test
 * also receives the {@code Authorizer}:
 *
 * <pre>{@code
 * @OrgAuthzSnapshot("example")
 * class IntentsTest {
 *   @ParameterizedTest(name = "{0}")
 *   @IntentSource("classpath:intents/guardrails.json")
 *   void holds(Intent intent, Authorizer authorizer) {
 *     assertThat(authorizer).holds(intent);
 *   }
 * }
 * }</pre>
 *
 * <p>A file that cannot be read fails the test with the file, the JSON pointer and the fix.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(IntentArgumentsProvider.class)
public @interface IntentSource {
  /**
   * The intent files, read in order: {@code classpath:NAME} for a resource of the test class path,
   * or a file path, relative to the working directory of the test run.
   */
  String[] value();
}
