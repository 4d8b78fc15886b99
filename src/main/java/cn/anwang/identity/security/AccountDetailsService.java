package cn.anwang.identity.security;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import java.sql.Timestamp;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads accounts for log-in from {@code app_user}, and re-hashes a password whose stored hash uses
 * an outdated encoding (the delegating encoder asks for it after a successful log-in).
 */
@Service
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

  private final JdbcClient jdbc;

  AccountDetailsService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String normalised = normalise(username);
    return jdbc.sql(
            """
            SELECT id, username, display_name, role, territory_code, department_code,
                   password_hash, enabled, locked_until, version, failed_attempts
              FROM app_user WHERE username = :username
            """)
        .param("username", normalised)
        .query(
            (rs, n) -> {
              Timestamp locked = rs.getTimestamp("locked_until");
              Actor actor =
                  new Actor(
                      rs.getLong("id"),
                      rs.getString("username"),
                      rs.getString("display_name"),
                      Role.valueOf(rs.getString("role")),
                      new Scope(rs.getString("territory_code"), rs.getString("department_code")));
              return new AccountPrincipal(
                  actor,
                  rs.getString("password_hash"),
                  rs.getBoolean("enabled"),
                  locked == null ? null : locked.toInstant(),
                  rs.getInt("version"),
                  rs.getInt("failed_attempts"));
            })
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException("No such user"));
  }

  @Override
  public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
    jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
        .param("hash", newPasswordHash)
        .param("username", normalise(user.getUsername()))
        .update();
    return loadUserByUsername(user.getUsername());
  }

  static String normalise(String username) {
    return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
  }
}
