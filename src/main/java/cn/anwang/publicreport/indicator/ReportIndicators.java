package cn.anwang.publicreport.indicator;

import cn.anwang.publicreport.PublicReportIndicators;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link PublicReportIndicators} in one grouping-sets query over the reports of the period. */
@Component
class ReportIndicators implements PublicReportIndicators {

  private final JdbcClient jdbc;

  ReportIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Row(String district, String street, Figures figures) {}

  @Override
  public Result compute(String division, Instant from, Instant to) {
    List<Row> rows =
        jdbc.sql(
                """
                SELECT r.district_code, r.street_code,
                       count(*) AS received,
                       count(*) FILTER (WHERE r.verified_at IS NOT NULL) AS verified,
                       count(*) FILTER (WHERE r.status = 'MERGED') AS merged,
                       count(*) FILTER (WHERE r.status = 'REJECTED') AS rejected,
                       count(*) FILTER (WHERE r.case_id IS NOT NULL OR p.case_id IS NOT NULL)
                         AS converted,
                       count(*) FILTER (WHERE r.status = 'CLOSED') AS closed,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY
                         extract(epoch FROM r.verified_at - r.submitted_at) / 3600.0)
                         AS to_verification,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN r.status = 'CLOSED'
                         THEN extract(epoch FROM r.closed_at - r.submitted_at) / 3600.0 END)
                         AS to_closure,
                       count(w.id) FILTER (WHERE w.status IN ('APPROVED', 'CLAIMED', 'PAID',
                         'EXPIRED')) AS rewards_approved,
                       count(w.id) FILTER (WHERE w.status = 'PAID') AS rewards_paid,
                       coalesce(sum(w.amount_yuan) FILTER (WHERE w.status = 'PAID'), 0)
                         AS reward_yuan_paid
                  FROM public_report r LEFT JOIN public_report p ON p.id = r.merged_into
                  LEFT JOIN public_reward w ON w.report_id = r.id
                 WHERE r.division_code LIKE :scope
                   AND r.submitted_at >= :from AND r.submitted_at < :to
                 GROUP BY GROUPING SETS ((), (r.district_code), (r.district_code, r.street_code))
                 ORDER BY r.district_code NULLS FIRST, r.street_code NULLS FIRST
                """)
            .param("scope", division + "%")
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .query(ReportIndicators::row)
            .list();
    Figures totals = new Figures(0, 0, 0, 0, 0, 0, null, null, 0, 0, 0);
    List<Group> byDistrict = new java.util.ArrayList<>();
    List<Group> byStreet = new java.util.ArrayList<>();
    for (Row r : rows) {
      if (r.district() == null) {
        totals = r.figures();
      } else if (r.street() == null) {
        byDistrict.add(new Group(r.district(), r.figures()));
      } else {
        byStreet.add(new Group(r.street(), r.figures()));
      }
    }
    return new Result(division, from, to, Instant.now(), totals, byStreet, byDistrict);
  }

  @Override
  public List<ReportRecord> records(
      String division, Instant from, Instant to, boolean closed, int limit) {
    String moment = closed ? "r.closed_at" : "r.verified_at";
    return jdbc.sql(
            "SELECT r.id, r.category, r.status, r.street_code, r.submitted_at,"
                + " extract(epoch FROM "
                + moment
                + " - r.submitted_at) / 3600.0 AS hours"
                + " FROM public_report r WHERE r.division_code LIKE :scope"
                + " AND r.submitted_at >= :from AND r.submitted_at < :to AND "
                + (closed ? "r.status = 'CLOSED'" : "r.verified_at IS NOT NULL")
                + " ORDER BY r.submitted_at DESC, r.id DESC LIMIT :limit")
        .param("scope", division + "%")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(
            (rs, n) ->
                new ReportRecord(
                    rs.getLong("id"),
                    rs.getString("category"),
                    rs.getString("status"),
                    rs.getString("street_code"),
                    rs.getTimestamp("submitted_at").toInstant(),
                    Math.round(rs.getDouble("hours") * 10) / 10.0))
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getString("district_code"),
        rs.getString("street_code"),
        new Figures(
            rs.getLong("received"),
            rs.getLong("verified"),
            rs.getLong("merged"),
            rs.getLong("rejected"),
            rs.getLong("converted"),
            rs.getLong("closed"),
            hours(rs, "to_verification"),
            hours(rs, "to_closure"),
            rs.getLong("rewards_approved"),
            rs.getLong("rewards_paid"),
            rs.getLong("reward_yuan_paid")));
  }

  private static Double hours(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(v * 10) / 10.0;
  }
}
