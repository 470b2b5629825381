package dev.orgauthz.testing.junit;

import dev.orgauthz.Authorizer;
import dev.orgauthz.Snapshot;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Resolves parameters of type {@code Authorizer} and {@code Snapshot} for the snapshot that the
 * nearest {@link OrgAuthzSnapshot} names (on the parameter, the method, the class or an enclosing
 * class). Each snapshot is read and compiled once per test run, in the root store of the run.
 * Register it through {@link OrgAuthzSnapshot}.
 */
public final class OrgAuthzExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OrgAuthzExtension.class);

  /** A compiled snapshot, shared by the tests that name it. */
  private record Compiled(Snapshot snapshot, Authorizer authorizer) {}

  /** Created by JUnit. */
  public OrgAuthzExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Authorizer.class || type == Snapshot.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    String location = location(parameter, context);
    ClassLoader loader = loader(context);
    Compiled compiled;
    try {
      String key = Locations.key(location, loader);
      compiled =
          context
              .getRoot()
              .getStore(NAMESPACE)
              .getOrComputeIfAbsent(key, k -> compile(location, loader), Compiled.class);
    } catch (IllegalArgumentException e) {
      throw new ParameterResolutionException(
          "@OrgAuthzSnapshot(\"" + location + "\"): " + e.getMessage(), e);
    }
    return parameter.getParameter().getType() == Snapshot.class
        ? compiled.snapshot()
        : compiled.authorizer();
  }

  private static Compiled compile(String location, ClassLoader loader) {
    Snapshot snapshot = Locations.snapshot(location, loader);
    return new Compiled(snapshot, Authorizer.compile(snapshot));
  }

  private static ClassLoader loader(ExtensionContext context) {
    return context
        .getTestClass()
        .map(Class::getClassLoader)
        .orElseGet(() -> Thread.currentThread().getContextClassLoader());
  }

  private static String location(ParameterContext parameter, ExtensionContext context) {
    Optional<OrgAuthzSnapshot> onParameter = parameter.findAnnotation(OrgAuthzSnapshot.class);
    if (onParameter.isPresent()) {
      return onParameter.get().value();
    }
    Optional<ExtensionContext> current = Optional.of(context);
    while (current.isPresent()) {
      Optional<AnnotatedElement> element = current.get().getElement();
      if (element.isPresent()) {
        Optional<OrgAuthzSnapshot> found =
            AnnotationSupport.findAnnotation(element.get(), OrgAuthzSnapshot.class);
        if (found.isPresent()) {
          return found.get().value();
        }
      }
      current = current.get().getParent();
    }
    throw new ParameterResolutionException(
        "no snapshot is named for the "
            + parameter.getParameter().getType().getSimpleName()
            + " parameter of `"
            + parameter.getDeclaringExecutable().getName()
            + "`: annotate the test class, the method or the parameter with"
            + " @OrgAuthzSnapshot(\"example\"), @OrgAuthzSnapshot(\"classpath:NAME\") or"
            + " @OrgAuthzSnapshot(\"PATH\")");
  }
}
