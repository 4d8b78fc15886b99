package cn.anwang.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Webhook endpoints over the API and deliveries to a real HTTP server in the test: signed, retried
 * after a 500 with the same idempotency key until a 2xx, then never again; failed after the last
 * attempt and visible as such.
 */
@IntegrationTest
class WebhookDeliveryTest {

  static final String SECRET = "s3cret-for-webhook-tests-0123";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext context;

  private static RequestPostProcessor admin() {
    return httpBasic("admin", "admin-test-password");
  }

  private static RequestPostProcessor demo(String user) {
    return httpBasic(user, "anwang-demo-2026");
  }

  private JsonNode createEndpoint(String url, List<String> kinds) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/webhooks")
                    .with(admin())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of("url", url, "secret", SECRET, "eventKinds", kinds))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body);
  }

  private long caseReportedInHeping() throws Exception {
    long object =
        jdbc.sql(
                """
                SELECT o.id FROM supervised_object o
                 WHERE o.street_code = '120101001' AND o.status = 'OPERATING'
                   AND NOT o.direct_supervision
                 ORDER BY o.id LIMIT 1
                """)
            .query(Long.class)
            .single();
    String body =
        mvc.perform(
                post("/api/v1/cases")
                    .with(demo("heping.officer"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "type", "GENERAL_HAZARD",
                                "source", "OFFICER_INSPECTION",
                                "objectId", object,
                                "title", "消防通道堵塞",
                                "description", "webhook test"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  void onlyTheCityAdministratorConfiguresWebhooksAndTheSecretIsNeverShown() throws Exception {
    mvc.perform(get("/api/v1/webhooks").with(demo("heping.admin")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/webhooks")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"url\":\"ftp://x\",\"secret\":\"" + SECRET + "\",\"eventKinds\":[\"*\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("url"));
    mvc.perform(
            post("/api/v1/webhooks")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"url\":\"https://example.org/h\",\"secret\":\"short\",\"eventKinds\":[\"*\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("secret"));

    JsonNode created = createEndpoint("https://example.org/hook", List.of("case.reminder.*"));
    long id = created.get("id").asLong();
    try {
      assertThat(created.get("secret").asString()).isEqualTo("…0123");
      String listed =
          mvc.perform(get("/api/v1/webhooks").with(admin()))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(listed).contains("https://example.org/hook").doesNotContain(SECRET);
      mvc.perform(
              put("/api/v1/webhooks/" + id)
                  .with(admin())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"url\":\"https://example.org/hook2\",\"eventKinds\":[\"case.*\"],"
                          + "\"active\":false}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.url").value("https://example.org/hook2"))
          .andExpect(jsonPath("$.active").value(false))
          .andExpect(jsonPath("$.secret").value("…0123"));
      assertThat(
              jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .as("secret kept when not sent")
          .isEqualTo(SECRET);
      List<String> audited =
          jdbc.sql(
                  "SELECT action || ' ' || coalesce(after::text, '') FROM audit_event"
                      + " WHERE target_type = 'webhook' AND target_id = ? ORDER BY id")
              .param(Long.toString(id))
              .query(String.class)
              .list();
      assertThat(audited).hasSize(2);
      assertThat(audited.get(0)).startsWith("webhook.create");
      assertThat(audited.get(1)).startsWith("webhook.update");
      assertThat(String.join(" ", audited)).doesNotContain(SECRET);
    } finally {
      mvc.perform(delete("/api/v1/webhooks/" + id).with(admin())).andExpect(status().isNoContent());
    }
    mvc.perform(get("/api/v1/webhooks/" + id).with(admin())).andExpect(status().isNotFound());
  }

  @Test
  void aCaseTransitionIsDeliveredSignedRetriedAfterA500AndThenNeverAgain() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (WebhookHttpServer receiver =
        new WebhookHttpServer(() -> calls.incrementAndGet() == 1 ? 500 : 204)) {
      long endpoint =
          createEndpoint(receiver.url("/hook"), List.of("case.register")).get("id").asLong();
      try {
        long caseId = caseReportedInHeping();
        mvc.perform(
                post("/api/v1/cases/" + caseId + "/register")
                    .with(demo("heping.street"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}"))
            .andExpect(status().isOk());
        // enqueued with the transition, for this endpoint only (the report is not subscribed)
        List<Map<String, Object>> rows =
            jdbc.sql("SELECT * FROM notification_outbox WHERE endpoint_id = ?")
                .param(endpoint)
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);

        OutboxTestAccess.deliverDue(context);
        await("the first attempt", () -> receiver.received.size() >= 1);
        await(
            "the failure recorded",
            () ->
                jdbc.sql("SELECT last_error FROM notification_outbox WHERE endpoint_id = ?")
                    .param(endpoint)
                    .query(String.class)
                    .optional()
                    .filter(e -> e.contains("500"))
                    .isPresent());
        Map<String, Object> afterFailure =
            jdbc.sql(
                    "SELECT attempts, sent_at, next_attempt_at - now() > interval '20 seconds' AS"
                        + " later FROM notification_outbox WHERE endpoint_id = ?")
                .param(endpoint)
                .query()
                .singleRow();
        assertThat(afterFailure.get("attempts")).isEqualTo(1);
        assertThat(afterFailure.get("sent_at")).isNull();
        assertThat(afterFailure.get("later")).as("backed off").isEqualTo(true);
        assertThat(OutboxTestAccess.deliverDue(context)).as("nothing due yet").isZero();
        assertThat(receiver.received).hasSize(1);

        // the backoff elapses
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = now() WHERE endpoint_id = ?")
            .param(endpoint)
            .update();
        OutboxTestAccess.deliverDue(context);
        await("the retry", () -> receiver.received.size() >= 2);
        await(
            "the row sent",
            () ->
                jdbc.sql(
                        "SELECT sent_at IS NOT NULL FROM notification_outbox WHERE endpoint_id = ?")
                    .param(endpoint)
                    .query(Boolean.class)
                    .single());
        OutboxTestAccess.deliverDue(context);
        Thread.sleep(500);
        assertThat(receiver.received).as("delivered only until the 2xx").hasSize(2);

        WebhookHttpServer.Received first = receiver.received.get(0);
        WebhookHttpServer.Received second = receiver.received.get(1);
        assertThat(second.text()).isEqualTo(first.text());
        JsonNode payload = json.readTree(first.text());
        String eventId = payload.get("id").asString();
        assertThat(eventId).startsWith("case-event:");
        assertThat(first.header("X-Anwang-Delivery")).isEqualTo(eventId);
        assertThat(second.header("X-Anwang-Delivery")).isEqualTo(eventId);
        assertThat(payload.get("kind").asString()).isEqualTo("case.register");
        assertThat(payload.at("/case/id").asLong()).isEqualTo(caseId);
        assertThat(payload.at("/case/status").asString()).isEqualTo("REGISTERED");
        assertThat(payload.at("/case/district").asString()).isEqualTo("120101");
        assertThat(payload.at("/case/number").asString()).startsWith("120101-");
        assertThat(OffsetDateTime.parse(payload.get("occurredAt").asString())).isNotNull();
        for (WebhookHttpServer.Received r : receiver.received) {
          assertThat(r.header("X-Anwang-Signature"))
              .isEqualTo("sha256=" + OutboxDelivery.sign(SECRET, r.body()));
          assertThat(r.header("X-Anwang-Signature"))
              .isNotEqualTo("sha256=" + OutboxDelivery.sign("another-secret-entirely", r.body()));
        }
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("\"case\"");

        mvc.perform(get("/api/v1/webhooks/" + endpoint + "/deliveries").with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].eventId").value(eventId))
            .andExpect(jsonPath("$[0].state").value("SENT"))
            .andExpect(jsonPath("$[0].attempts").value(2));
      } finally {
        mvc.perform(delete("/api/v1/webhooks/" + endpoint).with(admin()))
            .andExpect(status().isNoContent());
      }
    }
  }

  @Test
  void aDeliveryThatNeverSucceedsIsMarkedFailedAfterTheLastAttempt() throws Exception {
    try (WebhookHttpServer receiver = new WebhookHttpServer(() -> 503)) {
      long endpoint = createEndpoint(receiver.url("/down"), List.of("test.*")).get("id").asLong();
      try {
        cn.anwang.notification.Webhooks webhooks =
            context.getBean(cn.anwang.notification.Webhooks.class);
        assertThat(
                webhooks.publish(
                    "test-event:" + endpoint,
                    "test.ping",
                    java.time.Instant.now(),
                    "case",
                    Map.of("id", 1)))
            .isEqualTo(1);
        assertThat(
                webhooks.publish(
                    "test-event:" + endpoint,
                    "test.ping",
                    java.time.Instant.now(),
                    "case",
                    Map.of("id", 1)))
            .as("the same event id once")
            .isZero();
        jdbc.sql("UPDATE notification_outbox SET max_attempts = 3 WHERE endpoint_id = ?")
            .param(endpoint)
            .update();
        for (int attempt = 1; attempt <= 3; attempt++) {
          OutboxTestAccess.deliverDue(context);
          int expected = attempt;
          await("attempt " + attempt, () -> receiver.received.size() >= expected);
          await(
              "attempt " + attempt + " recorded",
              () ->
                  jdbc.sql(
                              "SELECT count(*) FROM notification_outbox WHERE endpoint_id = ?"
                                  + " AND attempts = ? AND last_error IS NOT NULL"
                                  + " AND (next_attempt_at > now() OR failed_at IS NOT NULL)")
                          .params(endpoint, expected)
                          .query(Long.class)
                          .single()
                      == 1);
          jdbc.sql(
                  "UPDATE notification_outbox SET next_attempt_at = now()"
                      + " WHERE endpoint_id = ? AND failed_at IS NULL")
              .param(endpoint)
              .update();
        }
        OutboxTestAccess.deliverDue(context);
        Thread.sleep(300);
        assertThat(receiver.received).as("no attempt after the last").hasSize(3);
        mvc.perform(get("/api/v1/webhooks/" + endpoint + "/deliveries?state=FAILED").with(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].state").value("FAILED"))
            .andExpect(jsonPath("$[0].attempts").value(3))
            .andExpect(jsonPath("$[0].lastError").value("HTTP 503"));
      } finally {
        mvc.perform(delete("/api/v1/webhooks/" + endpoint).with(admin()))
            .andExpect(status().isNoContent());
      }
    }
  }
}
