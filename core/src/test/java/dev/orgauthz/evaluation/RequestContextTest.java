package dev.orgauthz.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The request context: case-insensitive keys, builders, merges. */
class RequestContextTest {
  @Test
  void keysCompareInAnyCaseAndKeepTheirWrittenName() {
    RequestContext context =
        RequestContext.builder().put("aws:RequestedRegion", "eu-west-1").build();

    assertThat(context.values("AWS:requestedregion")).containsExactly("eu-west-1");
    assertThat(context.valuesOfLowercaseKey("aws:requestedregion")).containsExactly("eu-west-1");
    assertThat(context.valuesOfLowercaseKey("aws:RequestedRegion")).isNull();
    assertThat(context.keys()).containsExactly("aws:RequestedRegion");
  }

  @Test
  void aBuilderChangedAfterBuildLeavesTheBuiltContextAsItWas() {
    RequestContext.Builder builder =
        RequestContext.builder().put("aws:SourceIp", "10.0.0.1").putAll("aws:TagKeys", List.of());
    RequestContext first = builder.build();

    builder.put("aws:SourceIp", "10.0.0.2").remove("aws:TagKeys").put("aws:Username", "ann");
    RequestContext second = builder.build();
    builder.merge(RequestContext.builder().put("aws:SourceIp", "10.0.0.3").build());

    assertThat(first.values("aws:SourceIp")).containsExactly("10.0.0.1");
    assertThat(first.has("aws:TagKeys")).isTrue();
    assertThat(first.has("aws:Username")).isFalse();
    assertThat(first.keys()).containsExactly("aws:SourceIp", "aws:TagKeys");
    assertThat(second.values("aws:SourceIp")).containsExactly("10.0.0.2");
    assertThat(second.has("aws:TagKeys")).isFalse();
    assertThat(builder.build().values("aws:SourceIp")).containsExactly("10.0.0.3");
  }

  @Test
  void aMergeReplacesKeysInAnyCaseAndKeepsWhetherTheyAreMultivalued() {
    RequestContext base =
        RequestContext.builder()
            .put("aws:PrincipalArn", "arn:aws:iam::111111111111:role/a")
            .put("aws:SourceVpc", "vpc-1")
            .build();
    RequestContext top =
        RequestContext.builder()
            .putAll("AWS:SOURCEVPC", List.of("vpc-2"))
            .put("aws:userid", "AROA:ann")
            .build();

    RequestContext merged = RequestContext.builder().merge(base).merge(top).build();

    assertThat(merged.values("aws:sourcevpc")).containsExactly("vpc-2");
    assertThat(merged.isMultivalued("aws:SourceVpc")).isTrue();
    assertThat(merged.isMultivaluedLowercaseKey("aws:sourcevpc")).isTrue();
    assertThat(merged.isMultivaluedLowercaseKey("aws:principalarn")).isFalse();
    assertThat(merged.isMultivaluedLowercaseKey("aws:principalorgpaths")).isTrue();
    assertThat(merged.keys()).containsExactly("aws:PrincipalArn", "AWS:SOURCEVPC", "aws:userid");
    assertThat(merged.size()).isEqualTo(3);
  }

  @Test
  void aBuilderThatMergedIntoNothingChangesCopiesNotTheMergedContext() {
    RequestContext base =
        RequestContext.builder()
            .put("aws:PrincipalArn", "arn:aws:iam::111111111111:role/a")
            .putAll("aws:PrincipalOrgPaths", List.of("o-1/r-1/"))
            .build();

    RequestContext.Builder builder = RequestContext.builder().merge(base);
    RequestContext same = builder.build();
    builder
        .put("aws:PrincipalArn", "arn:aws:iam::111111111111:role/b")
        .remove("aws:PrincipalOrgPaths")
        .put("aws:CurrentTime", "2026-01-01T00:00:00Z");
    RequestContext changed = builder.build();
    RequestContext.builder().merge(base).remove("aws:PrincipalArn").build();

    assertThat(same).isEqualTo(base);
    assertThat(base.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::111111111111:role/a");
    assertThat(base.isMultivalued("aws:PrincipalOrgPaths")).isTrue();
    assertThat(base.keys()).containsExactly("aws:PrincipalArn", "aws:PrincipalOrgPaths");
    assertThat(changed.values("aws:principalarn"))
        .containsExactly("arn:aws:iam::111111111111:role/b");
    assertThat(changed.has("aws:PrincipalOrgPaths")).isFalse();
    assertThat(changed.keys()).containsExactly("aws:PrincipalArn", "aws:CurrentTime");
    assertThat(changed.valuesOfLowercaseKey("aws:currenttime"))
        .containsExactly("2026-01-01T00:00:00Z");
  }

  @Test
  void contextsAreEqualByLowercaseKeysValuesAndKindsNotByNamesOrOrder() {
    RequestContext one =
        RequestContext.builder()
            .put("aws:SourceIp", "10.0.0.1")
            .putAll("aws:TagKeys", List.of("a", "b"))
            .build();
    RequestContext other =
        RequestContext.builder()
            .putAll("AWS:TAGKEYS", List.of("a", "b"))
            .put("aws:sourceip", "10.0.0.1")
            .build();
    RequestContext listed =
        RequestContext.builder()
            .putAll("aws:SourceIp", List.of("10.0.0.1"))
            .putAll("aws:TagKeys", List.of("a", "b"))
            .build();
    RequestContext otherValue =
        RequestContext.builder()
            .put("aws:SourceIp", "10.0.0.2")
            .putAll("aws:TagKeys", List.of("a", "b"))
            .build();

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(listed).isNotEqualTo(otherValue);
    assertThat(one.toBuilder().build()).isEqualTo(one);
    assertThat(one.toBuilder().build().keys()).containsExactly("aws:SourceIp", "aws:TagKeys");
    assertThat(other.toString()).isEqualTo("{AWS:TAGKEYS=[a, b], aws:sourceip=10.0.0.1}");
    assertThat(RequestContext.builder().build()).isSameAs(RequestContext.empty());
  }
}
