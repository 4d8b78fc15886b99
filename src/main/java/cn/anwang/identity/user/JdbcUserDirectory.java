package cn.anwang.identity.user;

import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link UserDirectory} over {@code app_user}. */
@Component
class JdbcUserDirectory implements UserDirectory {

  private static final String COLUMNS =
      "id, username, display_name, role, territory_code, department_code, email, language";

  private final JdbcClient jdbc;

  JdbcUserDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Contact> withRole(Role role, String divisionCode) {
    if (divisionCode == null || divisionCode.isBlank()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app_user WHERE enabled AND role = :role"
                + " AND :division LIKE territory_code || '%' ORDER BY id")
        .param("role", role.name())
        .param("division", divisionCode)
        .query(JdbcUserDirectory::map)
        .list();
  }

  @Override
  public List<Contact> inDepartment(String departmentCode) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM app_user WHERE enabled AND role = 'DEPARTMENT_STAFF'"
                + " AND department_code = :department ORDER BY id")
        .param("department", departmentCode)
        .query(JdbcUserDirectory::map)
        .list();
  }

  @Override
  public Optional<Contact> find(long userId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND id = :id")
        .param("id", userId)
        .query(JdbcUserDirectory::map)
        .optional();
  }

  @Override
  public Optional<Contact> findByUsername(String username) {
    if (username == null || username.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND username = :username")
        .param("username", username.strip())
        .query(JdbcUserDirectory::map)
        .optional();
  }

  private static Contact map(ResultSet rs, int n) throws SQLException {
    return new Contact(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("territory_code"),
        rs.getString("department_code"),
        rs.getString("email"),
        rs.getString("language"));
  }
}
