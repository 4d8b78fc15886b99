package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.publicreport.intake.Captcha;
import cn.anwang.shared.files.TestPhotos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen on a 390 px phone reports illegal production anonymously with a photo, keeps the code
 * and the claim secret, and a neighbour reports the same thing 50 m away. The district's
 * administrator (on the same phone) merges the second into the first, publishes the photo, verifies
 * the report into a case; the case goes round the loop; the reward is assessed and approved on its
 * page. The citizen follows the code to closure and the reward, claims it with the secret, and sees
 * it paid; the neighbour's code shows the merged status and no reward.
 */
@IntegrationTest
class PublicReportBrowserTest {

  static final String DEMO = "anwang-demo-2026";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Captcha captcha;

  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void aCitizenReportsWithAPhotoFollowsItToClosureAndIsRewarded() throws Exception {
    var p =
        jdbc.sql(
                "SELECT lon, lat FROM supervised_object WHERE street_code = '120101001'"
                    + " AND lon IS NOT NULL ORDER BY id LIMIT 1 OFFSET 7")
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .single();
    Path photo = Files.createTempFile("report", ".jpg");
    Files.write(
        photo, TestPhotos.decodableJpegWithExif(64, 48, "2026:12:01 09:30:00", 39, 7, 117, 12));
    // this district lets anonymous reporters claim with their code and secret
    jdbc.sql(
            """
            INSERT INTO public_reward_rule SELECT '120101', eligible_findings, fine_percent,
              min_yuan, max_yuan, per_death_general, per_death_larger, per_death_major,
              per_death_especially, accident_cap_yuan, claim_days, objection_days, true, 'test',
              now() FROM public_reward_rule WHERE district_code = '12'
            ON CONFLICT (district_code) DO UPDATE SET anonymous_claim = true
            """)
        .update();
    try (Browser browser = Browser.open(390, 844)) {
      driver = browser.driver;
      browser.emulatePhone(390, 844);
      wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

      // the citizen reports, anonymously, with a photo
      String description = "小区地下室有人私设作坊生产塑料制品，夜间开工，气味很大 " + System.nanoTime();
      submit(description, p[0], p[1], photo, false);
      String code = text("#tracking-code").replace("-", "");
      String secret = text("#claim-secret");
      assertThat(secret).hasSize(8);
      assertThat(text("#report-status")).isEqualTo("已受理");
      assertThat(pageWidth())
          .as("no sideways scrolling on the phone: %s", wide())
          .isLessThanOrEqualTo(390);
      screenshot("report-submitted");
      // the secret is shown once only
      driver.get(url("/report/track/" + code + "?new"));
      assertThat(driver.findElements(By.id("claim-secret"))).isEmpty();

      // a neighbour reports the same 50 m away
      driver.manage().deleteAllCookies();
      submit("地下室塑料作坊又开工了 " + System.nanoTime(), p[0], p[1] + 50 / 111_320.0, null, true);
      String neighbour = text("#tracking-code").replace("-", "");
      long first = reportId(code);
      long second = reportId(neighbour);

      // the district's administrator merges, publishes the photo and verifies
      Browser.logIn(driver, url("/login"), "heping.admin", DEMO);
      driver.get(url("/public-reports/" + second));
      WebElement dup =
          driver.findElement(By.cssSelector("#duplicates li[data-id='" + first + "'] .merge-into"));
      click(dup);
      wait.until(ExpectedConditions.attributeToBe(By.id("report-status"), "data-status", "MERGED"));
      driver.get(url("/public-reports/" + first));
      assertThat(driver.findElement(By.id("photos")).getText()).contains("GPS");
      click(driver.findElement(By.cssSelector("#photos form button")));
      wait.until(
          ExpectedConditions.attributeToBe(
              By.cssSelector("#photos [data-approved]"), "data-approved", "true"));
      click(driver.findElement(By.id("verify")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-link")));
      long caseId =
          jdbc.sql("SELECT case_id FROM public_report WHERE id = ?")
              .param(first)
              .query(Long.class)
              .single();

      // the case goes round the loop
      api("heping.street", "/api/v1/cases/" + caseId + "/register", "{}");
      api(
          "heping.street",
          "/api/v1/cases/" + caseId + "/dispatch",
          "{\"handlerType\":\"STREET\",\"handlerCode\":\"120101001\"}");
      api("heping.street", "/api/v1/cases/" + caseId + "/accept", "{}");
      api("heping.street", "/api/v1/cases/" + caseId + "/feedback", "{\"reason\":\"已责令停产并清理\"}");
      api(
          "heping.officer",
          "/api/v1/cases/" + caseId + "/reinspection",
          "{\"passed\":true,\"reason\":\"复查合格\",\"lon\":117.19,\"lat\":39.12}");
      api("heping.street", "/api/v1/cases/" + caseId + "/close", "{\"reason\":\"结案\"}");
      long rewardId = awaitReward(first);

      // the reward assessed by the rule and approved on its page
      driver.get(url("/public-rewards/" + rewardId));
      driver.findElement(By.id("fineYuan")).sendKeys("50000");
      click(driver.findElement(By.id("assess-submit")));
      wait.until(ExpectedConditions.textToBe(By.id("reward-amount"), "7,500 元"));
      click(driver.findElement(By.id("approve")));
      wait.until(
          ExpectedConditions.attributeToBe(By.id("reward-status"), "data-status", "APPROVED"));
      screenshot("reward-approved");
      driver.manage().deleteAllCookies();

      // the citizen follows the code: closed, the photo public, the reward to claim
      driver.get(url("/report/track"));
      driver.findElement(By.name("code")).sendKeys(code);
      driver.findElement(By.name("code")).submit();
      wait.until(ExpectedConditions.urlContains("/report/track/" + code));
      assertThat(text("#report-status")).isEqualTo("已办结");
      assertThat(driver.findElements(By.cssSelector("#report-photos img"))).hasSize(1);
      assertThat(text("#reward-amount")).contains("7,500");
      screenshot("report-closed-reward");
      click(driver.findElement(By.id("claim-link")));
      driver.findElement(By.id("proof")).sendKeys("WRONG234");
      driver.findElement(By.id("payeeName")).sendKeys("匿名举报人");
      click(driver.findElement(By.id("claim-submit")));
      assertThat(text("#claim-failure")).contains("身份核对不一致");
      driver.findElement(By.id("proof")).clear();
      driver.findElement(By.id("proof")).sendKeys(secret.toLowerCase());
      driver.findElement(By.id("payeeAccount")).sendKeys("6222020000001234");
      click(driver.findElement(By.id("claim-submit")));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("track-notice")));
      assertThat(text("#track-notice")).contains("领取申请已提交");
      assertThat(driver.findElement(By.id("reward")).getAttribute("data-status"))
          .isEqualTo("CLAIMED");
      assertThat(pageWidth()).as("no sideways scrolling: %s", wide()).isLessThanOrEqualTo(390);

      // paid by the district; the citizen sees it
      api(
          "heping.admin",
          "/api/v1/public-rewards/" + rewardId + "/pay",
          "{\"method\":\"BANK_TRANSFER\",\"reference\":\"HP-2026-0100\"}");
      driver.get(url("/report/track/" + code));
      assertThat(text("#reward-status")).isEqualTo("奖励已发放。");
      screenshot("reward-paid");

      // the neighbour sees the merged, closed status and nobody's reward
      driver.get(url("/report/track/" + neighbour));
      assertThat(text("#report-status")).isEqualTo("已办结");
      assertThat(driver.getPageSource()).contains("已合并处理");
      assertThat(driver.findElements(By.id("reward"))).isEmpty();
    } finally {
      jdbc.sql("DELETE FROM public_reward_rule WHERE district_code = '120101'").update();
    }
  }

