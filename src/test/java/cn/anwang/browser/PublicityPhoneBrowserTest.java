package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.outreach.document.DocumentFixture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * A publicity visit recorded on the phone while offline (宣传 at a shop of the officer's grid): it
 * waits in the outbox, syncs once when the phone is back online, becomes a door-to-door activity of
 * source VISIT reaching that shop, and the street sees it on its desk page, in English. Then a
 * lecture with a photo on the publicity page, offline too: back online, one activity with one
 * photo, which the street sees on the lecture's desk page.
 */
@IntegrationTest
class PublicityPhoneBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void aPublicityVisitRecordedOfflineBecomesOneActivity() throws Exception {
    DocumentFixture.Officer officer = new DocumentFixture(mvc, json, jdbc).officerWithShops();
    Path photo = Files.createTempFile("lecture", ".png");
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(9, 9, 0x3366CC);
    ImageIO.write(img, "png", photo.toFile());
    long shop = officer.shopA();
    String shopName =
        jdbc.sql("SELECT name FROM supervised_object WHERE id = ?")
            .param(shop)
            .query(String.class)
            .single();

    try (Browser phone = Browser.open(390, 844)) {
      use(phone);
      PhoneNetwork network = new PhoneNetwork(phone.driver, wait);
      Browser.logIn(driver, url("/login"), officer.username(), "anwang-demo-2026");
      driver.get(url("/m/"));
      network.awaitOfflineReady();
      network.offline(true);
      network.visit(url("/m/inspect/" + shop));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("m-object-name"), shopName));
      new Select(driver.findElement(By.id("m-kind"))).selectByValue("PUBLICITY");
      // publicity needs no checklist
      wait.until(ExpectedConditions.attributeContains(By.id("m-items"), "class", "d-none"));
      driver.findElement(By.id("m-findings")).sendKeys("发放燃气安全宣传册两份，讲解灭火器使用");
      click(driver.findElement(By.id("m-inspect-submit")));
      WebElement done =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-inspect-done")));
      String key = done.getAttribute("data-id");
      assertThat(reached(shop)).isZero();
      network.offline(false);
      wait.withTimeout(Duration.ofSeconds(45)).until(d -> reached(shop) == 1);
      assertThat(
              jdbc.sql("SELECT count(*) FROM inspection WHERE client_id = ?::uuid")
                  .param(key)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);

      // a lecture on the phone's publicity page, offline too, reaching the other shop
      network.offline(true);
      network.visit(url("/m/"));
      click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("m-publicity-link"))));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.id("m-publicity-object-" + officer.shopB())));
      network.settle();
      new Select(driver.findElement(By.id("m-publicity-type"))).selectByValue("LECTURE");
      driver.findElement(By.id("m-publicity-place")).sendKeys("社区活动室");
      click(driver.findElement(By.id("m-publicity-submit")));
      // no times yet: the phone says so and keeps the form
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-publicity-error")));
      script(
          "document.getElementById('m-publicity-start').value = arguments[0];"
              + "document.getElementById('m-publicity-end').value = arguments[0].replace('T09', 'T10');",
          DocumentFixture.TODAY + "T09:00");
      driver.findElement(By.id("m-publicity-audience")).sendKeys("沿街商户");
      driver.findElement(By.id("m-publicity-size")).clear();
      driver.findElement(By.id("m-publicity-size")).sendKeys("25");
      click(driver.findElement(By.id("m-publicity-object-" + officer.shopB())));
      driver.findElement(By.id("m-publicity-photos")).sendKeys(photo.toString());
      click(driver.findElement(By.id("m-publicity-submit")));
      String lecture =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-publicity-done")))
              .getAttribute("data-id");
      assertThat(lectures(lecture)).isZero();
      // the activity and its photo wait in the outbox
      wait.until(ExpectedConditions.attributeToBe(By.id("m-outbox-badge"), "data-count", "2"));
      network.offline(false);
      wait.withTimeout(Duration.ofSeconds(45))
          .until(d -> lectures(lecture) == 1 && photos(lecture) == 1);
      wait.until(ExpectedConditions.attributeToBe(By.id("m-outbox-badge"), "data-count", "0"));
      assertThat(lectures(lecture)).isEqualTo(1);
      assertThat(photos(lecture)).isEqualTo(1);
      assertThat(
              jdbc.sql(
                      "SELECT a.type || ':' || a.source || ':' || a.audience_size || ':' || o.object_id"
                          + " FROM publicity_activity a JOIN publicity_object o ON o.activity_id = a.id"
                          + " WHERE a.client_id = ?::uuid")
                  .param(lecture)
                  .query(String.class)
                  .single())
          .isEqualTo("LECTURE:PHONE:25:" + officer.shopB());
    }
    long activity =
        jdbc.sql(
                "SELECT o.activity_id FROM publicity_object o JOIN publicity_activity a"
                    + " ON a.id = o.activity_id WHERE o.object_id = ? AND a.source = 'VISIT'")
            .param(shop)
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql("SELECT type || ':' || source FROM publicity_activity WHERE id = ?")
                .param(activity)
                .query(String.class)
                .single())
        .isEqualTo("DOOR_TO_DOOR:VISIT");

    long lectureId =
        jdbc.sql(
                "SELECT a.id FROM publicity_activity a JOIN publicity_object o"
                    + " ON o.activity_id = a.id WHERE o.object_id = ? AND a.source = 'PHONE'")
            .param(officer.shopB())
            .query(Long.class)
            .single();

    try (Browser desk = Browser.open(1280, 900)) {
      use(desk);
      Browser.logIn(driver, url("/login"), "heping.street", "anwang-demo-2026");
      driver.get(url("/publicity/" + activity + "?lang=en"));
      WebElement objects =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("publicity-objects")));
      assertThat(objects.getText()).contains(shopName);
      assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Door-to-door");
      assertThat(driver.findElement(By.id("publicity-detail")).getText())
          .contains("发放燃气安全宣传册两份")
          .contains("Visit");
      // the lecture's photo from the phone, shown and loaded
      driver.get(url("/publicity/" + lectureId + "?lang=en"));
      WebElement shown =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#publicity-photos img")));
      wait.until(d -> (Boolean) script("return arguments[0].naturalWidth === 40", shown));
      assertThat(driver.findElements(By.cssSelector("#publicity-photos img"))).hasSize(1);
    }
  }

  private int lectures(String clientId) {
    return jdbc.sql("SELECT count(*) FROM publicity_activity WHERE client_id = ?::uuid")
        .param(clientId)
        .query(Integer.class)
        .single();
  }

  private int photos(String activityClientId) {
    return jdbc.sql(
            "SELECT count(*) FROM publicity_photo p JOIN publicity_activity a"
                + " ON a.id = p.activity_id WHERE a.client_id = ?::uuid")
        .param(activityClientId)
        .query(Integer.class)
        .single();
  }

  private int reached(long object) {
    return jdbc.sql("SELECT count(*) FROM publicity_object WHERE object_id = ?")
        .param(object)
        .query(Integer.class)
        .single();
  }

  private void use(Browser browser) {
    driver = browser.driver;
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
  }

  private void click(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private Object script(String js, Object arg) {
    return ((JavascriptExecutor) driver).executeScript(js, arg);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
