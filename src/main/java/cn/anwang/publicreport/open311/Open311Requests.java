package cn.anwang.publicreport.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads public reports as Open311 service requests. Never the reporter's contact; the description
 * only once staff verified the report (nothing from the public is shown unmoderated); a merged
 * report answers with its primary's status.
 */
@Component
class Open311Requests {

  static final DateTimeFormatter ISO =
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));
  static final int MAX = 1000;

  private static final String SELECT =
      """
      SELECT r.tracking_code, coalesce(p.status, r.status) AS status, r.category,
             r.description, coalesce(p.public_note, r.public_note) AS note,
             coalesce(p.reject_reason, r.reject_reason) AS reason, r.submitted_at,
             greatest(r.updated_at, coalesce(p.updated_at, r.updated_at)) AS updated_at,
             r.address, r.lon, r.lat
        FROM public_report r LEFT JOIN public_report p ON p.id = r.merged_into
      """;

  private final JdbcClient jdbc;

  Open311Requests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Map<String, Object>> byCodes(List<String> codes, Open311Services services) {
    return jdbc.sql(SELECT + " WHERE r.tracking_code IN (:codes) ORDER BY r.id DESC")
        .param("codes", codes)
        .query((rs, n) -> row(rs, services))
        .list();
  }

  List<Map<String, Object>> search(
      String category, Instant from, Instant to, String status, Open311Services services) {
    String statuses =
        status == null
            ? ""
            : "open".equals(status)
                ? " AND coalesce(p.status, r.status) IN ('RECEIVED', 'VERIFIED', 'IN_HANDLING')"
                : " AND coalesce(p.status, r.status) IN ('CLOSED', 'REJECTED')";
    return jdbc.sql(
            SELECT
                + " WHERE r.submitted_at >= :from AND r.submitted_at < :to"
                + (category == null ? "" : " AND r.category = :category")
                + statuses
                + " ORDER BY r.submitted_at DESC LIMIT "
                + MAX)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("category", category)
        .query((rs, n) -> row(rs, services))
        .list();
  }

  static String open311Status(String status) {
    return switch (status) {
      case "CLOSED", "REJECTED" -> "closed";
      default -> "open";
    };
  }

  private static Map<String, Object> row(ResultSet rs, Open311Services services)
      throws SQLException {
    String status = rs.getString("status");
    boolean moderated = !"RECEIVED".equals(status) && !"REJECTED".equals(status);
    String notes = rs.getString("reason") != null ? rs.getString("reason") : rs.getString("note");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", rs.getString("tracking_code"));
    m.put("status", open311Status(status));
    m.put("status_notes", notes);
    m.put("service_name", services.name(rs.getString("category")));
    m.put("service_code", rs.getString("category"));
    m.put("description", moderated ? rs.getString("description") : null);
    m.put("agency_responsible", services.agency());
    m.put("service_notice", null);
    m.put("requested_datetime", ISO.format(rs.getTimestamp("submitted_at").toInstant()));
    m.put("updated_datetime", ISO.format(rs.getTimestamp("updated_at").toInstant()));
    m.put("expected_datetime", null);
    m.put("address", rs.getString("address"));
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", rs.getDouble("lat"));
    m.put("long", rs.getDouble("lon"));
    m.put("media_url", null);
    return m;
  }
}