  /**
   * Fills and sends the form; with {@code tap} the position is then picked by a tap on the map
   * (centred on the typed point), which must land within 60 m of it.
   */
  private void submit(String description, double lon, double lat, Path photo, boolean tap)
      throws Exception {
    driver.get(url("/report"));
    wait.until(ExpectedConditions.attributeToBe(By.id("pick-map"), "data-loaded", "16"));
    new Select(driver.findElement(By.id("category"))).selectByValue("ILLEGAL_OPERATION");
    driver.findElement(By.id("description")).sendKeys(description);
    driver.findElement(By.id("lon")).sendKeys(Double.toString(lon));
    driver.findElement(By.id("lat")).sendKeys(Double.toString(lat) + org.openqa.selenium.Keys.TAB);
    if (tap) {
      WebElement map = driver.findElement(By.id("pick-map"));
      // the typed point is marked and the map centred on it
      wait.until(
          d ->
              map.getAttribute("data-marker") != null
                  && map.getAttribute("data-marker").equals(map.getAttribute("data-centre")));
      driver.findElement(By.id("lon")).clear();
      driver.findElement(By.id("lat")).clear();
      click(map);
      wait.until(d -> !d.findElement(By.id("lat")).getAttribute("value").isEmpty());
      double pickedLon = Double.parseDouble(driver.findElement(By.id("lon")).getAttribute("value"));
      double pickedLat = Double.parseDouble(driver.findElement(By.id("lat")).getAttribute("value"));
      double metres =
          Math.hypot(
              (pickedLon - lon) * 111_320 * Math.cos(Math.toRadians(lat)),
              (pickedLat - lat) * 111_320);
      assertThat(metres).as("the tap on the map fills the position").isLessThan(60);
      screenshot("report-map-pick");
    }
    driver.findElement(By.id("address")).sendKeys("劝业场街道某小区地下室");
    if (photo != null) {
      driver.findElement(By.id("photos")).sendKeys(photo.toString());
    }
    String token = driver.findElement(By.id("captchaToken")).getAttribute("value");
    driver.findElement(By.id("captchaAnswer")).sendKeys(captcha.answerOf(token).orElseThrow());
    click(driver.findElement(By.id("report-submit")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tracking-code")));
  }

  private long awaitReward(long reportId) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var id =
          jdbc.sql("SELECT id FROM public_reward WHERE report_id = ?")
              .param(reportId)
              .query(Long.class)
              .optional();
      if (id.isPresent()) {
        return id.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no reward was proposed for report " + reportId);
  }

  private long reportId(String code) {
    return jdbc.sql("SELECT id FROM public_report WHERE tracking_code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private void api(String user, String path, String body) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString((user + ":" + DEMO).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
  }

  private void click(WebElement e) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block:'center', behavior:'instant'})", e);
    e.click();
  }

  private String text(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)))
        .getText()
        .strip();
  }

  /** What sticks out to the right of a 390 px screen, for the assertion's message. */
  private String wide() {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > 391)"
                    + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                    + " + Math.round(e.getBoundingClientRect().right)).slice(0, 8).join(' | ')");
  }

  private long pageWidth() {
    return (Long)
        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(
        dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
