package cn.anwang.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver: nothing is downloaded. Where no
 * Chromium is installed the browser tests are skipped, unless {@code ANWANG_BROWSER_TESTS_REQUIRED}
 * is set (as in CI), where they fail.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** A phone-sized or desktop-sized browser, depending on the window width asked for. */
  static Browser open(int width, int height) throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && System.getenv("ANWANG_BROWSER_TESTS_REQUIRED") != null) {
      throw new IllegalStateException(
          "Browser tests are required but /usr/bin/chromium or /usr/bin/chromedriver is missing");
    }
    Assumptions.assumeTrue(
        installed, "Chromium is not installed (apt-get install chromium chromium-driver)");
    Path profile = Files.createTempDirectory("anwang-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--lang=zh-CN",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(driver, profile);
  }

  /**
   * Emulates a phone's screen exactly (headless Chromium keeps windows at least 500 px wide, so a
   * narrower window alone does not make a narrower page): width and height in CSS pixels, touch.
   */
  void emulatePhone(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 3, "mobile", true));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Logs in through the real form at {@code loginUrl} and waits until the browser has left the
   * log-in page.
   */
  static void logIn(WebDriver driver, String loginUrl, String username, String password) {
    driver.get(loginUrl);
    driver.findElement(By.name("username")).sendKeys(username);
    driver.findElement(By.name("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }
}
