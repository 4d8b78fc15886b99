package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.inspection.mobile.PhoneFixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An officer's stretch offline on a phone-sized Chromium: the service worker installs and caches
 * the pages and the officer's data; with the network cut (Chromium's network emulation, for the
 * page and for the service worker, whose traffic is its own DevTools target) the officer records an
 * inspection with a photo and reports a hazard; both wait in the outbox; back online they sync, and
 * the server holds exactly one inspection and one case for their client ids, even after the phone
 * sends them again.
 */
@IntegrationTest
class PhoneOfflineBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private ChromeDriver driver;
  private WebDriverWait wait;
  private PhoneNetwork network;

  @Test
  void recordsOfflineAndSyncsOnceWhenBackOnline() throws Exception {
    Path photo = Files.createTempFile("inspection", ".png");
    BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    img.setRGB(7, 7, 0x33AA55);
    ImageIO.write(img, "png", photo.toFile());
    try (PhoneFixtures area = new PhoneFixtures(jdbc);
        Browser browser = Browser.open(360, 740)) {
      driver = browser.driver;
      wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      network = new PhoneNetwork(driver, wait);
      wait.withMessage(network::describe);
      long objectId = area.objectIds().get(0);
      double[] place =
          jdbc.sql("SELECT lon, lat FROM supervised_object WHERE id = ?")
              .param(objectId)
              .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
              .single();
      driver.executeCdpCommand(
          "Browser.grantPermissions",
          Map.of("origin", url(""), "permissions", List.of("geolocation")));
      driver.executeCdpCommand(
          "Emulation.setGeolocationOverride",
          Map.of("longitude", place[0], "latitude", place[1], "accuracy", 10));

      login();
      driver.get(url("/m/"));
      network.awaitOfflineReady();
      assertThat(driver.findElement(By.id("m-outbox-badge")).getAttribute("data-count"))
          .isEqualTo("0");

      network.offline(true);
      // the report page comes from the service worker's cache
      network.visit(url("/m/report"));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-offline")));
      driver.findElement(By.id("m-report-title")).sendKeys("仓库门口堆放液化气瓶");
      driver.findElement(By.id("m-report-description")).sendKeys("离线上报：三只气瓶无固定");
      click(driver.findElement(By.id("m-report-submit")));
      WebElement reported =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-report-done")));
      String caseKey = reported.getAttribute("data-id");
      assertThat(caseKey).hasSize(36);

      // an inspection with a photo, offline, the checklist from the cache
      network.visit(url("/m/inspect/" + objectId));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#m-items .m-item")));
      List<WebElement> items = driver.findElements(By.cssSelector("#m-items .m-item"));
      String failedKey = null;
      for (WebElement item : items) {
        List<WebElement> choices = item.findElements(By.cssSelector("input.btn-check"));
        if (!choices.isEmpty()) {
          String answer = failedKey == null ? "NO" : "YES";
          click(item.findElement(By.cssSelector("input[value='" + answer + "'] + label")));
          if (failedKey == null) {
            failedKey = item.getAttribute("data-key");
          }
        } else {
          WebElement field = item.findElement(By.cssSelector("input[name^='answer-']"));
          field.sendKeys("number".equals(field.getAttribute("type")) ? "1" : "正常");
        }
        for (WebElement file : item.findElements(By.cssSelector("input[type=file]"))) {
          if (item.getText().contains("*")) {
            file.sendKeys(photo.toString());
          }
        }
      }
      driver.findElement(By.id("m-photos")).sendKeys(photo.toString());
      driver.findElement(By.id("m-findings")).sendKeys("离线检查：通道堆物");
      driver.findElement(By.id("m-signer")).sendKeys("张店长");
      click(driver.findElement(By.id("m-inspect-submit")));
      WebElement done =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-inspect-done")));
      String inspectionKey = done.getAttribute("data-id");

      // both wait in the outbox, with the badge on every page
      network.visit(url("/m/outbox"));
      wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.cssSelector(".m-outbox-item[data-id='" + inspectionKey + "']")));
      assertThat(status(caseKey)).isEqualTo("waiting");
      assertThat(status(inspectionKey)).isEqualTo("waiting");
      assertThat(statuses("photo")).isNotEmpty().containsOnly("waiting");
      int waiting = statuses(null).size();
      // the badge is counted from the phone's queue after the page has loaded
      wait.until(
          ExpectedConditions.attributeToBe(
              By.id("m-outbox-badge"), "data-count", Integer.toString(waiting)));
      assertThat(count("SELECT count(*) FROM safety_case WHERE idempotency_key = ?", caseKey))
          .isZero();
      assertThat(count("SELECT count(*) FROM inspection WHERE client_id = ?::uuid", inspectionKey))
          .isZero();

      // back online: everything syncs by itself
      network.offline(false);
      try {
        wait.until(d -> "synced".equals(status(caseKey)) && "synced".equals(status(inspectionKey)));
      } catch (org.openqa.selenium.TimeoutException e) {
        throw new AssertionError("not synced: " + outboxDump(), e);
      }
      wait.until(d -> statuses(null).stream().allMatch("synced"::equals));
      wait.until(
          d -> "0".equals(driver.findElement(By.id("m-outbox-badge")).getAttribute("data-count")));
      assertThat(count("SELECT count(*) FROM safety_case WHERE idempotency_key = ?", caseKey))
          .isEqualTo(1);
      assertThat(count("SELECT count(*) FROM inspection WHERE client_id = ?::uuid", inspectionKey))
          .isEqualTo(1);
      assertThat(
              count(
                  "SELECT count(*) FROM inspection_photo p WHERE p.id::text IN (SELECT"
                      + " jsonb_array_elements_text(?::jsonb))",
                  photoIds()))
          .isEqualTo(
              driver.findElements(By.cssSelector(".m-outbox-item[data-kind='photo']")).size());

      // the phone sends everything again (as after a lost answer): still one of each
      Object resent =
          ((JavascriptExecutor) driver)
              .executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "import('/m/js/outbox.js').then(async (o) => {"
                      + "  const all = await o.all();"
                      + "  for (const i of all) { i.status = 'waiting'; i.nextAt = 0;"
                      + "    await new Promise((ok) => { const r = indexedDB.open('anwang-m', 1);"
                      + "      r.onsuccess = () => { const t = r.result.transaction('outbox', 'readwrite');"
                      + "        t.objectStore('outbox').put(i); t.oncomplete = ok; }; }); }"
                      + "  await o.syncAll(true);"
                      + "  done((await o.all()).filter((i) => i.status === 'synced').length);"
                      + "}).catch((e) => done(String(e)));");
      assertThat(resent).isInstanceOf(Long.class);
      assertThat(count("SELECT count(*) FROM safety_case WHERE idempotency_key = ?", caseKey))
          .isEqualTo(1);
      assertThat(count("SELECT count(*) FROM inspection WHERE client_id = ?::uuid", inspectionKey))
          .isEqualTo(1);

      // the failed item becomes a case in one tap
      driver.navigate().refresh();
      WebElement tap =
          wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector(
                      ".m-outbox-item[data-id='"
                          + inspectionKey
                          + "'] .m-item-case[data-key='"
                          + failedKey
                          + "']")));
      click(tap);
      wait.until(
          d ->
              driver
                      .findElements(
                          By.cssSelector(
                              ".m-outbox-item[data-kind='itemCase'][data-status='synced']"))
                      .size()
                  == 1);
      assertThat(
              count(
                  "SELECT count(*) FROM inspection_failed_item f JOIN inspection i ON i.id ="
                      + " f.inspection_id WHERE i.client_id = ?::uuid AND f.case_id IS NOT NULL",
                  inspectionKey))
          .isEqualTo(1);
    } finally {
      Files.deleteIfExists(photo);
    }
  }

  @Test
  void aRefusedPhotoShowsTheServersReasonAndOnceDiscardedTheInspectionGoesWithoutIt()
      throws Exception {
    Path good = Files.createTempFile("good", ".png");
    BufferedImage img = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
    ImageIO.write(img, "png", good.toFile());
    Path bad = Files.createTempFile("not-a-photo", ".png");
    Files.writeString(bad, "this is text, not an image");
    try (PhoneFixtures area = new PhoneFixtures(jdbc);
        Browser browser = Browser.open(360, 740)) {
      driver = browser.driver;
      wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
      login();
      driver.get(url("/m/inspect/" + area.objectIds().get(1)));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#m-items .m-item")));
      for (WebElement item : driver.findElements(By.cssSelector("#m-items .m-item"))) {
        if (!item.findElements(By.cssSelector("input.btn-check")).isEmpty()) {
          click(item.findElement(By.cssSelector("input[value='YES'] + label")));
        } else {
          WebElement field = item.findElement(By.cssSelector("input[name^='answer-']"));
          field.sendKeys("number".equals(field.getAttribute("type")) ? "2" : "正常");
        }
        if (item.getText().contains("*")) {
          item.findElement(By.cssSelector("input[type=file]")).sendKeys(good.toString());
        }
      }
      driver.findElement(By.id("m-photos")).sendKeys(bad.toString());
      click(driver.findElement(By.id("m-inspect-submit")));
      String inspectionKey =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-inspect-done")))
              .getAttribute("data-id");

      driver.get(url("/m/outbox"));
      wait.until(d -> statuses("photo").contains("rejected"));
      WebElement refused =
          driver.findElement(By.cssSelector(".m-outbox-item[data-status='rejected']"));
      // the server's reason, in the page's language, and the count of what is not on the server
      assertThat(refused.findElement(By.cssSelector(".m-error")).getText()).contains("422");
      assertThat(status(inspectionKey)).isEqualTo("waiting");
      assertThat(count("SELECT count(*) FROM inspection WHERE client_id = ?::uuid", inspectionKey))
          .isZero();
      wait.until(
          d -> "2".equals(driver.findElement(By.id("m-outbox-badge")).getAttribute("data-count")));

      String refusedId = refused.getAttribute("data-id");
      click(refused.findElement(By.cssSelector(".btn-outline-danger")));
      wait.until(d -> "synced".equals(status(inspectionKey)));
      assertThat(statuses("photo")).containsOnly("synced");
      assertThat(count("SELECT count(*) FROM inspection WHERE client_id = ?::uuid", inspectionKey))
          .isEqualTo(1);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM inspection WHERE client_id = ?::uuid"
                          + " AND NOT (?::uuid = ANY (photo_ids))")
                  .params(inspectionKey, refusedId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);

      // another officer on the same phone sees (and sends) none of it
      driver.manage().deleteAllCookies();
      login("xiqing.officer");
      driver.get(url("/m/outbox"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("m-outbox"), "没有待同步的内容"));
      assertThat(statuses(null)).isEmpty();
    } finally {
      Files.deleteIfExists(good);
      Files.deleteIfExists(bad);
    }
  }

  /** The outbox as the page sees it (without photo contents), for failure messages. */
  private Object outboxDump() {
    return ((JavascriptExecutor) driver)
        .executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "import('/m/js/outbox.js').then((o) => o.all()).then(async (all) => done(JSON.stringify("
                + "{locks: await navigator.locks.query(), items: "
                + "all.map((i) => ({kind: i.kind, status: i.status, error: i.error, attempts: i.attempts,"
                + " nextAt: i.nextAt - Date.now(), online: navigator.onLine}))})))"
                + ".catch((e) => done(String(e)));");
  }

  private String photoIds() {
    return (String)
        script(
            "return JSON.stringify(Array.from(document.querySelectorAll("
                + "'.m-outbox-item[data-kind=\"photo\"]')).map((e) => e.dataset.id));");
  }

  private long count(String sql, String param) {
    return jdbc.sql(sql).param(param).query(Long.class).single();
  }

  /** An outbox item's status as shown (read in one go: the list re-renders on every change). */
  private String status(String id) {
    return (String)
        script(
            "const e = document.querySelector(`.m-outbox-item[data-id='${arguments[0]}']`);"
                + " return e ? e.dataset.status : null;",
            id);
  }

  /** The statuses of the outbox items of a kind (all kinds when null). */
  @SuppressWarnings("unchecked")
  private List<String> statuses(String kind) {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll('.m-outbox-item'))"
                + ".filter((e) => !arguments[0] || e.dataset.kind === arguments[0])"
                + ".map((e) => e.dataset.status);",
            kind);
  }

  private Object script(String js) {
    return ((JavascriptExecutor) driver).executeScript(js);
  }

  private void login() {
    login(PhoneFixtures.USER);
  }

  private void login(String user) {
    Browser.logIn(driver, url("/login"), user, "anwang-demo-2026");
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
