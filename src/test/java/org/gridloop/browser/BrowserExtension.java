package org.gridloop.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a browser test its chromium browsers and screenshot folder.
 *
 * <p>Before each test it checks that Debian's chromium and chromedriver are installed. Without
 * them the test is skipped (a developer's machine need not have a browser), unless the system
 * property {@value #REQUIRED_PROPERTY} is {@code required} (CI sets it): then the test fails.
 * After the test it saves a screenshot and the page source of every browser if the test failed,
 * and closes them.
 *
 * <pre>
 * {@literal @}RegisterExtension BrowserExtension browsers = new BrowserExtension();
 * Browser browser = browsers.start("wangfang", "en-US");
 * </pre>
 */
public final class BrowserExtension implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

  public static final String REQUIRED_PROPERTY = "gridloop.browser-tests";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final List<Browser> open = new ArrayList<>();
  private Browser.Screenshots screenshots;

  @Override
  public void beforeEach(ExtensionContext context) {
    String missing = missingBinaries();
    if (missing != null) {
      String message = "Browser tests need Debian's chromium and chromium-driver (" + missing + " is missing): "
          + "apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk";
      if ("required".equals(System.getProperty(REQUIRED_PROPERTY))) {
        fail(message + " [" + REQUIRED_PROPERTY + "=required]");
      }
      Assumptions.abort("Skipped: " + message
          + " (set -D" + REQUIRED_PROPERTY + "=required to fail instead)");
    }
    String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    screenshots = new Browser.Screenshots(SCREENSHOTS.resolve(test));
  }

  /** Starts a headless chromium for this test; it is closed after the test. */
  public Browser start(String name, String language) {
    if (screenshots == null) {
      throw new IllegalStateException("A browser can only be started inside a test");
    }
    Browser browser = Browser.start(name, language, screenshots);
    open.add(browser);
    return browser;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      open.forEach(Browser::saveFailure);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    RuntimeException first = null;
    for (Browser browser : open) {
      try {
        browser.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    open.clear();
    screenshots = null;
    if (first != null) {
      throw first;
    }
  }

  /** The first binary that is not installed, or null when both are. */
  static String missingBinaries() {
    for (Path binary : List.of(Browser.CHROMIUM, Browser.CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        return binary.toString();
      }
    }
    return null;
  }
}
