package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.partner.PartnerFixture;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * A partner user on his pages: he sees only his organisation's engagement, opens the object in its
 * scope, answers its checklist with one 不符合 and a note, and finds the THIRD_PARTY case it made
 * among his findings, with its number; the other organisation's engagement answers 404.
 */
@IntegrationTest
class PartnerWorkBrowserTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void aPartnerFillsAChecklistAndSeesTheCaseItMade() throws Exception {
    PartnerFixture fx = new PartnerFixture(mvc, json);
    String partner = fx.partnerAccount("浏览器检查员");
    List<Long> objects =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id DESC LIMIT 2")
            .query(Long.class)
            .list();
    long org =
        fx.organisation(
            "天津浏览器安全评价" + System.nanoTime() % 10000,
            "SAFETY_ASSESSMENT",
            TODAY.minusYears(1),
            TODAY.plusYears(3));
    long otherOrg =
        fx.organisation(
            "天津另一家评价" + System.nanoTime() % 10000,
            "SAFETY_ASSESSMENT",
            TODAY.minusYears(1),
            TODAY.plusYears(3));
    long mine = fx.engagement(org, List.of(), List.of(objects.get(0)));
    long other = fx.engagement(otherOrg, List.of(), List.of(objects.get(1)));
    fx.grant(org, partner);

    try (Browser browser = Browser.open(390, 844)) {
      driver = browser.driver;
      wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      Browser.logIn(driver, url("/login"), partner, PartnerFixture.PARTNER_PASSWORD);
      driver.get(url("/partner/work"));
      List<WebElement> engagements =
          driver.findElements(By.cssSelector("#work-engagements a[data-id]"));
      assertThat(engagements)
          .extracting(e -> e.getAttribute("data-id"))
          .containsExactly(Long.toString(mine));
      click(engagements.get(0));
      click(
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#scope-objects a[data-id='" + objects.get(0) + "']"))));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checklist-form")));
      List<WebElement> items = driver.findElements(By.cssSelector(".checklist-item"));
      assertThat(items).isNotEmpty();
      boolean first = true;
      for (WebElement item : items) {
        String key = item.getAttribute("data-item");
        List<WebElement> radios = item.findElements(By.cssSelector("input[type=radio]"));
        if (radios.isEmpty()) {
          continue;
        }
        click(driver.findElement(By.id("answer-" + key + (first ? "-NO" : "-YES"))));
        if (first) {
          driver.findElement(By.id("note-" + key)).sendKeys("消防通道堆放杂物");
        }
        first = false;
      }
      click(driver.findElement(By.id("checklist-submit")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("work-submitted")));
      String number =
          jdbc.sql("SELECT case_number FROM partner_finding WHERE organisation_id = ?")
              .param(org)
              .query(String.class)
              .single();
      WebElement row = driver.findElement(By.cssSelector("#my-findings tbody tr"));
      assertThat(row.findElement(By.className("case-number")).getText()).isEqualTo(number);
      assertThat(row.findElement(By.className("case-status")).getText()).isEqualTo("已上报");
      assertThat(
              jdbc.sql("SELECT source FROM safety_case WHERE id = ?")
                  .param(Long.parseLong(row.getAttribute("data-case")))
                  .query(String.class)
                  .single())
          .isEqualTo("THIRD_PARTY");

      // the other organisation's engagement is not there for him
      driver.get(url("/partner/work/" + other));
      assertThat(driver.getPageSource()).doesNotContain("checklist-form");
      assertThat(driver.findElements(By.cssSelector("#scope-objects a"))).isEmpty();
    }
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
