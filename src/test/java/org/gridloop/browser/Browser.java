package org.gridloop.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian chromium driven by Debian's chromedriver, with a fresh profile, and the
 * screenshots of one test: {@code target/screenshots/<test>/NN-step.png} (beside them the
 * chromedriver log and, for a failed test, the page's source, address and console).
 *
 * <p>Both binaries are given by path, so Selenium Manager never looks for (or downloads) a browser
 * or a driver. Tests get a browser from {@link BrowserExtension}, which skips them when chromium is
 * missing (or fails them when {@value BrowserExtension#REQUIRED_PROPERTY}=required) and closes the
 * browser after the test, with a screenshot and the page source when the test failed.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** The longest any single wait may take: the webapps' first load on a busy 2-core machine. */
  public static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration PAGE_LOAD = Duration.ofSeconds(60);
  private static final Duration SCRIPT = Duration.ofSeconds(30);

  static {
    // Selenium 4.31 ships CDP bindings up to v135 only and logs a warning for every newer
    // chromium; these tests use WebDriver, not CDP.
    Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder").setLevel(Level.OFF);
    Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver").setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path profile;
  private final Screenshots screenshots;
  private final String name;

  private Browser(ChromeDriver driver, Path profile, Screenshots screenshots, String name) {
    this.driver = driver;
    this.profile = profile;
    this.screenshots = screenshots;
    this.name = name;
  }

  /**
   * Starts chromium.
   *
   * @param name a short name for the log and failure screenshots (e.g. "wangfang")
   * @param language the browser's language (e.g. "en-US", "zh-CN"): {@code --lang} and the
   *     Accept-Language preference, which is what the Camunda webapps read
   */
  static Browser start(String name, String language, Screenshots screenshots) {
    Path profile;
    try {
      profile = Files.createTempDirectory("gridloop-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--no-default-browser-check", "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--lang=" + language);
    String primary = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages",
        language.equals(primary) ? language : language + "," + primary));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL); // the console, saved when a test fails
    options.setCapability("goog:loggingPrefs", logs);
    options.setPageLoadTimeout(PAGE_LOAD);
    options.setScriptTimeout(SCRIPT);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .withLogLevel(ChromiumDriverLogLevel.WARNING)
        .withLogFile(screenshots.directory().resolve("chromedriver-" + name + ".log").toFile())
        .build();
    try {
      return new Browser(new ChromeDriver(service, options), profile, screenshots, name);
    } catch (RuntimeException e) {
      deleteQuietly(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  public String name() {
    return name;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Saves {@code NN-step.png} in the test's screenshot folder and returns its path. */
  public Path screenshot(String step) {
    return screenshots.save(driver, name + "-" + step);
  }

  /** A bounded explicit wait. */
  public WebDriverWait waiting() {
    return waiting(WAIT);
  }

  public WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  public <T> T until(String what, Function<WebDriver, T> condition) {
    WebDriverWait wait = waiting();
    wait.withMessage(what);
    return wait.until(condition);
  }

  public WebElement visible(By locator) {
    return until("visible: " + locator, ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** The text of a visible element, read again if the page re-renders it meanwhile (a stale element). */
  public String textOf(By locator) {
    return until("the text of " + locator, d -> {
      WebElement element = d.findElement(locator);
      return element.isDisplayed() ? element.getText() : null;
    });
  }

  public WebElement clickable(By locator) {
    return until("clickable: " + locator, ExpectedConditions.elementToBeClickable(locator));
  }

  /**
   * Scrolls the element into the middle of the view and clicks it once it can take the click; if the
   * page re-renders it meanwhile (Tasklist refreshes its list), finds it again.
   */
  public void click(By locator) {
    until("clickable: " + locator, d -> {
      WebElement element = d.findElement(locator);
      scrollTo(element);
      if (!element.isDisplayed() || !element.isEnabled()) {
        return null;
      }
      element.click();
      return true;
    });
  }

  /** Replaces the text of an input and waits until it holds exactly that text. */
  public void type(By locator, String text) {
    WebElement input = visible(locator);
    scrollTo(input);
    input.clear();
    input.sendKeys(text);
    until(locator + " to hold the text", d -> text.equals(d.findElement(locator).getDomProperty("value")));
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The visible text of the whole page. */
  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** A screenshot and the page source, for a test that failed. */
  void saveFailure() {
    try {
      screenshots.save(driver, name + "-failure");
      Files.writeString(screenshots.directory().resolve(name + "-failure.html"), driver.getPageSource(),
          StandardCharsets.UTF_8);
      Files.writeString(screenshots.directory().resolve(name + "-failure.url"), driver.getCurrentUrl(),
          StandardCharsets.UTF_8);
      StringBuilder console = new StringBuilder();
      for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
        console.append(entry).append('\n');
      }
      Files.writeString(screenshots.directory().resolve(name + "-failure-console.log"), console,
          StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      System.err.println("Could not save the failure of browser " + name + ": " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // a profile left in /tmp is harmless
    }
  }

  /** The numbered screenshots of one test. */
  static final class Screenshots {

    private final Path directory;
    private int next = 1;

    Screenshots(Path directory) {
      this.directory = directory;
      try {
        if (Files.isDirectory(directory)) {
          try (Stream<Path> old = Files.list(directory)) {
            for (Path file : old.toList()) {
              Files.deleteIfExists(file); // the screenshots of an earlier run of this test
            }
          }
        }
        Files.createDirectories(directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Path directory() {
      return directory;
    }

    synchronized Path save(WebDriver driver, String step) {
      Path file = directory.resolve(String.format("%02d-%s.png", next++, step.replaceAll("[^A-Za-z0-9._-]", "_")));
      try {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(shot.toPath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return file;
    }
  }
}
