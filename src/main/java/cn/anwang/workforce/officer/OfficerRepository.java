package cn.anwang.workforce.officer;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads officers (unscoped: callers check the scope). */
@Repository
public class OfficerRepository {

  static final String COLUMNS =
      "id, district_code, division_code, name, phone, id_number_tail, tier, employment,"
          + " enforcement_power, status, user_id, version";

  static final RowMapper<Officer> ROW =
      (rs, n) ->
          new Officer(
              rs.getLong("id"),
              rs.getString("district_code"),
              rs.getString("division_code"),
              rs.getString("name"),
              rs.getString("phone"),
              rs.getString("id_number_tail"),
              Tier.valueOf(rs.getString("tier")),
              Employment.valueOf(rs.getString("employment")),
              rs.getBoolean("enforcement_power"),
              OfficerStatus.valueOf(rs.getString("status")),
              (Long) rs.getObject("user_id"),
              rs.getInt("version"));

  private final JdbcClient jdbc;

  OfficerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Officer> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM officer WHERE id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  /** The officer, row-locked until the transaction ends (assignment changes serialise on it). */
  public Optional<Officer> lock(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM officer WHERE id = ? FOR UPDATE")
        .param(id)
        .query(ROW)
        .optional();
  }

  /** Marks a candidate active (first grid taken); no-op for any other status. */
  void activateCandidate(long id) {
    jdbc.sql(
            "UPDATE officer SET status = 'ACTIVE', updated_at = now(), version = version + 1"
                + " WHERE id = ? AND status = 'CANDIDATE'")
        .param(id)
        .update();
  }
}
