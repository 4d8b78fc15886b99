package cn.anwang.registry.object;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.registry.ObjectAccounts;
import cn.anwang.shared.web.ApiProblems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise users of an object ({@code object_account}). Anyone who sees the object reads
 * them; the street, district and city administrators covering the object link and unlink enterprise
 * users (role {@code ENTERPRISE_USER}, enabled). Out-of-scope objects answer 404; every change is
 * audited ({@code object.account.link}, {@code object.account.unlink}).
 */
@Service
@Transactional
class ObjectAccountService implements ObjectAccounts {

  /** A linked enterprise user as the API and the object page show it. */
  record Account(
      long userId, String username, String displayName, Instant createdAt, String createdBy) {}

  private final JdbcClient jdbc;
  private final ObjectRepository objects;
  private final CurrentActor currentActor;
  private final UserDirectory users;
  private final AuditLog audit;

  ObjectAccountService(
      JdbcClient jdbc,
      ObjectRepository objects,
      CurrentActor currentActor,
      UserDirectory users,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.objects = objects;
    this.currentActor = currentActor;
    this.users = users;
    this.audit = audit;
  }

  @Override
  @Transactional(readOnly = true)
  public Set<Long> objectsOf(long userId) {
    return new LinkedHashSet<>(
        jdbc.sql("SELECT object_id FROM object_account WHERE user_id = ? ORDER BY object_id")
            .param(userId)
            .query(Long.class)
            .list());
  }

  @Override
  @Transactional(readOnly = true)
  public Map<Long, List<Long>> usersOf(Collection<Long> objectIds) {
    Map<Long, List<Long>> users = new LinkedHashMap<>();
    if (objectIds.isEmpty()) {
      return users;
    }
    jdbc.sql(
            "SELECT object_id, user_id FROM object_account WHERE object_id = ANY(?)"
                + " ORDER BY object_id, user_id")
        .param(objectIds.toArray(Long[]::new))
        .query(
            rs -> {
              users.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            });
    return users;
  }

  @Override
  public boolean linkForDemo(long objectId, long userId) {
    UserDirectory.Contact user =
        users
            .find(userId)
            .filter(u -> u.role() == Role.ENTERPRISE_USER)
            .orElseThrow(() -> new IllegalArgumentException("not an enterprise user: " + userId));
    SupervisedObject o = objects.find(objectId).orElseThrow(() -> ObjectNotFound.forId(objectId));
    return insert(o, user, "system");
  }

  /** Whether the current user may change the object's accounts (an administrator covering it). */
  @Transactional(readOnly = true)
  boolean mayManage(long objectId) {
    Actor actor = currentActor.require();
    return manager(actor)
        && objects.find(objectId).filter(o -> actor.covers(o.divisionCode())).isPresent();
  }

  /** The enterprise users of an object the caller sees. */
  @Transactional(readOnly = true)
  List<Account> list(long objectId) {
    visible(currentActor.require(), objectId);
    return accounts(objectId);
  }

  /**
   * Links an enterprise user, named by id or log-in name, to the object (idempotent); answers the
   * object's accounts.
   */
  List<Account> link(long objectId, Long userId, String username) {
    Actor actor = currentActor.require();
    SupervisedObject o = visible(actor, objectId);
    requireManager(actor);
    UserDirectory.Contact user =
        (userId != null ? users.find(userId) : users.findByUsername(username))
            .filter(u -> u.role() == Role.ENTERPRISE_USER)
            .orElseThrow(
                () ->
                    ObjectRejected.field(
                        "userId",
                        "Only an enabled enterprise user (ENTERPRISE_USER) can be linked to an"
                            + " object",
                        "registry.rejected.accountNotEnterprise"));
    insert(o, user, actor.username());
    return accounts(objectId);
  }

  /** Removes a link; 404 when the user is not linked to the object. */
  void unlink(long objectId, long userId) {
    Actor actor = currentActor.require();
    SupervisedObject o = visible(actor, objectId);
    requireManager(actor);
    int removed =
        jdbc.sql("DELETE FROM object_account WHERE object_id = ? AND user_id = ?")
            .params(objectId, userId)
            .update();
    if (removed == 0) {
      throw ApiProblems.notFound("Object account", objectId + "/" + userId);
    }
    audit.record(
        "object.account.unlink",
        ObjectService.TARGET,
        String.valueOf(objectId),
        o.divisionCode(),
        Map.of("userId", userId),
        null);
  }

  private boolean insert(SupervisedObject o, UserDirectory.Contact user, String by) {
    int inserted =
        jdbc.sql(
                "INSERT INTO object_account (object_id, district_code, user_id, created_by)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(o.id(), o.districtCode(), user.id(), by)
            .update();
    if (inserted == 0) {
      return false;
    }
    audit.record(
        "object.account.link",
        ObjectService.TARGET,
        String.valueOf(o.id()),
        o.divisionCode(),
        null,
        Map.of("userId", user.id(), "username", user.username()));
    return true;
  }

  private List<Account> accounts(long objectId) {
    return jdbc.sql(
            """
            SELECT a.user_id, u.username, u.display_name, a.created_at, a.created_by
              FROM object_account a JOIN app_user u ON u.id = a.user_id
             WHERE a.object_id = ? ORDER BY u.username
            """)
        .param(objectId)
        .query(
            (rs, n) ->
                new Account(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5)))
        .list();
  }

  private SupervisedObject visible(Actor actor, long objectId) {
    String department = ObjectService.departmentScope(actor);
    return objects
        .find(objectId)
        .filter(o -> actor.covers(o.divisionCode()))
        .filter(o -> department == null || objects.isResponsible(objectId, department))
        .orElseThrow(() -> ObjectNotFound.forId(objectId));
  }

  private static boolean manager(Actor actor) {
    return actor.role() == Role.STREET_ADMIN
        || actor.role() == Role.DISTRICT_ADMIN
        || actor.role() == Role.CITY_ADMIN;
  }

  private static void requireManager(Actor actor) {
    if (!manager(actor)) {
      throw ApiProblems.forbidden(
          "Only street, district and city administrators link enterprise users to objects");
    }
  }
}
