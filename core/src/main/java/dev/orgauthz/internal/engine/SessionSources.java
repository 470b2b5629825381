package dev.orgauthz.internal.engine;

import dev.orgauthz.internal.condition.Keys;
import org.jspecify.annotations.Nullable;

/**
 * The sources (see {@link Keys#source}) of the keys of a decision about a role session, in one
 * place: the thread's view of an authorizer's decision gives them, and {@link
 * Engine.Scratch#keptOutcome} compares them before any view is set. In order: the keys of the
 * resource's account, the region, the role's keys, the user's keys and {@code aws:userid}. The
 * region is {@link #SHARED} when the request names none; the last two are {@link #SHARED} when no
 * statement reads a key that {@link Keys#variesByUser varies by user}, so that the users of a role
 * share the outcome.
 */
public final class SessionSources {
  /** How many sources the keys of a session's decision have. */
  public static final int COUNT = 5;

  /** The source that stands for what every decision shares: no region, or every user's keys. */
  public static final Object SHARED = new Object();

  private SessionSources() {}

  /**
   * Source {@code i} of a decision's keys, {@code 0 <= i < }{@value #COUNT}.
   *
   * @param perUser whether a statement reads a key that varies by user
   * @param resource the keys of the resource's account
   * @param region the requested region, or null
   * @param role the role's keys
   * @param user the user's keys
   * @param userId the values of {@code aws:userid}
   */
  public static Object source(
      int i,
      boolean perUser,
      Object resource,
      @Nullable String region,
      Object role,
      Object user,
      Object userId) {
    return switch (i) {
      case 0 -> resource;
      case 1 -> region == null ? SHARED : region;
      case 2 -> role;
      case 3 -> perUser ? user : SHARED;
      case 4 -> perUser ? userId : SHARED;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }
}
