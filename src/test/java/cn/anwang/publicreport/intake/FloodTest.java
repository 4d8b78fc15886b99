package cn.anwang.publicreport.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.pii.PiiProtector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A flood of 1,000 submissions from one address over real HTTP, 16 at a time, each with a valid
 * captcha and its own text: the address's allowance is accepted, every other answer is 429 with a
 * Retry-After, and exactly the accepted ones are in the database.
 */
@IntegrationTest
class FloodTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired Captcha captcha;
  @Autowired JdbcClient jdbc;
  @Autowired PiiProtector pii;
  @Autowired PublicReportProperties properties;

  @Test
  void aThousandSubmissionsFromOneAddressAreThrottledAndNoAcceptedOneIsLost() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> form =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/report")).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookies =
        form.headers().allValues("set-cookie").stream()
            .map(c -> c.substring(0, c.indexOf(';')))
            .collect(Collectors.joining("; "));
    Matcher m = CSRF.matcher(form.body());
    assertThat(m.find()).as("the form carries a CSRF token").isTrue();
    String csrf = m.group(1);
    double[] p =
        jdbc.sql(
                "SELECT lon, lat FROM supervised_object WHERE street_code = '120101001'"
                    + " AND lon IS NOT NULL ORDER BY id LIMIT 1")
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .single();
    Instant start = Instant.now().minusSeconds(1);
    String run = Long.toString(System.nanoTime());

    ConcurrentLinkedQueue<HttpResponse<String>> answers = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        int n = i;
        sent.add(
            pool.submit(
                () -> {
                  String token = captcha.issue();
                  String body =
                      Map.of(
                              "_csrf",
                              csrf,
                              "category",
                              "HAZARD",
                              "description",
                              "洪水测试 " + run + " 第" + n + "条",
                              "lon",
                              Double.toString(p[0]),
                              "lat",
                              Double.toString(p[1]),
                              "anonymous",
                              "true",
                              "captchaToken",
                              token,
                              "captchaAnswer",
                              captcha.answerOf(token).orElseThrow())
                          .entrySet()
                          .stream()
                          .map(
                              e ->
                                  e.getKey()
                                      + "="
                                      + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                          .collect(Collectors.joining("&"));
                  answers.add(
                      http.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/report"))
                              .header("Content-Type", "application/x-www-form-urlencoded")
                              .header("Cookie", cookies)
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()));
                  return null;
                }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    List<HttpResponse<String>> accepted =
        answers.stream().filter(r -> r.statusCode() == 302).toList();
    List<HttpResponse<String>> throttled =
        answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(answers).hasSize(1000);
    assertThat(accepted.size() + throttled.size()).as("only 302 or 429").isEqualTo(1000);
    // the flood also carries the form's device cookie: the smaller of the two allowances holds
    int allowance = Math.min(properties.perAddressPerMinute(), properties.perDevicePerMinute());
    assertThat(accepted.size()).isBetween(allowance, allowance + 2);
    assertThat(throttled)
        .allSatisfy(
            r ->
                assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow()))
                    .isPositive());
    long stored =
        jdbc.sql(
                "SELECT count(*) FROM public_report WHERE description LIKE ? AND submitted_at > ?"
                    + " AND client_hash = ?")
            .params("洪水测试 " + run + "%", Timestamp.from(start), pii.hash("client:127.0.0.1"))
            .query(Long.class)
            .single();
    assertThat(stored).isEqualTo(accepted.size());
    // every accepted answer points at its own stored report
    for (HttpResponse<String> r : accepted) {
      String code =
          r.headers().firstValue("Location").orElseThrow().replaceAll(".*/track/([^?]+).*", "$1");
      assertThat(
              jdbc.sql("SELECT count(*) FROM public_report WHERE tracking_code = ?")
                  .param(code)
                  .query(Long.class)
                  .single())
          .isEqualTo(1L);
    }
  }
}
