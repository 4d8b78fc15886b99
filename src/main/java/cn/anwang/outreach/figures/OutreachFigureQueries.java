package cn.anwang.outreach.figures;

import cn.anwang.outreach.OutreachFigures;
import cn.anwang.shared.db.UnitColumn;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link OutreachFigures} from grouped scans of the deliveries and of the objects reached. */
@Component
@Transactional(readOnly = true)
class OutreachFigureQueries implements OutreachFigures {

  private static final String DUE =
      " FROM outreach_delivery v JOIN outreach_document d ON d.id = v.document_id"
          + " WHERE v.division_code LIKE :prefix"
          + " AND d.receipt_deadline BETWEEN :first AND :last";

  private final JdbcClient jdbc;

  OutreachFigureQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Receipts> receipts(
      String divisionPrefix, int unitLength, LocalDate first, LocalDate last) {
    Map<String, Receipts> result = new TreeMap<>();
    jdbc.sql(
            "SELECT "
                + UnitColumn.of("v", unitLength)
                + ", count(*), count(*) FILTER (WHERE v.status = 'RECEIVED')"
                + DUE
                + " GROUP BY 1")
        .param("prefix", divisionPrefix + "%")
        .param("first", Date.valueOf(first))
        .param("last", Date.valueOf(last))
        .query(
            (RowCallbackHandler)
                rs -> result.put(rs.getString(1), new Receipts(rs.getLong(2), rs.getLong(3))));
    return result;
  }

  @Override
  public Map<String, Long> reachedObjects(
      String divisionPrefix, int unitLength, Instant from, Instant to) {
    Map<String, Long> result = new TreeMap<>();
    jdbc.sql(
            "SELECT "
                + UnitColumn.of("o", unitLength)
                + ", count(DISTINCT o.object_id) FROM publicity_object o"
                + " WHERE o.division_code LIKE :prefix"
                + " AND o.reached_at >= :from AND o.reached_at < :to GROUP BY 1")
        .param("prefix", divisionPrefix + "%")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query((RowCallbackHandler) rs -> result.put(rs.getString(1), rs.getLong(2)));
    return result;
  }

  @Override
  public List<DeliveryRecord> deliveries(
      String divisionPrefix,
      int unitLength,
      String unit,
      boolean receivedOnly,
      LocalDate first,
      LocalDate last,
      int limit) {
    return jdbc.sql(
            "SELECT v.id, v.document_id, d.title, v.object_id, v.status, v.division_code,"
                + " v.grid_code, d.receipt_deadline, v.received_at"
                + DUE
                + " AND "
                + UnitColumn.of("v", unitLength)
                + " = :unit"
                + (receivedOnly ? " AND v.status = 'RECEIVED'" : "")
                + " ORDER BY d.receipt_deadline DESC, v.id DESC LIMIT :limit")
        .param("prefix", divisionPrefix + "%")
        .param("first", Date.valueOf(first))
        .param("last", Date.valueOf(last))
        .param("unit", unit)
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(
            (rs, n) -> {
              Timestamp received = rs.getTimestamp(9);
              return new DeliveryRecord(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getDate(8).toLocalDate(),
                  received == null ? null : received.toInstant());
            })
        .list();
  }

  @Override
  public List<ReachedRecord> reached(
      String divisionPrefix, int unitLength, String unit, Instant from, Instant to, int limit) {
    return jdbc.sql(
            "SELECT DISTINCT ON (o.object_id) o.object_id, o.activity_id, a.type,"
                + " o.division_code, o.grid_code, o.reached_at"
                + " FROM publicity_object o JOIN publicity_activity a ON a.id = o.activity_id"
                + " WHERE o.division_code LIKE :prefix"
                + " AND o.reached_at >= :from AND o.reached_at < :to AND "
                + UnitColumn.of("o", unitLength)
                + " = :unit ORDER BY o.object_id, o.reached_at DESC LIMIT :limit")
        .param("prefix", divisionPrefix + "%")
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("unit", unit)
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(
            (rs, n) ->
                new ReachedRecord(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }
}
