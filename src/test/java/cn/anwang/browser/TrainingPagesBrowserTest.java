package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.notification.Notifications;
import java.time.Duration;
import java.util.List;
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
 * On a phone, a district administrator sees the bell's unread count, records a passing score on a
 * session's attendance form and finds the certificate on the officer's training record.
 */
@IntegrationTest
class TrainingPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Notifications notifications;

  @Test
  void recordsAPassingScoreAndTheCertificateShowsOnTheOfficersTrainingRecord() throws Exception {
    String code = "BROWSER-" + System.nanoTime() % 1_000_000;
    long course =
        jdbc.sql(
                "INSERT INTO training_course (district_code, code, title, topic, hours, pass_mark,"
                    + " validity_months) VALUES ('120101', ?, '浏览器测试课程', '测试', 4, 60, 24)"
                    + " RETURNING id")
            .param(code)
            .query(Long.class)
            .single();
    long officer =
        jdbc.sql(
                "INSERT INTO officer (district_code, division_code, name, tier, employment, status)"
                    + " VALUES ('120101', '120101001', '周浏览', 'STREET', 'STAFF', 'ACTIVE') RETURNING id")
            .query(Long.class)
            .single();
    long session =
        jdbc.sql(
                "INSERT INTO training_session (course_id, district_code, held_on, place, trainer,"
                    + " created_by) VALUES (?, '120101', CURRENT_DATE, '会议室', '李老师', 'test')"
                    + " RETURNING id")
            .param(course)
            .query(Long.class)
            .single();
    long admin =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.admin'")
            .query(Long.class)
            .single();
    notifications.notify(admin, "test", "notification.title", List.of(), null, "browser:" + code);

    try (Browser browser = Browser.open(412, 915)) {
      WebDriver driver = browser.driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      Browser.logIn(driver, url("/login"), "heping.admin", "anwang-demo-2026");

      driver.get(url("/workforce/training/sessions/" + session));
      WebElement count =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-count")));
      assertThat(Integer.parseInt(count.getText().replace("+", ""))).isPositive();

      By row = By.cssSelector("tr.candidate-row[data-officer='" + officer + "']");
      WebElement candidate = wait.until(ExpectedConditions.presenceOfElementLocated(row));
      candidate.findElement(By.name("attended_" + officer)).click();
      candidate.findElement(By.name("score_" + officer)).sendKeys("85");
      WebElement save = driver.findElement(By.id("attendance-save"));
      ((JavascriptExecutor) driver)
          .executeScript(
              "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
      wait.until(ExpectedConditions.elementToBeClickable(save)).click();

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("training-saved")));
      WebElement recorded =
          driver.findElement(By.cssSelector("tr.attendance-row[data-officer='" + officer + "']"));
      String number = recorded.findElement(By.className("certificate-number")).getText();
      assertThat(number).startsWith("TJ-120101-");

      driver.get(url("/workforce/officers/" + officer + "/training"));
      WebElement certificate =
          wait.until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector(".certificate-row")));
      assertThat(certificate.getText()).contains(number).contains("浏览器测试课程");
      assertThat(certificate.findElement(By.className("certificate-status")).getText())
          .isEqualTo("有效");
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
