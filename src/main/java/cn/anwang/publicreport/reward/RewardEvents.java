package cn.anwang.publicreport.reward;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reporter reads of a reward on the tracking page: a public event on the rewarded report
 * itself (never on the primary a duplicate was merged into, so nobody else sees it).
 */
@Component
class RewardEvents {

  private final JdbcClient jdbc;

  RewardEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void publish(RewardQueries.Reward r, String kind, String note, String actor, Instant at) {
    jdbc.sql(
            "INSERT INTO public_report_event (report_id, district_code, at, kind, note, actor)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(r.reportId(), r.districtCode(), Timestamp.from(at), kind, note, actor)
        .update();
  }
}
