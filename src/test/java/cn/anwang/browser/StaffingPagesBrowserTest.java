package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.workforce.officer.Assignments;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a phone-sized screen, the city administrator sees a street below the staffing norm on the
 * district's dashboard, opens the street, computes a rebalancing proposal and applies it.
 */
@IntegrationTest
class StaffingPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Assignments assignments;

  @Test
  void seesAStreetBelowNormAndAppliesARebalancing() throws Exception {
    String street = "120114119";
    String village =
        jdbc.sql("SELECT min(code) FROM division WHERE parent_code = ?")
            .param(street)
            .query(String.class)
            .single();
    long busy = officer(street, "CANDIDATE");
    officer(street, "ACTIVE");
    for (int i = 1; i <= 3; i++) {
      String grid = "TB" + street + "-" + i;
      jdbc.sql(
              "INSERT INTO grid (code, name, division_code, district_code, geometry_wkb, area_m2,"
                  + " min_lon, min_lat, max_lon, max_lat, synthetic) VALUES (?, ?, ?, '120114',"
                  + " decode('0103000000010000000400000000000000000000000000000000000000"
                  + "000000000000F03F0000000000000000000000000000F03F000000000000F03F"
                  + "00000000000000000000000000000000', 'hex'), 1, 0, 0, 1, 1, true)")
          .params(grid, "浏览器测试网格" + i, village)
          .update();
      jdbc.sql(
              "INSERT INTO supervised_object (district_code, street_code, village_code,"
                  + " division_code, grid_code, kind, name, address, risk_level, risk_rule,"
                  + " synthetic) SELECT '120114', ?, ?, ?, ?, 'SMALL_SHOP', '浏览器测试对象' || n,"
                  + " '地址', 'RED', 'DEFAULT', true FROM generate_series(1, ?) n")
          .params(street, village, village, grid, i * 2)
          .update();
      assignments.assign(busy, grid, LocalDate.now(), "test", null, "test");
    }

    try (Browser browser = Browser.open(390, 844)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      Browser.logIn(driver, url("/login"), "admin", "admin-test-password");

      driver.get(url("/workforce/staffing?division=120114"));
      By row = By.cssSelector("#street-table tr[data-street='" + street + "']");
      wait.until(ExpectedConditions.presenceOfElementLocated(row));
      assertThat(driver.findElement(row).findElement(By.cssSelector(".status-badge")).getText())
          .isEqualTo("未达标");
      assertThat(driver.findElement(row).findElement(By.cssSelector(".shortfall")).getText())
          .isEqualTo("8"); // 2 active street officers against the outer minimum of 10

      driver.get(url("/workforce/staffing?division=" + street));
      driver.findElement(By.id("staffing-rebalance-link")).click();
      wait.until(ExpectedConditions.elementToBeClickable(By.id("rebalance-propose"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal")));
      assertThat(driver.findElements(By.cssSelector("#proposal-moves .move-row"))).isNotEmpty();
      driver.findElement(By.id("rebalance-apply")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rebalance-message")));
      assertThat(driver.findElement(By.id("proposal-status")).getText()).isEqualTo("已应用");
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT officer_id) FROM officer_assignment"
                        + " WHERE grid_code LIKE ? AND ends_on IS NULL")
                .param("TB" + street + "-%")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  private long officer(String street, String status) {
    long id =
        jdbc.sql(
                "INSERT INTO officer (district_code, division_code, name, tier, employment, status)"
                    + " VALUES ('120114', ?, ?, 'STREET', 'STAFF', ?) RETURNING id")
            .params(street, "浏览器测试网格员" + status, status)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO training_certificate (officer_id, course_id, district_code, number,"
                + " issued_on, expires_on) SELECT ?, id, '120114', ?, current_date - 10,"
                + " current_date + 100 FROM training_course WHERE code = 'GRID-PRE-POST'")
        .params(id, "BROWSER-" + id)
        .update();
    return id;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
