package cn.anwang.shared.metrics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows MetricsScrapeTest inserts (cases, outbox rows, a scheduled execution), and their removal.
 */
final class MetricsFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String PREFIX = "metrics-test:";

  private final List<String> outboxKeys = new ArrayList<>();
  private final List<String> taskInstances = new ArrayList<>();

  /** A case of 劝业场街道 (120101001), not dispatched to anyone; no clock when start is null. */
  long insertCase(JdbcClient jdbc, String status, Instant start, Instant due) {
    return insertCase(jdbc, status, null, null, start, due);
  }

  long insertCase(
      JdbcClient jdbc,
      String status,
      String handlerType,
      String handlerCode,
      Instant start,
      Instant due) {
    String number = "120101-M" + ProcessHandle.current().pid() % 1000 + "-" + SEQ.incrementAndGet();
    return jdbc.sql(
            """
            INSERT INTO safety_case (number, district_code, street_code, division_code, type, source,
                                     title, description, status, handler_type, handler_code, stage,
                                     stage_started_at, stage_due_at, due_at, reported_at,
                                     reporter_name)
            VALUES (?, '120101', '120101001', '120101001', 'GENERAL_HAZARD', 'OFFICER_INSPECTION',
                    '配电箱无防护', 'metrics test', ?, ?, ?, ?, ?, ?, ?, now(), '测试')
            RETURNING id
            """)
        .params(
            number,
            status,
            handlerType,
            handlerCode,
            start == null ? null : "RECTIFY",
            start == null ? null : Timestamp.from(start),
            due == null ? null : Timestamp.from(due),
            due == null ? null : Timestamp.from(due))
        .query(Long.class)
        .single();
  }

  /** An e-mail to the city administrator, next attempted {@code in} from now. */
  void insertEmail(JdbcClient jdbc, int attempts, Duration in, boolean failed) {
    String key = PREFIX + SEQ.incrementAndGet();
    outboxKeys.add(key);
    jdbc.sql(
            """
            INSERT INTO notification_outbox (channel, idempotency_key, user_id, recipient, subject,
                                             payload, attempts, max_attempts, next_attempt_at,
                                             failed_at)
            SELECT 'EMAIL', ?, id, 'admin@anwang.test', 'metrics test', 'metrics test', ?, 8,
                   now() + ?::interval, CASE WHEN ? THEN now() END
              FROM app_user WHERE username = 'admin'
            """)
        .params(key, attempts, in.toSeconds() + " seconds", failed)
        .update();
  }

  /** An execution of a task no server has, due {@code ago}: it stays unpicked. */
  void insertUnknownTaskExecution(JdbcClient jdbc, Duration ago) {
    String instance = PREFIX + SEQ.incrementAndGet();
    taskInstances.add(instance);
    jdbc.sql(
            """
            INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
            VALUES ('metrics-test-unknown-task', ?, now() - ?::interval, false, 1)
            """)
        .params(instance, ago.toSeconds() + " seconds")
        .update();
  }

  void remove(JdbcClient jdbc, List<Long> cases) {
    if (!cases.isEmpty()) {
      Long[] ids = cases.toArray(Long[]::new);
      jdbc.sql("DELETE FROM case_reminder WHERE case_id = ANY(?)").param(ids).update();
      jdbc.sql("DELETE FROM safety_case WHERE id = ANY(?)").param(ids).update();
      cases.clear();
    }
    if (!outboxKeys.isEmpty()) {
      jdbc.sql("DELETE FROM notification_outbox WHERE idempotency_key = ANY(?)")
          .param(outboxKeys.toArray(String[]::new))
          .update();
      outboxKeys.clear();
    }
    if (!taskInstances.isEmpty()) {
      jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance = ANY(?)")
          .param(taskInstances.toArray(String[]::new))
          .update();
      taskInstances.clear();
    }
  }
}
