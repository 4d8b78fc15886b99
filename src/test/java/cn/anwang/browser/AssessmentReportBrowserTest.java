package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The district administrator on a phone-sized Chromium: from the indicator page to the reports,
 * generates 和平区's monthly report through the form and finds it in the list with its files.
 */
@IntegrationTest
class AssessmentReportBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeReports() {
    jdbc.sql(
            "DELETE FROM assessment_report WHERE unit_code = '120101' AND period = '2026-05'"
                + " AND generated_by = 'heping.admin'")
        .update();
  }

  @Test
  void generatesAMonthlyReportFromThePhone() throws Exception {
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");
      driver.get(url("/assessment/indicators?division=120101"));
      driver.findElement(By.id("assessment-reports-link")).click();
      wait.until(ExpectedConditions.urlContains("/assessment/reports"));
      new Select(driver.findElement(By.id("report-kind"))).selectByValue("MONTHLY");
      WebElement unit = driver.findElement(By.id("report-unit"));
      unit.clear();
      unit.sendKeys("120101");
      WebElement period = driver.findElement(By.id("report-period"));
      period.clear();
      period.sendKeys("2026-05");
      driver.findElement(By.id("report-submit")).click();
      WebElement done =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("report-generated")));
      assertThat(done.getText()).contains("和平区", "2026-05", "月报");
      WebElement row = driver.findElement(By.cssSelector("#report-list tr.report-row"));
      assertThat(row.getText()).contains("和平区", "2026-05");
      String id = row.getAttribute("data-id");
      assertThat(row.findElement(By.linkText("PDF")).getAttribute("href"))
          .endsWith("/assessment/reports/" + id + ".pdf");
      assertThat(row.findElement(By.linkText("Excel")).getAttribute("href"))
          .endsWith("/assessment/reports/" + id + ".xlsx");
      // the page itself does not scroll sideways on the phone (the list scrolls in its box)
      Number width =
          (Number)
              ((JavascriptExecutor) driver)
                  .executeScript("return document.documentElement.scrollWidth");
      assertThat(width.intValue()).isLessThanOrEqualTo(400);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
