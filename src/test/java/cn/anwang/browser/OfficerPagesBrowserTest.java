package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.pii.ResidentIdNumber;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district administrator finds an officer in the list, opens the profile with its map, gives a
 * grid to a trained officer and sees it; then tries an untrained one and reads the refusal. On a
 * phone-sized screen.
 */
@IntegrationTest
class OfficerPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  @Test
  void assignsATrainedOfficerAndShowsWhyAnUntrainedOneIsRefused() throws Exception {
    String village =
        jdbc.sql(
                """
                SELECT g.division_code FROM grid g
                 WHERE g.district_code = '120101' AND length(g.division_code) = 12
                 GROUP BY g.division_code
                HAVING count(*) >= 2 AND NOT EXISTS (
                       SELECT 1 FROM officer o WHERE o.division_code = g.division_code)
                 ORDER BY g.division_code DESC LIMIT 1
                """)
            .query(String.class)
            .single();
    List<String> grids =
        jdbc.sql("SELECT code FROM grid WHERE division_code = ? ORDER BY code")
            .param(village)
            .query(String.class)
            .list();
    String tag = "浏览" + ThreadLocalRandom.current().nextInt(1000, 9999);
    long trained = officer(tag + "已训", village);
    long untrained = officer(tag + "未训", village);
    jdbc.sql(
            """
            INSERT INTO training_certificate (officer_id, course_id, district_code, number,
                issued_on, expires_on)
            SELECT ?, id, '120101', ?, ?, ? FROM training_course WHERE code = 'GRID-PRE-POST'
            """)
        .params(
            trained, "B-" + trained, LocalDate.now().minusDays(10), LocalDate.now().plusYears(2))
        .update();

    try (Browser browser = Browser.open(412, 915)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");

      driver.get(url("/workforce/officers"));
      driver.findElement(By.id("q")).sendKeys(tag + "已训");
      wait.until(ExpectedConditions.urlContains("q="));
      By row = By.cssSelector("#officer-table a[href='/workforce/officers/" + trained + "']");
      wait.until(ExpectedConditions.elementToBeClickable(row));
      assertThat(driver.findElements(By.cssSelector("#officer-table .officer-row"))).hasSize(1);
      driver.findElement(row).click();

      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#officer-map.leaflet-container")));
      assertThat(driver.findElement(By.id("officer-name")).getText()).isEqualTo(tag + "已训");
      assertThat(driver.findElement(By.id("officer-phone")).getText()).isEqualTo("138****5678");
      // the slots other parts fill keep their placeholder until they exist
      assertThat(driver.findElement(By.id("officer-training")).getText()).isNotBlank();

      new Select(driver.findElement(By.id("gridCode"))).selectByValue(grids.get(0));
      click(driver, wait, By.id("assign-submit"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("officer-message")));
      assertThat(driver.findElement(By.id("officer-message")).getText()).contains(grids.get(0));
      assertThat(driver.findElement(By.id("officer-current")).getText()).contains(grids.get(0));
      assertThat(driver.findElement(By.id("officer-status")).getText()).isEqualTo("在岗");
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#officer-map.officer-map-ready")));
      assertThat(driver.findElements(By.cssSelector("#officer-map path.leaflet-interactive")))
          .isNotEmpty();

      // the administrator may show the full phone number (audited)
      click(driver, wait, By.id("officer-phone-show"));
      wait.until(ExpectedConditions.textToBe(By.id("officer-phone"), "13812345678"));

      driver.get(url("/workforce/officers/" + untrained));
      new Select(driver.findElement(By.id("gridCode"))).selectByValue(grids.get(1));
      click(driver, wait, By.id("assign-submit"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assign-error")));
      assertThat(driver.findElement(By.id("assign-error")).getText())
          .startsWith("先培训后上岗：网格员 " + tag + "未训");
      assertThat(driver.findElement(By.id("officer-current")).getText())
          .doesNotContain(grids.get(1));
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'officer.phone.read'"
                        + " AND target_id = ?")
                .param(Long.toString(trained))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long officer(String name, String village) {
    String first17 =
        String.format(
            "120101%04d0101%03d",
            1980 + ThreadLocalRandom.current().nextInt(20),
            ThreadLocalRandom.current().nextInt(1000));
    var created =
        rest.withBasicAuth("heping.admin", "anwang-demo-2026")
            .postForEntity(
                "/api/v1/officers",
                Map.of(
                    "name",
                    name,
                    "divisionCode",
                    village,
                    "tier",
                    "VILLAGE",
                    "employment",
                    "PURCHASED",
                    "phone",
                    "13812345678",
                    "idNumber",
                    first17 + ResidentIdNumber.checkCharacter(first17)),
                Map.class);
    assertThat(created.getStatusCode().value())
        .as(String.valueOf(created.getBody()))
        .isEqualTo(201);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static void click(WebDriver driver, WebDriverWait wait, By by) {
    WebElement button = driver.findElement(by);
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
