package cn.anwang.workforce.directory;

import cn.anwang.workforce.OfficerDirectory;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link OfficerDirectory} from the {@code officer} table. */
@Component
class TableOfficerDirectory implements OfficerDirectory {

  private final JdbcClient jdbc;

  TableOfficerDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<OfficerSummary> byUser(long userId) {
    return jdbc.sql(
            "SELECT id, name, division_code, tier, status, enforcement_power FROM officer"
                + " WHERE user_id = ?")
        .param(userId)
        .query(
            (rs, n) ->
                new OfficerSummary(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6)))
        .optional();
  }

  @Override
  public List<String> currentGridCodes(long officerId) {
    return jdbc.sql(
            "SELECT grid_code FROM officer_assignment WHERE officer_id = ? AND ends_on IS NULL"
                + " ORDER BY grid_code")
        .param(officerId)
        .query(String.class)
        .list();
  }
}
