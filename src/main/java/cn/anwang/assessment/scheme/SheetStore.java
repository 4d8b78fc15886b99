package cn.anwang.assessment.scheme;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** The sheets and their history. */
@Repository
class SheetStore {

  /** A stored sheet. */
  record Stored(
      long id, String status, SheetScore score, String signedBy, Instant signedAt, boolean fresh) {

    boolean locked() {
      return "LOCKED".equals(status);
    }
  }

  /** One line of a sheet's history. */
  public record Event(
      String kind, String username, String name, Instant at, String comment, SheetScore score) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  SheetStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The sheet locked for update, made with {@code score} when it did not exist yet. */
  Stored lock(long scheme, String unit, SheetScore score) {
    int made =
        jdbc.sql(
                """
                INSERT INTO assessment_sheet (scheme_id, unit_code, score) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (scheme_id, unit_code) DO NOTHING
                """)
            .params(scheme, unit, json.writeValueAsString(score))
            .update();
    return jdbc.sql(
            "SELECT * FROM assessment_sheet WHERE scheme_id = ? AND unit_code = ? FOR UPDATE")
        .params(scheme, unit)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getLong("id"),
                    rs.getString("status"),
                    json.readValue(rs.getString("score"), SheetScore.class),
                    rs.getString("signed_by"),
                    instant(rs.getTimestamp("signed_at")),
                    made == 1))
        .single();
  }

  /** The stored sheet as it is, without making or locking it (a read that writes nothing). */
  java.util.Optional<Stored> find(long scheme, String unit) {
    return jdbc.sql("SELECT * FROM assessment_sheet WHERE scheme_id = ? AND unit_code = ?")
        .params(scheme, unit)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getLong("id"),
                    rs.getString("status"),
                    json.readValue(rs.getString("score"), SheetScore.class),
                    rs.getString("signed_by"),
                    instant(rs.getTimestamp("signed_at")),
                    false))
        .optional();
  }

  /** Whether two scores are the same once stored. */
  boolean same(SheetScore a, SheetScore b) {
    return json.writeValueAsString(a).equals(json.writeValueAsString(b));
  }

  void rescore(long sheet, SheetScore score) {
    jdbc.sql("UPDATE assessment_sheet SET score = ?::jsonb WHERE id = ?")
        .params(json.writeValueAsString(score), sheet)
        .update();
  }

  void sign(long sheet, SheetScore score, String by) {
    jdbc.sql(
            """
            UPDATE assessment_sheet SET status = 'LOCKED', score = ?::jsonb, signed_by = ?,
                   signed_at = now() WHERE id = ?
            """)
        .params(json.writeValueAsString(score), by, sheet)
        .update();
  }

  void event(
      long sheet, String kind, String username, String name, String comment, SheetScore score) {
    jdbc.sql(
            """
            INSERT INTO assessment_sheet_event (sheet_id, kind, actor_username, actor_name, comment,
                score) VALUES (?, ?, ?, ?, ?, ?::jsonb)
            """)
        .params(
            sheet,
            kind,
            username,
            name,
            comment,
            score == null ? null : json.writeValueAsString(score))
        .update();
  }

  List<Event> events(long sheet) {
    return jdbc.sql("SELECT * FROM assessment_sheet_event WHERE sheet_id = ? ORDER BY id")
        .param(sheet)
        .query(
            (rs, n) -> {
              String score = rs.getString("score");
              return new Event(
                  rs.getString("kind"),
                  rs.getString("actor_username"),
                  rs.getString("actor_name"),
                  rs.getTimestamp("at").toInstant(),
                  rs.getString("comment"),
                  score == null ? null : json.readValue(score, SheetScore.class));
            })
        .list();
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
