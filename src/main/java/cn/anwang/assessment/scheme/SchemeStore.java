package cn.anwang.assessment.scheme;

import cn.anwang.assessment.scheme.Scheme.AssessedLevel;
import cn.anwang.assessment.scheme.Scheme.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The schemes' table; the items are one JSON array per scheme. */
@Repository
class SchemeStore {

  private static final TypeReference<List<SchemeItem>> ITEMS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  SchemeStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(
      String name, int year, AssessedLevel level, String owner, List<SchemeItem> items, String by) {
    return jdbc.sql(
            """
            INSERT INTO assessment_scheme (name, year, level, owner_code, items, created_by)
            VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id
            """)
        .params(name, year, level.name(), owner, json.writeValueAsString(items), by)
        .query(Long.class)
        .single();
  }

  void update(long id, String name, List<SchemeItem> items) {
    jdbc.sql(
            "UPDATE assessment_scheme SET name = ?, items = ?::jsonb, updated_at = now() WHERE id = ?")
        .params(name, json.writeValueAsString(items), id)
        .update();
  }

  void publish(long id, String by) {
    jdbc.sql(
            """
            UPDATE assessment_scheme SET status = 'PUBLISHED', published_by = ?,
                   published_at = now(), updated_at = now() WHERE id = ?
            """)
        .params(by, id)
        .update();
  }

  /** The scheme, locked for update when {@code lock}. */
  Optional<Scheme> find(long id, boolean lock) {
    return jdbc.sql("SELECT * FROM assessment_scheme WHERE id = ?" + (lock ? " FOR UPDATE" : ""))
        .param(id)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Schemes owned inside a territory, or owned by one of the given codes (newest first). */
  List<Scheme> list(String territoryPrefix, List<String> owners, Integer year) {
    return jdbc.sql(
            """
            SELECT * FROM assessment_scheme
             WHERE (owner_code LIKE ? OR owner_code = ANY (?))
               AND (CAST(? AS integer) IS NULL OR year = ?)
             ORDER BY year DESC, id DESC
            """)
        .params(territoryPrefix + "%", owners.toArray(String[]::new), year, year)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** The published schemes of a year, level and owner, oldest first. */
  List<Scheme> published(int year, AssessedLevel level, String owner) {
    return jdbc.sql(
            """
            SELECT * FROM assessment_scheme
             WHERE status = 'PUBLISHED' AND year = ? AND level = ? AND owner_code = ?
             ORDER BY id
            """)
        .params(year, level.name(), owner)
        .query((rs, n) -> map(rs))
        .list();
  }

  private Scheme map(ResultSet rs) throws SQLException {
    return new Scheme(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getInt("year"),
        AssessedLevel.valueOf(rs.getString("level")),
        rs.getString("owner_code"),
        Status.valueOf(rs.getString("status")),
        json.readValue(rs.getString("items"), ITEMS),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("published_by"),
        instant(rs.getTimestamp("published_at")));
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
