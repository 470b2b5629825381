package dev.orgauthz.testing.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names the organization a test asks about; test and lifecycle methods (and constructors) then
 * receive its {@code dev.orgauthz.Authorizer}, or its {@code dev.orgauthz.Snapshot}, as parameters.
 * Each snapshot is read and compiled once per test run, and shared by every test that names it.
 *
 * <pre>{@code
 * @OrgAuthzSnapshot("example")
 * class SandboxGuardrailsTest {
 *   @Test
 *   void noOneInSandboxCanLeaveTheOrganization(Authorizer authorizer) {
 *     assertThat(authorizer).everyUser().cannot("organizations:LeaveOrganization")
 *         .inEveryAccountOf("Sandbox");
 *   }
 * }
 * }</pre>
 *
 * <p>The annotation may sit on a test class (inherited by subclasses and {@code @Nested} classes),
 * a method, or a parameter; the nearest one wins, so one test can compare two organizations.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OrgAuthzExtension.class)
public @interface OrgAuthzSnapshot {
  /**
   * The snapshot: {@code example} for the built-in example organization ({@link
   * dev.orgauthz.testing.ExampleOrganization}), {@code classpath:NAME} for a resource of the test
   * class path in a directory (such as {@code src/test/resources}), or a file path, relative to the
   * working directory of the test run (the module's directory under Maven). A file is an export
   * directory of AWS CLI outputs or a snapshot document.
   */
  String value();
}
