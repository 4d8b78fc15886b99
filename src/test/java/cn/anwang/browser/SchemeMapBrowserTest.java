package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The score map on a phone-sized Chromium: the demo scheme of 和平区 colours each street by the total
 * in its ranking table (red low, green high, grey with nothing to score), and a click on a street
 * opens that street's score sheet.
 */
@IntegrationTest
class SchemeMapBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void streetsColouredByTheirTotalOpenTheirSheet() throws Exception {
    long scheme =
        jdbc.sql(
                "SELECT id FROM assessment_scheme WHERE owner_code = '120101'"
                    + " AND status = 'PUBLISHED' AND name LIKE '%演示%' ORDER BY year DESC LIMIT 1")
            .query(Long.class)
            .single();
    try (Browser browser = Browser.open(390, 844)) {
      browser.emulatePhone(390, 844);
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");
      driver.get(url("/assessment/schemes/" + scheme));
      WebElement map = driver.findElement(By.id("scheme-map"));
      wait.until(
          d -> map.getAttribute("data-painted") != null || map.getAttribute("data-error") != null);
      assertThat(map.getAttribute("data-error")).isNull();
      List<WebElement> streets = driver.findElements(By.cssSelector("#scheme-map path[data-code]"));
      assertThat(streets).isNotEmpty();
      assertThat(Integer.parseInt(map.getAttribute("data-units"))).isEqualTo(streets.size());
      for (WebElement street : streets) {
        String code = street.getAttribute("data-code");
        WebElement row =
            driver.findElement(By.cssSelector("#scheme-ranking tr[data-unit='" + code + "']"));
        String total = row.getAttribute("data-total");
        String expected =
            total == null || total.isEmpty()
                ? "#adb5bd"
                : "hsl("
                    + Math.round(Math.max(0, Math.min(Double.parseDouble(total), 100)) / 100 * 120)
                    + ", 70%, 45%)";
        assertThat(street.getAttribute("data-fill")).as(code).isEqualTo(expected);
        assertThat(street.getAttribute("fill")).isEqualTo(street.getAttribute("data-fill"));
      }
      String code = streets.get(0).getAttribute("data-code");
      String total =
          driver
              .findElement(By.cssSelector("#scheme-ranking tr[data-unit='" + code + "']"))
              .getAttribute("data-total");
      streets.get(0).click();
      wait.until(ExpectedConditions.urlContains("/sheets/" + code));
      // the sheet opened is that street's, with the total the map was painted by
      String shown = driver.findElement(By.id("sheet-total")).getText();
      if (total == null || total.isEmpty()) {
        assertThat(driver.findElements(By.cssSelector("#sheet-lines"))).isNotEmpty();
      } else {
        assertThat(shown)
            .startsWith(
                "总分 "
                    + NumberFormat.getInstance(Locale.SIMPLIFIED_CHINESE)
                        .format(Double.parseDouble(total)));
      }
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
