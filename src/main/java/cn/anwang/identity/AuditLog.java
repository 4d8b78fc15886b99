package cn.anwang.identity;

/**
 * The audit log: who did what, when, with before and after. Every change in every module and every
 * read of sensitive data is recorded here. Entries are hash-chained, so tampering is evident.
 */
public interface AuditLog {

  /**
   * Records an action by the current user (or "system" outside a request) in the caller's
   * transaction.
   *
   * @param action dotted verb, e.g. {@code grid.import}, {@code user.create}
   * @param targetType what kind of thing was touched, e.g. {@code grid}
   * @param targetId its id or code, may be null
   * @param before state before (any JSON-serialisable value), may be null
   * @param after state after, may be null
   */
  void record(String action, String targetType, String targetId, Object before, Object after);
}
