package cn.anwang.identity.user;

import cn.anwang.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in {@code app_user}. Every listing takes the caller's territory pattern. */
@Repository
class UserRepository {

  private static final String COLUMNS =
      "id, username, password_hash, display_name, role, territory_code, department_code, enabled,"
          + " failed_attempts, locked_until, created_at, version, email, language";

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<User> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
        .param("id", id)
        .query(UserRepository::map)
        .optional();
  }

  Optional<User> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
        .param("username", User.normaliseUsername(username))
        .query(UserRepository::map)
        .optional();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  /**
   * Inserts a new user unless the username is taken.
   *
   * @return the new id, or empty when the username exists
   */
  Optional<Long> insertIfAbsent(User user) {
    return jdbc.sql(
            """
            INSERT INTO app_user (username, password_hash, display_name, role, territory_code,
                                  department_code, enabled, email, language)
            VALUES (:username, :hash, :displayName, :role, :territory, :department, :enabled,
                    :email, :language)
            ON CONFLICT (username) DO NOTHING
            RETURNING id
            """)
        .param("username", user.username())
        .param("hash", user.passwordHash())
        .param("displayName", user.displayName())
        .param("role", user.role().name())
        .param("territory", user.territoryCode())
        .param("department", user.departmentCode(), Types.VARCHAR)
        .param("enabled", user.enabled())
        .param("email", user.email(), Types.VARCHAR)
        .param("language", user.language(), Types.VARCHAR)
        .query(Long.class)
        .optional();
  }

  /**
   * Writes a changed user.
   *
   * @return false when someone else changed the row since it was read (optimistic lock)
   */
  boolean update(User user) {
    int rows =
        jdbc.sql(
                """
                UPDATE app_user
                   SET password_hash = :hash, display_name = :displayName, role = :role,
                       territory_code = :territory, department_code = :department,
                       enabled = :enabled, failed_attempts = :failed, locked_until = :lockedUntil,
                       email = :email, language = :language, updated_at = now(), version = version + 1
                 WHERE id = :id AND version = :version
                """)
            .param("hash", user.passwordHash())
            .param("displayName", user.displayName())
            .param("role", user.role().name())
            .param("territory", user.territoryCode())
            .param("department", user.departmentCode(), Types.VARCHAR)
            .param("enabled", user.enabled())
            .param("failed", user.failedAttempts())
            .param("email", user.email(), Types.VARCHAR)
            .param("language", user.language(), Types.VARCHAR)
            .param(
                "lockedUntil",
                user.lockedUntil() == null ? null : user.lockedUntil().atOffset(ZoneOffset.UTC),
                Types.TIMESTAMP_WITH_TIMEZONE)
            .param("id", user.id())
            .param("version", user.version())
            .update();
    return rows == 1;
  }

  /**
   * One page of the users inside a territory, optionally matching a search text in the username or
   * display name.
   */
  List<User> search(String territoryPattern, String text, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app_user"
                + where(text)
                + " ORDER BY territory_code,"
                + " username LIMIT :limit OFFSET :offset")
        .param("territory", territoryPattern)
        .param("text", like(text))
        .param("limit", limit)
        .param("offset", offset)
        .query(UserRepository::map)
        .list();
  }

  long countMatching(String territoryPattern, String text) {
    return jdbc.sql("SELECT count(*) FROM app_user" + where(text))
        .param("territory", territoryPattern)
        .param("text", like(text))
        .query(Long.class)
        .single();
  }

  private static String where(String text) {
    String where = " WHERE territory_code LIKE :territory";
    if (text != null && !text.isBlank()) {
      where += " AND (username ILIKE :text OR display_name ILIKE :text)";
    }
    return where;
  }

  private static String like(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped = text.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static User map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
    User user =
        new User(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("password_hash"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            rs.getString("territory_code"),
            rs.getString("department_code"),
            rs.getBoolean("enabled"),
            rs.getInt("failed_attempts"),
            locked == null ? null : locked.toInstant(),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            rs.getInt("version"));
    user.contact(rs.getString("email"), rs.getString("language"));
    return user;
  }
}
