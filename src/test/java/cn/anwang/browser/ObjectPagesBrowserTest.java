package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A district administrator finds an object through the list's filter, opens its page with the map,
 * changes a field in the form and sees the change and its history entry.
 */
@IntegrationTest
class ObjectPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void findsAnObjectEditsItAndSeesTheChangeInItsHistory() throws Exception {
    var demo =
        jdbc.sql(
                "SELECT id, name FROM supervised_object o WHERE synthetic AND district_code ="
                    + " '120101' AND lon IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                    + " object_history h WHERE h.object_id = o.id AND h.action <> 'create')"
                    + " ORDER BY id LIMIT 1 OFFSET 40")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .single();
    long id = (Long) demo[0];
    String name = (String) demo[1];

    try (Browser browser = Browser.open(1280, 900)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");

      driver.get(url("/objects"));
      driver.findElement(By.id("q")).sendKeys(name);
      // htmx swaps the table in; the pushed URL carries the filter
      wait.until(ExpectedConditions.urlContains("q="));
      By row = By.cssSelector("#object-table a[href='/objects/" + id + "']");
      wait.until(ExpectedConditions.elementToBeClickable(row));
      assertThat(driver.findElement(By.id("object-export")).getAttribute("href")).contains("q=");
      driver.findElement(row).click();

      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#object-map.leaflet-container")));
      assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains(name);
      driver.findElement(By.id("object-edit")).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("object-form")));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector("#object-form-map.leaflet-container")));
      WebElement employees = driver.findElement(By.id("employees"));
      employees.clear();
      employees.sendKeys("777");
      WebElement save = driver.findElement(By.id("object-save"));
      ((JavascriptExecutor) driver)
          // instant: Bootstrap's smooth scrolling would still be moving the button when clicked
          .executeScript(
              "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
      wait.until(ExpectedConditions.elementToBeClickable(save)).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("object-message")));
      assertThat(driver.getCurrentUrl()).endsWith("/objects/" + id);
      assertThat(driver.findElement(By.id("object-message")).getText()).isEqualTo("已保存");
      assertThat(driver.findElement(By.tagName("main")).getText()).contains("777");
      WebElement latest = driver.findElement(By.cssSelector("#object-history tbody tr"));
      assertThat(latest.getText()).contains("heping.admin").contains("employees").contains("777");
    }
    assertThat(
            jdbc.sql("SELECT employees FROM supervised_object WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(777);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
