package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The district administrator's indicator map on a phone-sized Chromium: 和平区's streets coloured by
 * the chosen indicator; another indicator repaints them; a click on a street opens its table.
 */
@IntegrationTest
class AssessmentMapBrowserTest {

  @LocalServerPort int port;

  @Test
  void colouredStreetsRepaintAndDrillDown() throws Exception {
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");
      driver.get(url("/assessment/indicators?division=120101"));
      WebElement map = driver.findElement(By.id("assessment-map"));
      wait.until(
          d -> map.getAttribute("data-painted") != null || map.getAttribute("data-error") != null);
      assertThat(map.getAttribute("data-error")).isNull();
      assertThat(map.getAttribute("data-painted")).isEqualTo("grid.coverage");
      List<WebElement> streets =
          driver.findElements(By.cssSelector("#assessment-map path[data-code]"));
      assertThat(streets).isNotEmpty();
      assertThat(Integer.parseInt(map.getAttribute("data-units"))).isEqualTo(streets.size());
      for (WebElement street : streets) {
        assertThat(street.getAttribute("data-code")).startsWith("120101").hasSize(9);
        assertThat(street.getAttribute("fill")).isEqualTo(street.getAttribute("data-fill"));
      }
      // the table's own figure is the one painted
      String code = streets.get(0).getAttribute("data-code");
      String value = streets.get(0).getAttribute("data-value");
      String cell =
          driver
              .findElement(
                  By.cssSelector(
                      "tr[data-unit='"
                          + code
                          + "'] td[data-code='grid.coverage'] .assessment-value"))
              .getText();
      if (value.isEmpty()) {
        assertThat(cell).isEqualTo("—");
      } else {
        assertThat(Double.parseDouble(cell.replace("%", ""))).isEqualTo(Double.parseDouble(value));
      }

      new Select(driver.findElement(By.id("assessment-map-indicator")))
          .selectByValue("case.closeRate");
      wait.until(d -> "case.closeRate".equals(map.getAttribute("data-painted")));
      assertThat(driver.findElement(By.id("assessment-map-legend")).getText()).contains("÷");
      // the trend follows: twelve months (or this year's so far) of the close rate
      WebElement trend = driver.findElement(By.id("assessment-trend"));
      wait.until(d -> "case.closeRate".equals(trend.getAttribute("data-code")));
      assertThat(Integer.parseInt(trend.getAttribute("data-months"))).isBetween(1, 12);
      assertThat(trend.findElements(By.cssSelector("svg path"))).isNotEmpty();

      driver.findElement(By.cssSelector("#assessment-map path[data-code='" + code + "']")).click();
      wait.until(ExpectedConditions.urlContains("division=" + code));
      wait.until(
          d ->
              d.findElement(By.id("assessment-map")).getAttribute("data-painted") != null
                  || d.findElement(By.id("assessment-map")).getAttribute("data-error") != null);
      assertThat(driver.findElement(By.id("assessment-path")).getText()).contains("和平区");
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
