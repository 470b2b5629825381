package dev.orgauthz.query;

import static java.util.Objects.requireNonNull;

import dev.orgauthz.AccessRequest;
import dev.orgauthz.evaluation.RequestContext;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The questions {@link Impact} asks before and after a change: listed, or generated. */
public sealed interface ImpactQuestions permits ImpactQuestions.Listed, ImpactQuestions.Generated {

  /** The questions given, such as the intents a platform team keeps. */
  static ImpactQuestions of(List<AccessRequest> requests) {
    return new Listed(requests);
  }

  /**
   * Every user, in every account where the user can use a role before or after the change, for
   * every action the policies of either snapshot name ({@link ActionCatalog#mentionedIn}), on every
   * resource ({@code *}), without region.
   */
  static ImpactQuestions generated() {
    return new Generated("*", null, RequestContext.empty(), null);
  }

  /** Like {@link #generated()}, in one region ({@code aws:RequestedRegion}). */
  static ImpactQuestions generated(String region) {
    return new Generated("*", region, RequestContext.empty(), null);
  }

  /**
   * Questions given one by one. A question without time is asked at the time the impact query
   * starts, the same before and after.
   *
   * @param requests the questions
   */
  record Listed(List<AccessRequest> requests) implements ImpactQuestions {
    public Listed {
      requests = List.copyOf(requests);
    }
  }

  /**
   * Questions generated from the snapshots: users × accounts × the actions the policies name.
   *
   * @param resource the resource of every question
   * @param region the region of every question, or null for none
   * @param context condition keys set on every question
   * @param time the time of every question; null for the time the impact query starts
   */
  record Generated(
      String resource, @Nullable String region, RequestContext context, @Nullable Instant time)
      implements ImpactQuestions {
    public Generated {
      Questions.requireResource(resource);
      requireNonNull(context, "context");
    }
  }
}
