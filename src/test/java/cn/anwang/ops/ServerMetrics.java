package cn.anwang.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Reads one server's {@code /actuator/prometheus} directly (not through the proxy). */
final class ServerMetrics {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private ServerMetrics() {}

  /**
   * Successful executions of a db-scheduler task on that server since it started ({@code
   * dbscheduler_task_completions_total}, result ok); 0 before the first.
   */
  static double completions(String server, String task) throws IOException, InterruptedException {
    // the city administrator of the test database (application-test.yml)
    String basic =
        Base64.getEncoder()
            .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server + "/actuator/prometheus"))
                .header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException("prometheus of " + server + " answered " + response.statusCode());
    }
    return response
        .body()
        .lines()
        .filter(l -> l.startsWith("dbscheduler_task_completions_total{"))
        .filter(l -> l.contains("task=\"" + task + "\"") && l.contains("result=\"ok\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
