package cn.anwang.notification.outbox;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints, for the city administrator only: create, list, change, delete, and the
 * deliveries of an endpoint with their state (pending, sent, failed). The secret is write-only.
 */
@RestController
@RequestMapping(path = "/api/v1/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookApiController {

  /** An endpoint as answered: the secret masked. */
  record EndpointView(
      long id,
      String url,
      String secret,
      List<String> eventKinds,
      boolean active,
      String createdBy,
      OffsetDateTime createdAt,
      int version) {

    static EndpointView of(WebhookEndpoints.Endpoint e) {
      return new EndpointView(
          e.id(),
          e.url(),
          e.maskedSecret(),
          e.eventKinds(),
          e.active(),
          e.createdBy(),
          e.createdAt(),
          e.version());
    }
  }

  /** One delivery of an event to the endpoint. */
  record Delivery(
      long id,
      String eventId,
      String state,
      int attempts,
      int maxAttempts,
      OffsetDateTime nextAttemptAt,
      OffsetDateTime sentAt,
      OffsetDateTime failedAt,
      String lastError,
      OffsetDateTime createdAt) {}

  private final WebhookEndpoints endpoints;
  private final CurrentActor currentActor;
  private final JdbcClient jdbc;

  WebhookApiController(WebhookEndpoints endpoints, CurrentActor currentActor, JdbcClient jdbc) {
    this.endpoints = endpoints;
    this.currentActor = currentActor;
    this.jdbc = jdbc;
  }

  private Actor cityAdmin() {
    Actor actor = currentActor.require();
    if (actor.role() != Role.CITY_ADMIN) {
      throw ApiProblems.forbidden("Only the city administrator configures webhooks");
    }
    return actor;
  }

  @Operation(summary = "All webhook endpoints (secrets masked)")
  @GetMapping
  List<EndpointView> list() {
    cityAdmin();
    return endpoints.all().stream().map(EndpointView::of).toList();
  }

  @Operation(summary = "One webhook endpoint (secret masked)")
  @GetMapping("/{id}")
  EndpointView get(@PathVariable long id) {
    cityAdmin();
    return endpoints
        .find(id)
        .map(EndpointView::of)
        .orElseThrow(() -> ApiProblems.notFound("Webhook", Long.toString(id)));
  }

  @Operation(
      summary = "Create a webhook endpoint",
      description =
          "url (http/https), secret (16–200 characters, write-only), eventKinds (kinds or"
              + " patterns: *, case.*, case.reminder.overdue…), active (default true)")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  EndpointView create(@RequestBody WebhookEndpoints.Command cmd) {
    Actor actor = cityAdmin();
    return EndpointView.of(endpoints.create(cmd, actor.username()));
  }

  @Operation(summary = "Change a webhook endpoint (secret optional: kept when absent)")
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  EndpointView update(@PathVariable long id, @RequestBody WebhookEndpoints.Command cmd) {
    cityAdmin();
    return EndpointView.of(endpoints.update(id, cmd));
  }

  @Operation(summary = "Delete a webhook endpoint (and its deliveries)")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    cityAdmin();
    endpoints.delete(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Deliveries to an endpoint, newest first",
      description = "state: PENDING, SENT or FAILED (after the last attempt)")
  @GetMapping("/{id}/deliveries")
  List<Delivery> deliveries(
      @PathVariable long id,
      @RequestParam(required = false) String state,
      @RequestParam(defaultValue = "50") int limit) {
    cityAdmin();
    endpoints.find(id).orElseThrow(() -> ApiProblems.notFound("Webhook", Long.toString(id)));
    return jdbc.sql(
            """
            SELECT * FROM (
              SELECT id, recipient, CASE WHEN sent_at IS NOT NULL THEN 'SENT'
                                         WHEN failed_at IS NOT NULL THEN 'FAILED'
                                         ELSE 'PENDING' END AS state,
                     attempts, max_attempts, next_attempt_at, sent_at, failed_at, last_error,
                     created_at
                FROM notification_outbox WHERE endpoint_id = :id) d
             WHERE CAST(:state AS text) IS NULL OR d.state = :state
             ORDER BY id DESC LIMIT :limit
            """)
        .param("id", id)
        .param("state", state == null ? null : state.toUpperCase(java.util.Locale.ROOT))
        .param("limit", Math.max(1, Math.min(limit, 500)))
        .query(
            (rs, n) ->
                new Delivery(
                    rs.getLong("id"),
                    rs.getString("recipient"),
                    rs.getString("state"),
                    rs.getInt("attempts"),
                    rs.getInt("max_attempts"),
                    rs.getObject("next_attempt_at", OffsetDateTime.class),
                    rs.getObject("sent_at", OffsetDateTime.class),
                    rs.getObject("failed_at", OffsetDateTime.class),
                    rs.getString("last_error"),
                    rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  @ExceptionHandler(WebhookEndpoints.Invalid.class)
  ResponseEntity<ProblemDetail> invalid(WebhookEndpoints.Invalid e) {
    ProblemDetail body =
        ApiProblems.problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Invalid webhook",
                e.field + ": " + e.getMessage())
            .getBody();
    body.setProperty("fields", List.of(Map.of("field", e.field, "message", e.getMessage())));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
  }
}
