package cn.anwang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.outreach.document.DocumentFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

/**
 * A document for one grid's small shops, from the street's form to the receipts: the preview counts
 * the shops, one enterprise acknowledges it on its page, the officer delivers to another on the
 * phone while offline (the task in his list), and once the phone is back online the document's page
 * counts both receipts.
 */
@IntegrationTest
class DocumentDeliveryBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  private WebDriver driver;
  private WebDriverWait wait;

  @Test
  void publishedAcknowledgedOnlineAndDeliveredOffline() throws Exception {
    DocumentFixture fx = new DocumentFixture(mvc, json, jdbc);
    DocumentFixture.Officer officer = fx.officerWithShops();
    String enterprise = fx.enterpriseOf(officer.shopA());
    int shops = fx.shops(officer.grid()).size();
    String title = "关于冬季用气安全的通知-" + System.nanoTime() % 100000;

    long documentId;
    try (Browser desk = Browser.open(1280, 900)) {
      use(desk);
      Browser.logIn(driver, url("/login"), "heping.street", "anwang-demo-2026");
      driver.get(url("/documents/new"));
      driver.findElement(By.id("title")).sendKeys(title);
      driver.findElement(By.id("issuer")).sendKeys("劝业场街道办事处");
      driver.findElement(By.id("number")).sendKeys("劝街安〔2026〕3号");
      driver.findElement(By.id("summary")).sendKeys("请各商铺检查燃气软管并签收本通知。");
      script(
          "document.getElementById('receiptDeadline').value = arguments[0]",
          DocumentFixture.TODAY.plusDays(7).toString());
      new Select(driver.findElement(By.id("grids"))).selectByValue(officer.grid());
      click(driver.findElement(By.id("kind-SMALL_SHOP")));
      click(driver.findElement(By.id("document-preview")));
      WebElement count =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-count")));
      assertThat(count.getAttribute("data-count")).isEqualTo(Integer.toString(shops));
      assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
      click(driver.findElement(By.id("document-publish")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("document-published")));
      documentId =
          Long.parseLong(driver.getCurrentUrl().replaceAll("^.*/documents/(\\d+).*$", "$1"));
      assertThat(counts()).containsEntry("total", Integer.toString(shops));
    }

    // the enterprise reads it and acknowledges, in English
    try (Browser company = Browser.open(800, 900)) {
      use(company);
      Browser.logIn(driver, url("/login"), enterprise, DocumentFixture.ENTERPRISE_PASSWORD);
      driver.get(url("/documents/mine?lang=en"));
      click(driver.findElement(By.cssSelector("#my-documents a")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mine-acknowledge")));
      assertThat(driver.findElement(By.id("mine-title")).getText()).isEqualTo(title);
      assertThat(driver.findElement(By.id("mine-acknowledge")).getText())
          .isEqualTo("Acknowledge receipt");
      click(driver.findElement(By.id("mine-acknowledge")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mine-acknowledged")));
      assertThat(driver.findElement(By.id("mine-status")).getAttribute("data-status"))
          .isEqualTo("RECEIVED");
    }

    // the officer delivers to the other shop on the phone, offline
    try (Browser phone = Browser.open(390, 844)) {
      use(phone);
      PhoneNetwork network = new PhoneNetwork(phone.driver, wait);
      Browser.logIn(driver, url("/login"), officer.username(), "anwang-demo-2026");
      driver.get(url("/m/"));
      network.awaitOfflineReady();
      String task =
          ".m-task[data-kind='DOCUMENT_DELIVERY'][data-object-id='" + officer.shopB() + "']";
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(task)));
      assertThat(
              driver.findElements(
                  By.cssSelector(
                      ".m-task[data-kind='DOCUMENT_DELIVERY'][data-object-id='"
                          + officer.shopA()
                          + "']")))
          .isEmpty();
      network.offline(true);
      network.visit(url("/m/"));
      click(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(task))));
      WebElement duty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-duty")));
      network.settle();
      assertThat(duty.getText()).contains(title);
      assertThat(
              new Select(driver.findElement(By.id("m-kind")))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .isEqualTo("DOCUMENT_DELIVERY");
      // a delivery has no checklist
      wait.until(ExpectedConditions.attributeContains(By.id("m-items"), "class", "d-none"));
      // no signature yet: the phone says so and keeps the form
      driver.findElement(By.id("m-signer")).sendKeys("王店长");
      click(driver.findElement(By.id("m-inspect-submit")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-inspect-error")));
      sign();
      click(driver.findElement(By.id("m-inspect-submit")));
      WebElement done =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("m-inspect-done")));
      String key = done.getAttribute("data-id");
      assertThat(received(documentId, officer.shopB())).isZero();
      network.offline(false);
      wait.withTimeout(Duration.ofSeconds(45))
          .until(d -> received(documentId, officer.shopB()) == 1);
      assertThat(
              jdbc.sql(
                      "SELECT method || ':' || signer_name FROM outreach_delivery"
                          + " WHERE document_id = ? AND object_id = ?")
                  .params(documentId, officer.shopB())
                  .query(String.class)
                  .single())
          .isEqualTo("IN_PERSON:王店长");
      assertThat(
              jdbc.sql("SELECT count(*) FROM inspection WHERE client_id = ?::uuid")
                  .param(key)
                  .query(Integer.class)
                  .single())
          .isEqualTo(1);
    }

    // the street's page counts both receipts
    try (Browser desk = Browser.open(1280, 900)) {
      use(desk);
      Browser.logIn(driver, url("/login"), "heping.street", "anwang-demo-2026");
      driver.get(url("/documents/" + documentId));
      assertThat(counts()).containsEntry("received", "2").containsEntry("overdue", "0");
      List<WebElement> rows =
          driver.findElements(By.cssSelector("#deliveries tr[data-status='RECEIVED']"));
      assertThat(rows).hasSize(2);
    }
  }

  private void use(Browser browser) {
    driver = browser.driver;
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
  }

  private Map<String, String> counts() {
    WebElement c = driver.findElement(By.id("document-counts"));
    return Map.of(
        "total", c.getAttribute("data-total"),
        "received", c.getAttribute("data-received"),
        "overdue", c.getAttribute("data-overdue"));
  }

  private int received(long document, long object) {
    return jdbc.sql(
            "SELECT count(*) FROM outreach_delivery WHERE document_id = ? AND object_id = ?"
                + " AND status = 'RECEIVED'")
        .params(document, object)
        .query(Integer.class)
        .single();
  }

  /** Draws a stroke on the signature pad, as a finger would (pointer down, moves, up). */
  private void sign() {
    WebElement pad = driver.findElement(By.id("m-signature"));
    script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", pad);
    new Actions(driver)
        .moveToElement(pad, -60, 0)
        .clickAndHold()
        .moveByOffset(40, 15)
        .moveByOffset(40, -20)
        .release()
        .perform();
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
