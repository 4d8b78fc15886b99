package cn.anwang.notification.outbox;

import cn.anwang.notification.Webhooks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * {@link Webhooks} as rows of {@code notification_outbox}: one per subscribed endpoint, the body
 * fixed at enqueue time (so every retry sends the same bytes and the same signature).
 */
@Service
class OutboxWebhooks implements Webhooks {

  private final JdbcClient jdbc;
  private final WebhookEndpoints endpoints;
  private final ObjectMapper json;
  private final OutboxProperties properties;

  OutboxWebhooks(
      JdbcClient jdbc, WebhookEndpoints endpoints, ObjectMapper json, OutboxProperties properties) {
    this.jdbc = jdbc;
    this.endpoints = endpoints;
    this.json = json;
    this.properties = properties;
  }

  @Override
  @Transactional
  public int publish(
      String eventId,
      String kind,
      Instant occurredAt,
      String subjectName,
      Map<String, Object> subject) {
    int enqueued = 0;
    String body = null;
    for (WebhookEndpoints.Endpoint e : endpoints.activeFor(kind)) {
      if (body == null) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId);
        payload.put("kind", kind);
        payload.put("occurredAt", occurredAt.toString());
        payload.put(subjectName, subject);
        body = json.writeValueAsString(payload);
      }
      enqueued +=
          jdbc.sql(
                  """
                  INSERT INTO notification_outbox (channel, idempotency_key, endpoint_id, recipient,
                                                   payload, max_attempts)
                  VALUES ('WEBHOOK', ?, ?, ?, ?, ?)
                  ON CONFLICT ON CONSTRAINT notification_outbox_idempotency_key DO NOTHING
                  """)
              .params(
                  "webhook:" + e.id() + ":" + eventId,
                  e.id(),
                  eventId,
                  body,
                  properties.maxAttempts())
              .update();
    }
    return enqueued;
  }
}
