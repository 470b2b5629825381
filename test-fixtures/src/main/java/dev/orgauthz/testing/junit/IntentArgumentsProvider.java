package dev.orgauthz.testing.junit;

import dev.orgauthz.testing.intent.Intent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Reads the intent files of an {@link IntentSource}: one set of arguments per intent. */
final class IntentArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<IntentSource> {
  private String[] locations = new String[0];

  IntentArgumentsProvider() {}

  @Override
  public void accept(IntentSource source) {
    this.locations = source.value();
  }

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    if (locations.length == 0) {
      throw new IllegalArgumentException(
          "@IntentSource names no intent file: give at least one location");
    }
    ClassLoader loader =
        context
            .getTestClass()
            .map(Class::getClassLoader)
            .orElseGet(() -> Thread.currentThread().getContextClassLoader());
    List<Intent> intents = new ArrayList<>();
    for (String location : locations) {
      intents.addAll(Locations.intents(location, loader));
    }
    return intents.stream().map(Arguments::of);
  }
}
