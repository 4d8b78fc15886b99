package cn.anwang.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.ObjectMapper;

/**
 * A phone's way of writing through the proxy: each hazard report ({@code POST /api/v1/cases}) has
 * its own {@code Idempotency-Key}, and a connection error, a timeout or a 502/503/504 is retried
 * with the same key until it is acknowledged (201, or 200 for a case an earlier attempt made).
 */
final class IdempotentWrites {

  /** An acknowledged write: the case the server answered with, and who answered. */
  record Ack(String key, long caseId, int status, String node, int attempts) {}

  private static final List<Integer> RETRIED = List.of(502, 503, 504);

  final AtomicInteger retries = new AtomicInteger();
  final ConcurrentLinkedQueue<String> retryReasons = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();

  private final String base;
  private final String authorization;
  private final String body;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  IdempotentWrites(String base, String user, String password, long objectId, ObjectMapper json) {
    this.base = base;
    this.json = json;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.body =
        json.writeValueAsString(
            Map.of(
                "type", "GENERAL_HAZARD",
                "source", "OFFICER_INSPECTION",
                "objectId", objectId,
                "title", "两台服务器测试",
                "description", "TwoServersBehindProxyTest"));
  }

  /** Sends until acknowledged; fails on any other answer or after the deadline. */
  Ack send(String key, Duration deadline) throws InterruptedException {
    long until = System.nanoTime() + deadline.toNanos();
    for (int attempt = 1; ; attempt++) {
      String reason;
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                    .header("Authorization", authorization)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status == 200 || status == 201) {
          long id = json.readTree(response.body()).get("id").asLong();
          Ack ack = new Ack(key, id, status, PageClient.node(response), attempt);
          acks.add(ack);
          return ack;
        }
        if (!RETRIED.contains(status)) {
          throw new AssertionError("write " + key + " answered " + status + ": " + response.body());
        }
        reason = Integer.toString(status);
      } catch (IOException e) {
        reason = e.getClass().getSimpleName() + " " + e.getMessage();
      }
      retries.incrementAndGet();
      retryReasons.add(reason);
      if (System.nanoTime() > until) {
        throw new AssertionError("write " + key + " not acknowledged in time, last " + reason);
      }
      Thread.sleep(Math.min(50L * attempt, 500));
    }
  }
}
