package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A street administrator imports grids through the page: a dry run first, then the import. */
@IntegrationTest
class GridImportBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void showsTheDryRunReportBeforeImportingAndRefusesAnOversizedFile(@TempDir Path files)
      throws Exception {
    Path tooLarge = files.resolve("city.geojson");
    try (RandomAccessFile file = new RandomAccessFile(tooLarge.toFile(), "rw")) {
      file.setLength(65L * 1024 * 1024); // sparse: only its size matters here
    }
    Path rejected =
        write(
            files,
            "rejected.geojson",
            collection(
                feature("T-BR-1", "120101001", 117.19)
                    + ","
                    + feature("T-BR-1", "120101001", 117.191)));
    Path good = write(files, "good.geojson", collection(feature("T-BR-2", "120101001", 117.192)));

    try (Browser browser = Browser.open(412, 915)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      Browser.logIn(driver, url("/login"), "heping.street", "anwang-demo-2026");

      driver.get(url("/grids/import"));
      driver.findElement(By.id("file")).sendKeys(tooLarge.toString());
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-too-large")));
      assertThat(driver.findElement(By.id("import-too-large")).getText()).contains("64 MB");
      driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
      assertThat(driver.getCurrentUrl()).endsWith("/grids/import");
      // still the same page: the upload never left the browser
      assertThat(driver.findElement(By.id("import-too-large")).isDisplayed()).isTrue();
      assertThat(driver.findElements(By.id("import-report"))).isEmpty();

      driver.get(url("/grids/import"));
      driver.findElement(By.id("file")).sendKeys(rejected.toString());
      driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-report")));
      assertThat(driver.findElement(By.id("report-rejected")).getText()).isEqualTo("1");
      assertThat(driver.findElement(By.id("rejected-table")).getText()).contains("T-BR-1");
      assertThat(driver.findElements(By.cssSelector("#confirm-import:not([disabled])"))).isEmpty();

      driver.get(url("/grids/import"));
      driver.findElement(By.id("file")).sendKeys(good.toString());
      driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-import")));
      assertThat(driver.findElement(By.id("report-created")).getText()).isEqualTo("1");
      assertThat(count("T-BR-2")).as("a dry run writes nothing").isZero();
      driver.findElement(By.id("confirm-import")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
      assertThat(count("T-BR-2")).isEqualTo(1);
    } finally {
      jdbc.sql("DELETE FROM grid WHERE code LIKE 'T-BR-%'").update();
    }
  }

  private long count(String code) {
    return jdbc.sql("SELECT count(*) FROM grid WHERE code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static Path write(Path dir, String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static String collection(String features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}";
  }

  private static String feature(String code, String division, double lon) {
    double lat = 39.125;
    return String.format(
        java.util.Locale.ROOT,
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"浏览器测试\","
            + "\"divisionCode\":\"%s\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}",
        code,
        division,
        lon,
        lat,
        lon + 0.0005,
        lat,
        lon + 0.0005,
        lat + 0.0005,
        lon,
        lat + 0.0005,
        lon,
        lat);
  }
}
