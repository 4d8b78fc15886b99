package cn.anwang.notification;

import java.time.Instant;
import java.util.Map;

/**
 * Signed webhooks through the outbox: an event is enqueued in the caller's transaction for every
 * active endpoint that subscribes to its kind, and delivered afterwards (at least once, with
 * retries) as JSON signed with the endpoint's secret.
 */
public interface Webhooks {

  /**
   * Enqueues an event for the endpoints subscribed to its kind, once per endpoint and event id.
   *
   * @param eventId the event's idempotency key, sent as the payload's {@code id} and in the {@code
   *     X-Anwang-Delivery} header; the same on every retry
   * @param kind e.g. {@code case.dispatch}, {@code case.reminder.overdue}
   * @param subjectName the name of the payload's main part, e.g. {@code case}
   * @param subject the payload's main part: the case's id, number, status…
   * @return how many deliveries were enqueued
   */
  int publish(
      String eventId,
      String kind,
      Instant occurredAt,
      String subjectName,
      Map<String, Object> subject);
}
