package cn.anwang.publicreport.reward;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved rewards not claimed by their deadline expire, each once, with a public event the
 * reporter reads; a repeated scan finds nothing more to do.
 */
@Component
class RewardExpiry {

  private final JdbcClient jdbc;
  private final RewardQueries queries;
  private final RewardEvents events;

  RewardExpiry(JdbcClient jdbc, RewardQueries queries, RewardEvents events) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.events = events;
  }

  /** Expires what is due at {@code now}; the number expired. */
  @Transactional
  int expire(Instant now) {
    List<Long> ids =
        jdbc.sql(
                """
                UPDATE public_reward SET status = 'EXPIRED', version = version + 1
                 WHERE status = 'APPROVED' AND claim_deadline <= ? RETURNING id
                """)
            .param(Timestamp.from(now))
            .query(Long.class)
            .list();
    for (long id : ids) {
      events.publish(queries.byId(id), "REWARD_EXPIRED", null, "reward", now);
    }
    return ids.size();
  }
}
