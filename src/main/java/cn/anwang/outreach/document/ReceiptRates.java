package cn.anwang.outreach.document;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.Grids;
import cn.anwang.identity.Actor;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.outreach.web.OutreachStaff;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipt rates: of the deliveries inside the reader's territory, grouped by grid, street or
 * district, how many were received (on or before the deadline, or after it), how many are overdue
 * (not received and past the deadline). Over one document or every document published in a year.
 */
@Service
@Transactional(readOnly = true)
class ReceiptRates {

  static final Map<String, String> LEVELS =
      Map.of("grid", "v.grid_code", "street", "v.street_code", "district", "v.district_code");

  /**
   * @param code the grid, street or district code (null: objects outside any grid or street)
   * @param received received at all
   * @param receivedLate received after the deadline day
   * @param overdue not received and past the deadline
   * @param rate received / total, in per cent
   */
  record Row(
      String code,
      String name,
      int total,
      int received,
      int receivedLate,
      int overdue,
      double rate) {}

  private final JdbcClient jdbc;
  private final DocumentQueries queries;
  private final Divisions divisions;
  private final Grids grids;

  ReceiptRates(JdbcClient jdbc, DocumentQueries queries, Divisions divisions, Grids grids) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.divisions = divisions;
    this.grids = grids;
  }

  /**
   * @param by grid, street or district
   * @param documentId one document, or null for all published in {@code year}
   */
  List<Row> rates(String by, Long documentId, Integer year) {
    Actor actor = queries.reader();
    String column = LEVELS.get(by == null ? "street" : by);
    if (column == null) {
      throw new OutreachRejected("by", "outreach.rule.unknownValue", by);
    }
    if (documentId != null) {
      queries.get(documentId);
    }
    return jdbc.sql(
            "SELECT "
                + column
                + """
                   AS code, count(*) AS total,
                       count(*) FILTER (WHERE v.status = 'RECEIVED') AS received,
                       count(*) FILTER (WHERE v.status = 'RECEIVED' AND
                           (v.received_at AT TIME ZONE 'Asia/Shanghai')::date > d.receipt_deadline)
                           AS late,
                       count(*) FILTER (WHERE v.status <> 'RECEIVED' AND d.receipt_deadline < :today)
                           AS overdue
                  FROM outreach_delivery v JOIN outreach_document d ON d.id = v.document_id
                 WHERE v.division_code LIKE :scope
                   AND (CAST(:doc AS bigint) IS NULL OR v.document_id = :doc)
                   AND (CAST(:doc AS bigint) IS NOT NULL OR CAST(:year AS integer) IS NULL
                        OR extract(year FROM d.published_at AT TIME ZONE 'Asia/Shanghai') = :year)
                 GROUP BY 1 ORDER BY 1 NULLS LAST
                """)
        .param("today", queries.today())
        .param("scope", actor.scope().likePattern())
        .param("doc", documentId)
        .param("year", year)
        .query(
            (rs, n) -> {
              String code = rs.getString("code");
              int total = rs.getInt("total");
              int received = rs.getInt("received");
              return new Row(
                  code,
                  name(by, code),
                  total,
                  received,
                  rs.getInt("late"),
                  rs.getInt("overdue"),
                  OutreachStaff.percent(received, total));
            })
        .list();
  }

  private String name(String by, String code) {
    if (code == null) {
      return null;
    }
    if ("grid".equals(by)) {
      return grids.find(code).map(Grids.GridRef::name).orElse(code);
    }
    return divisions.find(code).map(Division::name).orElse(code);
  }
}
