package dev.orgauthz.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memo compares kept lists of values with the request's by index: the {@code equals} of an
 * immutable list walks the other list with an iterator, which the decision path would allocate
 * where the compiler does not remove it.
 */
class DecisionMemoEqualTest {
  /** A list of values that fails when walked with an iterator. */
  private static final class NoIterator extends AbstractList<String> {
    private final String[] values;

    NoIterator(String... values) {
      this.values = values;
    }

    @Override
    public String get(int index) {
      return values[index];
    }

    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Iterator<String> iterator() {
      throw new AssertionError("walked with an iterator");
    }
  }

  @Test
  void listsAreComparedByIndex() {
    assertThat(DecisionMemo.equal(List.of("a", "b"), new NoIterator("a", "b"))).isTrue();
    assertThat(DecisionMemo.equal(List.of("a"), new NoIterator("a"))).isTrue();
    assertThat(DecisionMemo.equal(List.of("a", "b"), new NoIterator("a", "c"))).isFalse();
    assertThat(DecisionMemo.equal(List.of("a"), new NoIterator("a", "b"))).isFalse();
  }

  @Test
  void otherPartsAreComparedByEquality() {
    Object layer = new Object();
    assertThat(DecisionMemo.equal(layer, layer)).isTrue();
    assertThat(DecisionMemo.equal(layer, new Object())).isFalse();
    assertThat(DecisionMemo.equal("eu-west-1", new String("eu-west-1".toCharArray()))).isTrue();
    assertThat(DecisionMemo.equal(null, null)).isTrue();
    assertThat(DecisionMemo.equal(null, "x")).isFalse();
    assertThat(DecisionMemo.equal("x", null)).isFalse();
    assertThat(DecisionMemo.equal(List.of("x"), "x")).isFalse();
  }
}
