package cn.anwang.notification.outbox;

import cn.anwang.shared.metrics.MetricSnapshots;
import cn.anwang.shared.metrics.Series;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog, from one grouped read of {@code notification_outbox} per snapshot: {@code
 * anwang.outbox.messages} (channel, state: {@code PENDING} not yet sent, of which {@code RETRYING}
 * after a failed attempt, {@code FAILED} given up after the last attempt) and {@code
 * anwang.outbox.due.age} (channel): how long the oldest row due for delivery has been waiting.
 */
@Component
class OutboxMetrics implements MeterBinder {

  static final String MESSAGES = "anwang.outbox.messages";
  static final String DUE_AGE = "anwang.outbox.due.age";
  static final List<String> CHANNELS = List.of("EMAIL", "WEBHOOK");
  static final List<String> STATES = List.of("PENDING", "RETRYING", "FAILED");

  private final JdbcClient jdbc;
  private final MetricSnapshots snapshots;

  OutboxMetrics(JdbcClient jdbc, MetricSnapshots snapshots) {
    this.jdbc = jdbc;
    this.snapshots = snapshots;
  }

  static Series messages(String channel, String state) {
    return Series.of(MESSAGES, "channel", channel, "state", state);
  }

  static Series dueAge(String channel) {
    return Series.of(DUE_AGE, "channel", channel);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    List<Series> all = new ArrayList<>();
    for (String channel : CHANNELS) {
      STATES.forEach(state -> all.add(messages(channel, state)));
      all.add(dueAge(channel));
    }
    snapshots
        .gauges(registry, "outbox", this::read)
        .describe(
            MESSAGES, "E-mails and webhook deliveries in the outbox, by channel and state", null)
        .describe(DUE_AGE, "How long the oldest outbox row due for delivery has waited", "seconds")
        .register(all);
  }

  private Map<Series, Double> read() {
    Map<Series, Double> values = new HashMap<>();
    jdbc.sql(
            """
            SELECT channel,
                   count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL),
                   count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL AND attempts > 0),
                   count(*) FILTER (WHERE failed_at IS NOT NULL),
                   coalesce(extract(epoch FROM now() - min(next_attempt_at)
                            FILTER (WHERE sent_at IS NULL AND failed_at IS NULL
                                      AND next_attempt_at <= now())), 0)
              FROM notification_outbox
             GROUP BY channel
            """)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String channel = rs.getString(1);
                  values.put(messages(channel, "PENDING"), rs.getDouble(2));
                  values.put(messages(channel, "RETRYING"), rs.getDouble(3));
                  values.put(messages(channel, "FAILED"), rs.getDouble(4));
                  values.put(dueAge(channel), rs.getDouble(5));
                });
    return values;
  }
}
