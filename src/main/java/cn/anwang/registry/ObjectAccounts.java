package cn.anwang.registry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Enterprise users linked to the supervised objects they act for ({@code object_account}). Other
 * modules read the links to scope what an enterprise user sees (its cases).
 */
public interface ObjectAccounts {

  /** The ids of the objects the user is linked to (empty when none). */
  Set<Long> objectsOf(long userId);

  /** The enterprise users linked to each of these objects (objects without users are absent). */
  Map<Long, List<Long>> usersOf(Collection<Long> objectIds);

  /**
   * Links a user to an object without a scope check, for the demo data (idempotent, audited as the
   * system). The user must be an enabled enterprise user.
   *
   * @return whether a new link was made
   */
  boolean linkForDemo(long objectId, long userId);
}
