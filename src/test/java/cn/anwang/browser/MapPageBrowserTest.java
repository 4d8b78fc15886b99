package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person's first minutes: log in, open the map, see the grids, switch the language. */
@IntegrationTest
class MapPageBrowserTest {

  @LocalServerPort int port;

  @Test
  void logsInSeesTheDemoGridsOnTheMapAndSwitchesLanguage() throws Exception {
    try (Browser browser = Browser.open(1280, 900)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

      driver.get(url("/map"));
      wait.until(ExpectedConditions.urlContains("/login"));
      driver.findElement(By.name("username")).sendKeys("heping.admin");
      driver.findElement(By.name("password")).sendKeys("anwang-demo-2026");
      driver.findElement(By.cssSelector("form button[type=submit]")).click();

      wait.until(ExpectedConditions.urlContains("/map"));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("grid-map")));
      wait.until(d -> d.findElements(By.cssSelector("#grid-map .grid-shape")).size() >= 60);
      int drawn = driver.findElements(By.cssSelector("#grid-map .grid-shape")).size();
      assertThat(drawn).as("和平区's synthetic grids drawn as vectors").isGreaterThanOrEqualTo(60);
      assertThat(driver.getPageSource()).contains("示意数据");
      screenshot(driver, "map-zh");

      driver.findElement(By.id("lang-en")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("nav"), "Grid map"));
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
      wait.until(d -> d.findElements(By.cssSelector("#grid-map .grid-shape")).size() >= 60);
      screenshot(driver, "map-en");

      driver.findElement(By.id("lang-zh")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("nav"), "网格地图"));
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static void screenshot(WebDriver driver, String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(name + ".png"), png);
  }
}
