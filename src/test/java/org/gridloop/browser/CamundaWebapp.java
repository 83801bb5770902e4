package org.gridloop.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What Tasklist, Cockpit and Admin share: their address and Camunda's own login page
 * ({@code camunda-commons-ui/lib/auth/page/form.html}: a form {@code signinForm} with a text input
 * for the user name, a password input and a submit button; no name attributes).
 */
abstract class CamundaWebapp {

  static final By LOGIN_FORM = By.cssSelector("form[name='signinForm']");
  static final By USERNAME = By.cssSelector("form[name='signinForm'] input[ng-model='username']");
  static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[type='password']");
  static final By LOG_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");

  protected final Browser browser;
  private final String url;

  /** @param app "tasklist", "cockpit" or "admin" */
  CamundaWebapp(Browser browser, int port, String app) {
    this.browser = browser;
    this.url = "http://localhost:" + port + "/camunda/app/" + app + "/default/";
  }

  String url() {
    return url;
  }

  /** Opens the webapp and waits for its login page. */
  void openLoginPage() {
    browser.open(url);
    browser.visible(USERNAME);
    browser.visible(LOG_IN);
  }

  /** Logs in on the login page and waits until the webapp has left it. */
  void logIn(String user, String password) {
    // The login form may still be re-rendering (Angular, autofocus) when typing starts, so keys can
    // land in the wrong field: type, check both fields, and type again if they are not as meant.
    browser.until("the login form to hold " + user + "'s credentials", d -> {
      WebElement name = browser.visible(USERNAME);
      name.clear();
      name.sendKeys(user);
      WebElement secret = browser.visible(PASSWORD);
      secret.clear();
      secret.sendKeys(password);
      return user.equals(browser.visible(USERNAME).getDomProperty("value"))
          && password.equals(browser.visible(PASSWORD).getDomProperty("value"));
    });
    browser.click(LOG_IN);
    browser.until("the login page to close for " + user, ExpectedConditions.and(
        ExpectedConditions.invisibilityOfElementLocated(LOGIN_FORM),
        ExpectedConditions.not(ExpectedConditions.urlContains("#/login"))));
  }

  /** The placeholder of an input (the login page's labels are placeholders). */
  String placeholder(By input) {
    return browser.visible(input).getDomAttribute("placeholder");
  }
}
