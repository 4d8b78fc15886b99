package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboards on a phone-sized Chromium (390 px): the district's map coloured by risk paints
 * each street with the API's high-risk share, and the department's page draws its month chart.
 */
@IntegrationTest
class DashboardBrowserTest {

  private static final String DEMO = "anwang-demo-2026";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Test
  void theMapColoursByRiskAsTheApiCountsAndTheDepartmentPageDrawsItsChart() throws Exception {
    JsonNode table = api("heping.admin", "/api/v1/indicator-table?division=120101");
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      Browser.logIn(driver, url("/login"), "heping.admin", DEMO);
      driver.get(url("/assessment/indicators?division=120101"));
      WebElement map = driver.findElement(By.id("assessment-map"));
      wait.until(
          d -> map.getAttribute("data-painted") != null || map.getAttribute("data-error") != null);
      assertThat(map.getAttribute("data-error")).isNull();
      driver.findElement(By.id("assessment-map-risk")).click();
      wait.until(d -> "risk.highShare".equals(map.getAttribute("data-painted")));
      List<WebElement> streets =
          driver.findElements(By.cssSelector("#assessment-map path[data-code]"));
      assertThat(streets).isNotEmpty();
      int painted = 0;
      for (WebElement street : streets) {
        String code = street.getAttribute("data-code");
        JsonNode figure = figure(table, code);
        String value = street.getAttribute("data-value");
        if (figure.isMissingNode() || figure.path("value").isNull()) {
          assertThat(value).isEmpty();
        } else {
          assertThat(Double.parseDouble(value)).isEqualTo(figure.path("value").asDouble());
          painted++;
        }
        // never scored: drawn in blue shades, or grey where nothing is counted
        assertThat(street.getAttribute("data-fill")).matches("hsl\\(210, .*|#adb5bd");
        assertThat(street.getAttribute("fill")).isEqualTo(street.getAttribute("data-fill"));
      }
      assertThat(painted).as("streets with objects on the register").isPositive();
      driver.findElement(By.id("assessment-map-overdue")).click();
      wait.until(d -> "case.overdueRate".equals(map.getAttribute("data-painted")));

      driver.manage().deleteAllCookies();
      Browser.logIn(driver, url("/login"), "heping.yingji", DEMO);
      JsonNode department = api("heping.yingji", "/api/v1/dashboards/department");
      driver.get(url("/assessment/department"));
      WebElement trend = driver.findElement(By.id("dashboard-trend"));
      wait.until(d -> trend.getAttribute("data-drawn") != null);
      assertThat(Integer.parseInt(trend.getAttribute("data-drawn")))
          .isEqualTo(department.path("months").size());
      assertThat(trend.findElements(By.cssSelector("svg path"))).isNotEmpty();
      assertThat(
              driver
                  .findElement(By.cssSelector("#dashboard-lights [data-light='overdue']"))
                  .getAttribute("data-count"))
          .isEqualTo(department.path("cases").path("overdue").asText());
      // readable on the phone: nothing wider than the screen
      Object width =
          ((org.openqa.selenium.JavascriptExecutor) driver)
              .executeScript("return document.documentElement.scrollWidth");
      assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
    }
  }

  private static JsonNode figure(JsonNode table, String code) {
    for (JsonNode row : table.path("units")) {
      if (code.equals(row.path("unit").path("code").asText())) {
        return row.path("figures").path("risk.highShare");
      }
    }
    throw new AssertionError("no row " + code);
  }

  private JsonNode api(String user, String path) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString((user + ":" + DEMO).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + auth)
                    .header("Accept", "application/json")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
