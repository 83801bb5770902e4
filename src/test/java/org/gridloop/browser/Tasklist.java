package org.gridloop.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist (7.24) as staff use it: the filter list on the left, the task list in the
 * middle, the task with its form on the right.
 */
final class Tasklist extends CamundaWebapp {

  static final By FILTERS = By.cssSelector(".task-filter h4.name a");
  static final By ACTIVE_FILTER = By.cssSelector(".task-filter.active h4.name a");
  static final By TASK_LIST = By.cssSelector("[cam-tasks] ol.tasks-list");
  static final By CLAIM = By.cssSelector("button.claim[ng-click='claim()']");
  static final By COMPLETE = By.cssSelector(".form-actions button[ng-click='complete()']");

  Tasklist(Browser browser, int port) {
    super(browser, port, "tasklist");
  }

  /** Logs in and waits for the filters. */
  void logInAs(String user, String password) {
    openLoginPage();
    logIn(user, password);
    browser.until("Tasklist's filters after logging in as " + user
        + " (GridLoop creates its shared filters at startup: org.gridloop.sla.TasklistFilters)",
        ExpectedConditions.presenceOfAllElementsLocatedBy(FILTERS));
  }

  /** The names of the filters, as shown (the task counter left out). */
  List<String> filterNames() {
    browser.until("Tasklist's filters (GridLoop's shared filters: org.gridloop.sla.TasklistFilters)",
        ExpectedConditions.presenceOfAllElementsLocatedBy(FILTERS));
    return browser.driver().findElements(By.cssSelector(".task-filter h4.name")).stream()
        .map(h -> (String) browser.script(
            "return Array.from(arguments[0].querySelector('a').childNodes)"
                + ".filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join('').trim();", h))
        .toList();
  }

  /** Clicks the filter with this name and waits until its tasks are listed. */
  void selectFilter(String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
        + "/a[contains(normalize-space(.), \"" + name + "\")]");
    browser.until("a filter named '" + name + "'; the filters are " + filterNamesQuietly(),
        ExpectedConditions.presenceOfElementLocated(filter));
    browser.click(filter);
    browser.until("filter '" + name + "' to be the active one",
        ExpectedConditions.textToBePresentInElementLocated(ACTIVE_FILTER, name));
    browser.until("the tasks of filter '" + name + "' to load", d -> !d.findElements(By.cssSelector(
        "[cam-tasks] > div.loader.ng-hide")).isEmpty());
  }

  /**
   * The link of a task in the list (Tasklist links each task as {@code #/?task=<id>}, followed by
   * {@code &detailsTab=<tab>} once a tab other than the form was chosen).
   */
  By taskInList(String taskId) {
    return By.cssSelector(taskLink("ol.tasks-list li.task h4.task", taskId));
  }

  private static String taskLink(String within, String taskId) {
    return within + " a[href='#/?task=" + taskId + "'], " + within + " a[href^='#/?task=" + taskId + "&']";
  }

  /** Opens a task of the current filter's list and waits for its form. */
  TaskForm openTask(String taskId) {
    selectTask(taskId);
    return new TaskForm(browser);
  }

  /** Selects a task of the current filter's list (its tab that was open stays open). */
  void selectTask(String taskId) {
    By link = taskInList(taskId);
    browser.until("task " + taskId + " in the list of filter '" + activeFilterQuietly() + "' (the list shows "
        + browser.driver().findElements(By.cssSelector("ol.tasks-list li.task")).size() + " tasks)",
        ExpectedConditions.presenceOfElementLocated(link));
    browser.click(link);
    browser.until("task " + taskId + " to be the selected one", ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(taskLink("ol.tasks-list li.task.active h4.task", taskId))));
  }

  /** Opens the task's tab with this label (Tasklist's Form, History…, GridLoop's 回访联系 Contact). */
  void openTab(String label) {
    String tabs = "//div[contains(@class,'tabbed-content')]//ul[contains(@class,'nav-tabs')]/li";
    browser.click(By.xpath(tabs + "/a[normalize-space(.)='" + label + "']"));
    browser.until("the tab '" + label + "' to be the active one", ExpectedConditions.presenceOfElementLocated(
        By.xpath(tabs + "[contains(@class,'active')]/a[normalize-space(.)='" + label + "']")));
  }

  /** Claims the open task (Tasklist completes only tasks assigned to the user). */
  void claim() {
    browser.click(CLAIM);
    browser.until("the task to be claimed", ExpectedConditions.invisibilityOfElementLocated(CLAIM));
  }

  /** Clicks Complete once the form is valid. */
  void complete() {
    WebElement button = browser.until("the Complete button to be enabled",
        ExpectedConditions.elementToBeClickable(COMPLETE));
    browser.scrollTo(button);
    browser.click(COMPLETE);
  }

  private String activeFilterQuietly() {
    List<WebElement> active = browser.driver().findElements(ACTIVE_FILTER);
    return active.isEmpty() ? "(none)" : active.get(0).getText().trim();
  }

  private String filterNamesQuietly() {
    try {
      return browser.driver().findElements(FILTERS).stream().map(e -> e.getText().trim()).toList().toString();
    } catch (RuntimeException e) {
      return "(unreadable)";
    }
  }
}
