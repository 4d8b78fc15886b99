package cn.anwang.publicreport.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a reporter sees behind a tracking code: the status in plain words (a merged report shows the
 * status of the report it was merged into), the street's public note, the reason of a rejection,
 * and the public events. Never the reporter's identity.
 */
@Component
class Tracking {

  public record Event(Instant at, String kind, String status, String note) {}

  public record View(
      String code,
      String category,
      String status,
      boolean merged,
      Instant submittedAt,
      String address,
      String publicNote,
      String rejectReason,
      List<Event> events) {

    public String displayCode() {
      return TrackingCodes.display(code);
    }

    public boolean rewardNotice() {
      return events.stream().anyMatch(e -> "REWARD_NOTICE".equals(e.kind()));
    }
  }

  private final JdbcClient jdbc;

  Tracking(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<View> find(String typed) {
    String code = TrackingCodes.normalise(typed);
    if (code == null) {
      return Optional.empty();
    }
    record Row(
        long id,
        String category,
        String status,
        Long mergedInto,
        Instant submittedAt,
        String address,
        String note,
        String reason) {}
    Optional<Row> row =
        jdbc.sql(
                """
                SELECT r.id, r.category, coalesce(p.status, r.status) AS status, r.merged_into,
                       r.submitted_at, r.address, coalesce(p.public_note, r.public_note) AS note,
                       coalesce(p.reject_reason, r.reject_reason) AS reason
                  FROM public_report r LEFT JOIN public_report p ON p.id = r.merged_into
                 WHERE r.tracking_code = ?
                """)
            .param(code)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("category"),
                        rs.getString("status"),
                        (Long) rs.getObject("merged_into"),
                        rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("address"),
                        rs.getString("note"),
                        rs.getString("reason")))
            .optional();
    return row.map(
        r -> {
          List<Event> events =
              jdbc.sql(
                      """
                      SELECT at, kind, status, note FROM public_report_event
                       WHERE public AND report_id IN (?, ?) ORDER BY at, id
                      """)
                  .params(r.id(), r.mergedInto() == null ? r.id() : r.mergedInto())
                  .query(
                      (rs, n) ->
                          new Event(
                              rs.getTimestamp("at").toInstant(),
                              rs.getString("kind"),
                              rs.getString("status"),
                              rs.getString("note")))
                  .list();
          return new View(
              code,
              r.category(),
              r.status(),
              r.mergedInto() != null,
              r.submittedAt(),
              r.address(),
              r.note(),
              r.reason(),
              events);
        });
  }
}
