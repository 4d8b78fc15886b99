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

  /**
   * The other paths: a department that returns the case as not its own (a wrong dispatch), the
   * enterprise itself as the handler, with evidence, a failed re-inspection (rework) and a second
   * feedback.
   */
  @Test
  void aHazardIsReturnedByADepartmentThenReworkedByTheEnterpriseInTheBrowser() throws Exception {
    var object =
        jdbc.sql(
                "SELECT id, name FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' AND lon IS NOT NULL ORDER BY id LIMIT 1 OFFSET 23")
            .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .single();
    long objectId = (Long) object[0];
    String objectName = (String) object[1];
    long enterprise =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.qiye'")
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO object_account (object_id, district_code, user_id, created_by)"
                + " SELECT id, district_code, ?, 'test' FROM supervised_object WHERE id = ?"
                + " ON CONFLICT DO NOTHING")
        .params(enterprise, objectId)
        .update();
    Path photo = Files.createTempFile("evidence", ".png");
    BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    img.setRGB(3, 3, 0x00AA00);
    ImageIO.write(img, "png", photo.toFile());

    try (Browser browser = Browser.open(412, 915)) {
      driver = browser.driver;
      wait = new WebDriverWait(driver, Duration.ofSeconds(20));

      login("heping.officer");
      driver.get(url("/cases/new"));
      driver.findElement(By.id("object-q")).sendKeys(objectName);
      By result = By.cssSelector(".object-result[data-id='" + objectId + "']");
      wait.until(ExpectedConditions.elementToBeClickable(result));
      click(driver.findElement(result));
      driver.findElement(By.id("title")).sendKeys("灭火器过期");
      driver.findElement(By.id("description")).sendKeys("店内两具灭火器压力不足");
      click(driver.findElement(By.id("case-submit")));
      wait.until(ExpectedConditions.urlMatches("/cases/\\d+$"));
      String caseUrl = driver.getCurrentUrl();
      long caseId = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));

      // the street sends it to the emergency department, which returns it as not its own
      login("heping.street");
      driver.get(caseUrl);
      act("REGISTER", null);
      open("DISPATCH");
      new Select(driver.findElement(By.id("handler-DISPATCH")))
          .selectByValue("DEPARTMENT:120101-YJ");
      submit("DISPATCH");
      assertThat(status()).isEqualTo("DISPATCHED");
      login("heping.yingji");
      driver.get(caseUrl);
      act("RETURN", "不属于本部门职责");
      // the case has left the department's view: it lands on its inbox
      assertThat(driver.getCurrentUrl()).endsWith("/cases/inbox");

      // back with the street, registered again, and redispatched to the enterprise itself
      login("heping.street");
      driver.get(caseUrl);
      assertThat(status()).isEqualTo("REGISTERED");
      open("DISPATCH");
      new Select(driver.findElement(By.id("handler-DISPATCH")))
          .selectByValue("ENTERPRISE:" + objectId);
      driver.findElement(By.id("reason-DISPATCH")).sendKeys("企业自行整改");
      submit("DISPATCH");
      assertThat(status()).isEqualTo("DISPATCHED");

      // the enterprise accepts, shows its evidence with a photo and reports back
      login("heping.qiye");
      driver.get(caseUrl);
      act("ACCEPT", null);
      assertThat(status()).isEqualTo("RECTIFYING");
      open("EVIDENCE");
      driver.findElement(By.id("files-EVIDENCE")).sendKeys(photo.toString());
      driver.findElement(By.id("reason-EVIDENCE")).sendKeys("已送检一具");
      submit("EVIDENCE");
      act("FEEDBACK", "已更换");
      assertThat(status()).isEqualTo("FEEDBACK_SUBMITTED");

      // on site the officer finds it not done: rework
      login("heping.officer");
      driver.get(caseUrl);
      open("REWORK");
      driver.findElement(By.id("lon-REWORK")).sendKeys("117.2011");
      driver.findElement(By.id("lat-REWORK")).sendKeys("39.1203");
      driver.findElement(By.id("files-REWORK")).sendKeys(photo.toString());
      driver.findElement(By.id("reason-REWORK")).sendKeys("仍有一具未更换");
      submit("REWORK");
      assertThat(status()).isEqualTo("RECTIFYING");

      login("heping.qiye");
      driver.get(caseUrl);
      act("FEEDBACK", "两具均已更换");
      login("heping.officer");
      driver.get(caseUrl);
      open("REINSPECT_PASS");
      driver.findElement(By.id("lon-REINSPECT_PASS")).sendKeys("117.2011");
      driver.findElement(By.id("lat-REINSPECT_PASS")).sendKeys("39.1203");
      driver.findElement(By.id("files-REINSPECT_PASS")).sendKeys(photo.toString());
      submit("REINSPECT_PASS");
      login("heping.street");
      driver.get(caseUrl);
      act("CLOSE", "结案");
      assertThat(status()).isEqualTo("CLOSED");

      List<WebElement> lines = driver.findElements(By.cssSelector("#case-timeline > li"));
      assertThat(lines.stream().map(l -> l.getAttribute("data-action")))
          .containsExactly(
              "REPORT",
              "REGISTER",
              "DISPATCH",
              "RETURN",
              "DISPATCH",
              "ACCEPT",
              "EVIDENCE",
              "FEEDBACK",
              "REWORK",
              "FEEDBACK",
              "REINSPECT_PASS",
              "CLOSE");
      assertThat(lines.get(3).getText()).contains("不属于本部门职责");
      assertThat(lines.get(6).findElements(By.cssSelector("img.img-thumbnail"))).hasSize(1);
      var counts =
          jdbc.sql("SELECT wrong_dispatch_count, rework_count FROM safety_case WHERE id = ?")
              .param(caseId)
              .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
              .single();
      assertThat(counts).containsExactly(1, 1);
    } finally {
      jdbc.sql("DELETE FROM object_account WHERE object_id = ? AND user_id = ?")
          .params(objectId, enterprise)
          .update();
      Files.deleteIfExists(photo);
    }
  }

  private void login(String user) {
    driver.manage().deleteAllCookies();
    Browser.logIn(driver, url("/login"), user, "anwang-demo-2026");
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
