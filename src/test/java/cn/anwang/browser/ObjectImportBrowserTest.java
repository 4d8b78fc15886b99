package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.registry.object.ObjectCsvFixture;
import java.nio.charset.Charset;
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

/**
 * A district administrator imports objects through the page on a phone-sized screen: a file with a
 * bad row is checked and cannot be imported; the corrected file (GBK, as Excel in China saves CSV)
 * is checked, then imported.
 */
@IntegrationTest
class ObjectImportBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void checksAFileShowsItsProblemsAndImportsTheCorrectedOne(@TempDir Path files) throws Exception {
    String tag = "浏导" + System.nanoTime() % 1_000_000;
    double[] p =
        jdbc.sql(
                "SELECT lon, lat FROM supervised_object WHERE synthetic AND grid_code IS NOT NULL"
                    + " AND district_code = '120101' ORDER BY id LIMIT 1")
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .single();
    String good = line(tag + "甲", "小商铺", p) + line(tag + "乙", "小作坊", p);
    Path bad =
        Files.writeString(
            files.resolve("bad.csv"),
            ObjectCsvFixture.HEADER + "\n" + good + line(tag + "丙", "大商场", p));
    Path fixed =
        Files.writeString(
            files.resolve("fixed.csv"),
            ObjectCsvFixture.HEADER + "\n" + good,
            Charset.forName("GBK"));

    try (Browser browser = Browser.open(412, 915)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");

      driver.get(url("/objects"));
      driver.findElement(By.id("object-import")).click();
      wait.until(ExpectedConditions.urlContains("/objects/import"));

      driver.findElement(By.id("file")).sendKeys(bad.toString());
      driver.findElement(By.id("check-button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problems-table")));
      assertThat(driver.findElement(By.id("report-rejected")).getText()).isEqualTo("1");
      assertThat(driver.findElement(By.id("problems-table")).getText()).contains("4", "大商场");
      assertThat(driver.findElement(By.id("import-button")).isEnabled()).isFalse();

      driver.findElement(By.id("file")).clear();
      driver.findElement(By.id("file")).sendKeys(fixed.toString());
      driver.findElement(By.id("check-button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-acceptable")));
      wait.until(ExpectedConditions.elementToBeClickable(By.id("import-button")));
      assertThat(driver.findElement(By.id("import-report")).getText()).contains("GB");
      assertThat(count(tag)).as("a check writes nothing").isZero();

      driver.findElement(By.id("import-button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-done")));
      assertThat(driver.findElement(By.id("import-done")).getText()).contains("2");
      assertThat(count(tag)).isEqualTo(2);
      assertThat(driver.findElement(By.id("import-button")).isEnabled())
          .as("the same file cannot be imported again without a new check")
          .isFalse();
    }
  }

  private static String line(String name, String kind, double[] p) {
    return "," + name + "," + kind + "," + name + "的地址," + p[0] + "," + p[1] + ",,,,,,,\n";
  }

  private long count(String tag) {
    return jdbc.sql("SELECT count(*) FROM supervised_object WHERE name LIKE ?")
        .param(tag + "%")
        .query(Long.class)
        .single();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
