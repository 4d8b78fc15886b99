package cn.anwang.workforce.figures;

import cn.anwang.shared.db.UnitColumn;
import cn.anwang.workforce.TrainingFigures;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TrainingFigures} in one scan of the active officers, with the rule of {@code
 * officer.Qualifications} written set-wise: qualified when at least one pre-post course applies and
 * none of them lacks a certificate valid on the day.
 */
@Component
@Transactional(readOnly = true)
class TrainingFigureQueries implements TrainingFigures {

  private static final String APPLIES =
      "c.active AND c.pre_post AND (c.district_code IS NULL OR c.district_code = o.district_code)"
          + " AND c.required_for IN ('ALL', o.tier)";

  // set-wise: the applicable courses joined to the valid certificates and grouped, so each
  // officer's qualification is worked out once, by hash joins for a city and index look-ups for a
  // street, rather than by subqueries run per officer for every count that reads it
  private static final String OFFICERS =
      """
      WITH o AS (
        SELECT o.id, o.name, o.district_code, o.division_code, o.tier
          FROM officer o WHERE o.status = 'ACTIVE' AND o.division_code LIKE :prefix),
      held AS (
        SELECT o.id, count(t.id) > 0 AS held
          FROM o JOIN training_course c ON %1$s
          LEFT JOIN training_certificate t ON t.officer_id = o.id AND t.course_id = c.id
               AND t.revoked_at IS NULL AND t.issued_on <= :day AND t.expires_on > :day
         GROUP BY o.id, c.id),
      need AS (SELECT id, bool_and(held) AS qualified FROM held GROUP BY id),
      q AS (
        SELECT o.*, coalesce(n.qualified, false) AS qualified,
               EXISTS (SELECT 1 FROM officer_assignment a
                        WHERE a.officer_id = o.id AND a.ends_on IS NULL) AS on_post
          FROM o LEFT JOIN need n ON n.id = o.id)
      """
          .formatted(APPLIES);

  private final JdbcClient jdbc;

  TrainingFigureQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Counts> byUnit(String divisionPrefix, int unitLength, LocalDate day) {
    Map<String, Counts> result = new TreeMap<>();
    if (unitLength == 0) {
      return result;
    }
    jdbc.sql(
            OFFICERS
                + "SELECT "
                + UnitColumn.of("", unitLength)
                + ", count(*), count(*) FILTER (WHERE qualified), count(*) FILTER (WHERE on_post),"
                + " count(*) FILTER (WHERE on_post AND NOT qualified) FROM q GROUP BY 1")
        .param("prefix", divisionPrefix + "%")
        .param("day", Date.valueOf(day))
        .query(
            (RowCallbackHandler)
                rs ->
                    result.put(
                        rs.getString(1),
                        new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))));
    return result;
  }

  @Override
  public List<OfficerRecord> officers(
      String divisionPrefix, int unitLength, String unit, String which, LocalDate day, int limit) {
    String filter =
        switch (which) {
          case "qualified" -> " AND qualified";
          case "onPost" -> " AND on_post";
          case "onPostUnqualified" -> " AND on_post AND NOT qualified";
          default -> "";
        };
    return jdbc.sql(
            OFFICERS
                + "SELECT id, name, division_code, qualified, on_post FROM q WHERE "
                + UnitColumn.of("", Math.max(unitLength, 2))
                + " = :unit"
                + filter
                + " ORDER BY name, id LIMIT :limit")
        .param("prefix", divisionPrefix + "%")
        .param("day", Date.valueOf(day))
        .param("unit", unit)
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(
            (rs, n) ->
                new OfficerRecord(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getBoolean(5)))
        .list();
  }
}
