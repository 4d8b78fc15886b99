package cn.anwang.notification.outbox;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: takes due rows (skipping rows another server holds), leases them so that
 * nobody else takes them while they are sent, sends each and records the outcome — sent, or the
 * error and the next attempt after an exponential backoff, or failed after the last attempt. A
 * server that dies while sending leaves its rows leased; they are taken again when the lease ends,
 * so delivery is at least once (receivers deduplicate by the idempotency key).
 *
 * <p>E-mails are sent only by a server with SMTP configured ({@code spring.mail.host}); webhooks by
 * any.
 */
@Component
class OutboxDelivery {

  private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

  /** A row taken for delivery. */
  record Row(
      long id,
      String channel,
      String key,
      Long endpointId,
      String recipient,
      String subject,
      String payload,
      int attempts,
      int maxAttempts) {}

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mail;
  private final WebhookEndpoints endpoints;
  private final OutboxProperties properties;
  private final HttpClient http;

  OutboxDelivery(
      JdbcClient jdbc,
      ObjectProvider<JavaMailSender> mail,
      WebhookEndpoints endpoints,
      OutboxProperties properties) {
    this.jdbc = jdbc;
    this.mail = mail;
    this.endpoints = endpoints;
    this.properties = properties;
    this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).build();
  }

  /**
   * Delivers the rows due now, round after round until none is left; returns how many were sent.
   */
  int deliverDue() {
    int sent = 0;
    for (int round = 0; round < 100; round++) {
      List<Row> rows = take();
      if (rows.isEmpty()) {
        break;
      }
      for (Row row : rows) {
        if (deliver(row)) {
          sent++;
        }
      }
    }
    return sent;
  }

  /** Takes up to a batch of due rows and leases them (one short transaction). */
  List<Row> take() {
    List<String> channels = new ArrayList<>(List.of("WEBHOOK"));
    if (mail.getIfAvailable() != null) {
      channels.add("EMAIL");
    }
    return jdbc.sql(
            """
            UPDATE notification_outbox o
               SET attempts = o.attempts + 1,
                   next_attempt_at = now() + make_interval(secs => :lease)
             WHERE o.id IN (SELECT id FROM notification_outbox
                             WHERE sent_at IS NULL AND failed_at IS NULL
                               AND next_attempt_at <= now() AND channel = ANY(:channels)
                             ORDER BY next_attempt_at, id
                             LIMIT :batch
                             FOR UPDATE SKIP LOCKED)
            RETURNING o.id, o.channel, o.idempotency_key, o.endpoint_id, o.recipient, o.subject,
                      o.payload, o.attempts, o.max_attempts
            """)
        .param("lease", properties.lease().toSeconds())
        .param("channels", channels.toArray(String[]::new))
        .param("batch", properties.batch())
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    (Long) rs.getObject(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8),
                    rs.getInt(9)))
        .list();
  }

  /** Sends one taken row and records the outcome; returns whether it was delivered. */
  boolean deliver(Row row) {
    String error;
    try {
      error = "EMAIL".equals(row.channel()) ? sendEmail(row) : sendWebhook(row);
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    if (error == null) {
      jdbc.sql("UPDATE notification_outbox SET sent_at = now(), last_error = NULL WHERE id = ?")
          .param(row.id())
          .update();
      return true;
    }
    String message = error.length() > 1000 ? error.substring(0, 1000) : error;
    if (row.attempts() >= row.maxAttempts()) {
      log.warn("Outbox row {} ({}) failed for good: {}", row.id(), row.key(), message);
      jdbc.sql("UPDATE notification_outbox SET failed_at = now(), last_error = ? WHERE id = ?")
          .params(message, row.id())
          .update();
    } else {
      jdbc.sql(
              """
              UPDATE notification_outbox
                 SET last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
               WHERE id = ?
              """)
          .params(
              message, (double) properties.backoffAfter(row.attempts()).toMillis() / 1000, row.id())
          .update();
    }
    return false;
  }

  private String sendEmail(Row row) throws Exception {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return "no SMTP server configured";
    }
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.mailFrom());
    helper.setTo(row.recipient());
    helper.setSubject(row.subject());
    helper.setText(row.payload(), false);
    message.setHeader("X-Anwang-Delivery", row.key());
    sender.send(message);
    return null;
  }

  private String sendWebhook(Row row) throws Exception {
    WebhookEndpoints.Endpoint endpoint = endpoints.find(row.endpointId()).orElse(null);
    if (endpoint == null || !endpoint.active()) {
      return "endpoint removed or inactive";
    }
    byte[] body = row.payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint.url()))
            .timeout(properties.webhookTimeout())
            .header("Content-Type", "application/json")
            .header("X-Anwang-Delivery", row.recipient())
            .header("X-Anwang-Signature", "sha256=" + sign(endpoint.secret(), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    int status = response.statusCode();
    return status >= 200 && status < 300 ? null : "HTTP " + status;
  }

  /** HMAC-SHA256 of the body with the secret, lower-case hex. */
  static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
