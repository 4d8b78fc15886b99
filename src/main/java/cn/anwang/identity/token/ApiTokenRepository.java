package cn.anwang.identity.token;

import cn.anwang.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table; only hashes of secrets ever reach it. */
@Repository
class ApiTokenRepository {

  /** A token's owner, as the scope rules need them. */
  record Owner(long id, String username, Role role, String territoryCode) {}

  private static final String SELECT =
      """
      SELECT t.id, t.user_id, u.username, t.name, t.prefix, t.scope, t.created_at, t.expires_at,
             t.last_used_at, t.revoked_at, t.revoked_by
        FROM api_token t JOIN app_user u ON u.id = t.user_id
      """;

  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long userId, String name, String prefix, String sha256, TokenScope scope, Instant expires) {
    return jdbc.sql(
            """
            INSERT INTO api_token (user_id, name, prefix, secret_sha256, scope, expires_at)
            VALUES (:userId, :name, :prefix, :sha256, :scope, :expires)
            RETURNING id
            """)
        .param("userId", userId)
        .param("name", name)
        .param("prefix", prefix)
        .param("sha256", sha256)
        .param("scope", scope.name())
        .param("expires", Timestamp.from(expires))
        .query(Long.class)
        .single();
  }

  List<TokenView> ofUser(long userId) {
    return jdbc.sql(SELECT + " WHERE t.user_id = :userId ORDER BY t.created_at DESC, t.id DESC")
        .param("userId", userId)
        .query(ApiTokenRepository::view)
        .list();
  }

  Optional<TokenView> find(long id) {
    return jdbc.sql(SELECT + " WHERE t.id = :id")
        .param("id", id)
        .query(ApiTokenRepository::view)
        .optional();
  }

  Optional<Owner> owner(long userId) {
    return jdbc.sql("SELECT id, username, role, territory_code FROM app_user WHERE id = :id")
        .param("id", userId)
        .query(
            (rs, n) ->
                new Owner(
                    rs.getLong("id"),
                    rs.getString("username"),
                    Role.valueOf(rs.getString("role")),
                    rs.getString("territory_code")))
        .optional();
  }

  /** Revokes the token unless it already is; whether this call revoked it. */
  boolean revoke(long id, String by) {
    return jdbc.sql(
                """
                UPDATE api_token SET revoked_at = now(), revoked_by = :by
                 WHERE id = :id AND revoked_at IS NULL
                """)
            .param("id", id)
            .param("by", by)
            .update()
        == 1;
  }

  private static TokenView view(ResultSet rs, int n) throws SQLException {
    return new TokenView(
        rs.getLong("id"),
        rs.getLong("user_id"),
        rs.getString("username"),
        rs.getString("name"),
        rs.getString("prefix"),
        TokenScope.valueOf(rs.getString("scope")),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("revoked_at")),
        rs.getString("revoked_by"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
