package cn.anwang.browser;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.Connection;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.idealized.target.model.SessionID;
import org.openqa.selenium.devtools.idealized.target.model.TargetInfo;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Cuts or restores the network of a phone page and of its service worker (whose traffic is its own
 * DevTools target), as Chromium's network emulation does for a phone that loses its signal.
 */
final class PhoneNetwork {

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private DevTools devTools;
  private SessionID workerSession;
  private boolean offline;

  PhoneNetwork(ChromeDriver driver, WebDriverWait wait) {
    this.driver = driver;
    this.wait = wait;
  }

  /**
   * Waits on a phone page until the service worker controls it and the officer's data is cached:
   * from then on the phone pages work offline.
   */
  void awaitOfflineReady() {
    try {
      wait.until(d -> offlineReady());
    } catch (TimeoutException e) {
      // on a loaded machine the first install can miss its turn; the page registers the service
      // worker again on every load, as the officer's next visit would
      System.err.println(
          "PhoneNetwork: not offline-ready after a wait (" + describe() + "); reload");
      driver.navigate().refresh();
      new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> offlineReady());
    }
  }

  private boolean offlineReady() {
    return Boolean.TRUE.equals(
        driver.executeScript(
            "return !!navigator.serviceWorker.controller"
                + " && document.documentElement.dataset.prefetched === 'done'"));
  }

  /**
   * Opens a page the way the officer does. While the network is cut the new page must be offline
   * too: Chromium now and then starts a navigated page with {@code navigator.onLine} true although
   * the emulation is still set (the service worker, its own target, stays offline), so the page's
   * conditions are applied again and awaited; a page that did not load says what it showed.
   */
  void visit(String url) {
    driver.get(url);
    settle();
  }

  /**
   * After a navigation the page started itself (a link clicked): the same check as {@link #visit}.
   */
  void settle() {
    if (offline && Boolean.TRUE.equals(driver.executeScript("return navigator.onLine"))) {
      System.err.println(
          "PhoneNetwork: " + driver.getCurrentUrl() + " came up online while offline; cut again");
      emulatePage(conditions(true));
      wait.until(d -> Boolean.FALSE.equals(driver.executeScript("return navigator.onLine")));
    }
  }

  /** What the page shows, for a failed wait's message. */
  String describe() {
    try {
      return "page "
          + driver.getCurrentUrl()
          + " title '"
          + driver.getTitle()
          + "' onLine="
          + driver.executeScript("return navigator.onLine")
          + " controlled="
          + driver.executeScript(
              "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)");
    } catch (RuntimeException e) {
      return "page unreadable: " + e;
    }
  }

  private static Map<String, Object> conditions(boolean offline) {
    return Map.of(
        "offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
  }

  private void emulatePage(Map<String, Object> conditions) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
  }

  void offline(boolean offline) throws Exception {
    this.offline = offline;
    Map<String, Object> conditions = conditions(offline);
    emulatePage(conditions);
    if (devTools == null) {
      devTools = driver.getDevTools();
      devTools.createSessionIfThereIsNotOne();
    }
    if (workerSession == null) {
      TargetInfo worker =
          devTools.send(devTools.getDomains().target().getTargets()).stream()
              .filter(t -> "service_worker".equals(t.getType()) && t.getUrl().endsWith("/m/sw.js"))
              .findFirst()
              .orElseThrow();
      workerSession =
          devTools.send(devTools.getDomains().target().attachToTarget(worker.getTargetId()));
    }
    Connection connection = connection(devTools);
    connection.sendAndWait(
        workerSession, new Command<Void>("Network.enable", Map.of()), Duration.ofSeconds(10));
    connection.sendAndWait(
        workerSession,
        new Command<Void>("Network.emulateNetworkConditions", conditions),
        Duration.ofSeconds(10));
    wait.until(d -> offline != (Boolean) driver.executeScript("return navigator.onLine"));
  }

  /** Selenium sends only to page sessions; the service worker's session needs the connection. */
  private static Connection connection(DevTools devTools) throws Exception {
    Field field = DevTools.class.getDeclaredField("connection");
    field.setAccessible(true);
    return (Connection) field.get(devTools);
  }
}
