package cn.anwang.identity;

/**
 * The audit log: who did what, when, with before and after. Every change in every module and every
 * read of sensitive data is recorded here. Entries are hash-chained, so tampering is evident.
 *
 * <p>An entry is written in the caller's transaction (one is opened when there is none), so it is
 * committed or rolled back together with the change it describes. Writing takes no lock: entries
 * are linked into the hash chain by a background sealer within about a second of their commit, and
 * verifying the chain seals what is pending first.
 */
public interface AuditLog {

  /**
   * Records an action by the current user (or "system" outside a request), filed under the actor's
   * own territory.
   *
   * @param action dotted verb, e.g. {@code grid.import}, {@code user.create}
   * @param targetType what kind of thing was touched, e.g. {@code grid}
   * @param targetId its id or code, may be null
   * @param before state before (any JSON-serialisable value), may be null
   * @param after state after, may be null
   */
  default void record(
      String action, String targetType, String targetId, Object before, Object after) {
    record(action, targetType, targetId, null, before, after);
  }

  /**
   * Records an action by the current user, filed under the division it concerns, so that the
   * administrators and auditors of that division see it.
   *
   * @param territoryCode division code the target lies in, or null for the actor's territory
   */
  void record(
      String action,
      String targetType,
      String targetId,
      String territoryCode,
      Object before,
      Object after);
}
