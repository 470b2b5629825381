package dev.orgauthz.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgauthz.evaluation.RequestContext;
import dev.orgauthz.policy.ConditionClause;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The block as a whole: clauses are ANDed; keys are reported. */
class ConditionSetTest {
  private static final List<ConditionClause> REGION_AND_TEAM =
      List.of(
          Cases.clause("StringEquals", "aws:RequestedRegion", "eu-west-1;eu-central-1"),
          Cases.clause("StringEquals", "aws:ResourceTag/Team", "${aws:PrincipalTag/Team}"));

  @Test
  void emptyBlockAlwaysHolds() {
    assertThat(ConditionSet.EMPTY.isEmpty()).isTrue();
    assertThat(ConditionSet.EMPTY.matches(RequestContext.empty())).isTrue();
    assertThat(ConditionSet.compile(List.of(), true, "p").isEmpty()).isTrue();
  }

  @Test
  void everyClauseMustHold() {
    ConditionSet set = ConditionSet.compile(REGION_AND_TEAM, true, "p");

    assertThat(set.isEmpty()).isFalse();
    assertThat(
            set.matches(
                Cases.request(
                    "aws:RequestedRegion=eu-west-1;aws:ResourceTag/Team=red;"
                        + "aws:PrincipalTag/Team=red")))
        .isTrue();
    assertThat(
            set.matches(
                Cases.request(
                    "aws:RequestedRegion=us-east-1;aws:ResourceTag/Team=red;"
                        + "aws:PrincipalTag/Team=red")))
        .isFalse();
    assertThat(
            set.matches(
                Cases.request(
                    "aws:RequestedRegion=eu-west-1;aws:ResourceTag/Team=red;"
                        + "aws:PrincipalTag/Team=blue")))
        .isFalse();
  }

  @Test
  void collectsConditionKeysAndVariableKeysLowercased() {
    List<ConditionClause> clauses =
        List.of(
            REGION_AND_TEAM.get(0),
            REGION_AND_TEAM.get(1),
            Cases.clause("Null", "aws:TokenIssueTime", "false"),
            Cases.clause("StringLike", "s3:prefix", "${*}home/${aws:UserName, 'x'}/*"),
            Cases.clause("NumericLessThan", "s3:max-keys", "10"));
    Set<String> keys = new TreeSet<>();

    ConditionSet.compile(clauses, true, "p").collectKeys(keys);

    assertThat(keys)
        .containsExactly(
            "aws:principaltag/team",
            "aws:requestedregion",
            "aws:resourcetag/team",
            "aws:tokenissuetime",
            "aws:username",
            "s3:max-keys",
            "s3:prefix");
  }

  @Test
  void version2008HasNoVariableKeys() {
    Set<String> keys = new TreeSet<>();

    ConditionSet.compile(REGION_AND_TEAM, false, "p").collectKeys(keys);

    assertThat(keys).containsExactly("aws:requestedregion", "aws:resourcetag/team");
  }
}
