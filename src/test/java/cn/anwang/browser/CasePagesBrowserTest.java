package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
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
 * A general hazard through every step in Chromium: the officer reports it with a photo, picking the
 * object by search; the street registers it, dispatches it to itself, accepts it and gives
 * feedback; the officer re-inspects on site with a photo and the position; the street closes it.
 * The timeline shows every step with who did it and the photos.
 */
@IntegrationTest
class CasePagesBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void aGeneralHazardGoesRoundTheLoopInTheBrowser() throws Exception {
    var object =
        jdbc.sql(
                "SELECT id, name FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' AND lon IS NOT NULL ORDER BY id LIMIT 1 OFFSET 21")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .single();
    long objectId = (Long) object[0];
    String objectName = (String) object[1];
    Path photo = Files.createTempFile("hazard", ".png");
    BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    img.setRGB(5, 5, 0xFF8800);
    ImageIO.write(img, "png", photo.toFile());

    try (Browser browser = Browser.open(412, 915)) {
      driver = browser.driver;
      wait = new WebDriverWait(driver, Duration.ofSeconds(20));

      // the officer reports it with a photo
      login("heping.officer");
      driver.get(url("/cases/new"));
      String key = driver.findElement(By.id("idempotencyKey")).getAttribute("value");
      assertThat(key).isNotBlank();
      driver.findElement(By.id("object-q")).sendKeys(objectName);
      By result = By.cssSelector(".object-result[data-id='" + objectId + "']");
      wait.until(ExpectedConditions.elementToBeClickable(result));
      click(driver.findElement(result));
      assertThat(driver.findElement(By.id("objectId")).getAttribute("value"))
          .isEqualTo(Long.toString(objectId));
      driver.findElement(By.id("title")).sendKeys("楼道堆放易燃物");
      driver.findElement(By.id("description")).sendKeys("三楼楼道堆放纸箱，堵塞疏散通道");
      driver.findElement(By.id("photos")).sendKeys(photo.toString());
      click(driver.findElement(By.id("case-submit")));
      wait.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
      String caseUrl = driver.getCurrentUrl();
      long caseId = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
      assertThat(status()).isEqualTo("REPORTED");
      assertThat(driver.findElements(By.cssSelector("#case-actions details"))).isEmpty();

      // the street registers it, dispatches it to itself, accepts it and reports back
      login("heping.street");
      driver.get(caseUrl);
      act("REGISTER", null);
      assertThat(status()).isEqualTo("REGISTERED");
      open("DISPATCH");
      new Select(driver.findElement(By.id("handler-DISPATCH"))).selectByValue("STREET:120101001");
      driver.findElement(By.id("reason-DISPATCH")).sendKeys("属地街道整改");
      submit("DISPATCH");
      assertThat(status()).isEqualTo("DISPATCHED");
      act("ACCEPT", null);
      assertThat(status()).isEqualTo("RECTIFYING");
      act("FEEDBACK", "纸箱已清理，通道畅通");
      assertThat(status()).isEqualTo("FEEDBACK_SUBMITTED");

      // the officer re-inspects on site with a photo and the position
      login("heping.officer");
      driver.get(caseUrl);
      open("REINSPECT_PASS");
      driver.findElement(By.id("lon-REINSPECT_PASS")).sendKeys("117.2011");
      driver.findElement(By.id("lat-REINSPECT_PASS")).sendKeys("39.1203");
      driver.findElement(By.id("files-REINSPECT_PASS")).sendKeys(photo.toString());
      driver.findElement(By.id("reason-REINSPECT_PASS")).sendKeys("现场复查合格");
      submit("REINSPECT_PASS");
      assertThat(status()).isEqualTo("REINSPECTED");

      // the street closes it
      login("heping.street");
      driver.get(caseUrl);
      act("CLOSE", "整改完毕，结案");
      assertThat(status()).isEqualTo("CLOSED");
      assertThat(driver.findElements(By.cssSelector("#case-actions details"))).isEmpty();

      List<WebElement> lines = driver.findElements(By.cssSelector("#case-timeline > li"));
      assertThat(lines.stream().map(l -> l.getAttribute("data-action")))
          .containsExactly(
              "REPORT", "REGISTER", "DISPATCH", "ACCEPT", "FEEDBACK", "REINSPECT_PASS", "CLOSE");
      assertThat(lines.get(2).getText()).contains("属地街道整改");
      assertThat(lines.get(4).getText()).contains("纸箱已清理");
      assertThat(lines.get(5).getText()).contains("现场复查合格").contains("117.2011");
      assertThat(lines.get(6).getText()).contains("整改完毕");
      // the photos of the report and of the re-inspection are shown (and actually loaded)
      for (int i : new int[] {0, 5}) {
        WebElement thumb = lines.get(i).findElement(By.cssSelector("img.img-thumbnail"));
        wait.until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth === 32",
                            thumb));
      }
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM case_attachment a JOIN case_event e ON e.id = a.event_id"
                          + " WHERE a.case_id = ? AND e.action IN ('REPORT', 'REINSPECT_PASS')")
                  .param(caseId)
                  .query(Long.class)
                  .single())
          .isEqualTo(2L);
      assertThat(
              jdbc.sql("SELECT count(*) FROM safety_case WHERE idempotency_key = ?")
                  .param(key)
                  .query(Long.class)
                  .single())
          .isEqualTo(1L);
    } finally {
      Files.deleteIfExists(photo);
    }
  }

  private void login(String user) {
    driver.manage().deleteAllCookies();
    driver.get(url("/login"));
    driver.findElement(By.name("username")).sendKeys(user);
    driver.findElement(By.name("password")).sendKeys("anwang-demo-2026");
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  private String status() {
    return driver.findElement(By.id("case-status")).getAttribute("data-status");
  }

  private void open(String action) {
    click(driver.findElement(By.cssSelector("#action-" + action + " > summary")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("do-" + action)));
  }

  private void submit(String action) {
    WebElement button = driver.findElement(By.id("do-" + action));
    click(button);
    wait.until(ExpectedConditions.stalenessOf(button));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-message")));
  }

  private void act(String action, String reason) {
    open(action);
    if (reason != null) {
      driver.findElement(By.id("reason-" + action)).sendKeys(reason);
    }
    submit(action);
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
