package org.gridloop.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Cockpit (7.24) with GridLoop's SLA dashboard plugin ({@code gridloop-sla.js}: the
 * header entry {@code #gridloop-sla-nav}, the page {@code #gridloop-sla} at {@code #/gridloop-sla},
 * the escalations table {@code table.gridloop-sla-escalations} whose case rows are
 * {@code tr.gridloop-sla-row[data-case-number]}, each linking to its process instance with
 * {@code a.gridloop-sla-instance-link}).
 */
final class Cockpit extends CamundaWebapp {

  static final By SLA_NAV = By.id("gridloop-sla-nav");
  static final By SLA_PAGE = By.id("gridloop-sla");
  static final By SLA_REFRESH = By.id("gridloop-sla-refresh");
  static final By SLA_ERROR = By.id("gridloop-sla-error");
  static final By ESCALATIONS = By.cssSelector("#gridloop-sla table.gridloop-sla-escalations");

  Cockpit(Browser browser, int port) {
    super(browser, port, "cockpit");
  }

  /** Logs in and waits for Cockpit's header with the SLA entry. */
  void logInAs(String user, String password) {
    openLoginPage();
    logIn(user, password);
    browser.until("Cockpit's SLA entry in the header after logging in as " + user
        + " (GridLoop's Cockpit plugin app/cockpit/scripts/gridloop-sla.js, loaded by its config.js)",
        ExpectedConditions.presenceOfElementLocated(SLA_NAV));
  }

  /** Opens the SLA dashboard from the header and waits until it shows its figures. */
  void openSlaDashboard() {
    browser.click(SLA_NAV);
    browser.until("the SLA dashboard at #/gridloop-sla", ExpectedConditions.urlContains("#/gridloop-sla"));
    browser.until("the SLA dashboard's escalations (or its error message)", ExpectedConditions.or(
        ExpectedConditions.presenceOfElementLocated(ESCALATIONS),
        ExpectedConditions.presenceOfElementLocated(SLA_ERROR)));
    if (!browser.driver().findElements(SLA_ERROR).isEmpty()) {
      throw new AssertionError("The SLA dashboard shows an error: "
          + browser.driver().findElement(SLA_ERROR).getText());
    }
  }

  /** The row of a case in the escalations table. */
  By escalationOf(String caseNumber) {
    return By.cssSelector("#gridloop-sla table.gridloop-sla-escalations tr.gridloop-sla-row[data-case-number='"
        + caseNumber + "']");
  }

  WebElement escalationRow(String caseNumber) {
    WebElement row = browser.until("case " + caseNumber + " among the escalations",
        ExpectedConditions.presenceOfElementLocated(escalationOf(caseNumber)));
    browser.scrollTo(row);
    return row;
  }
}
