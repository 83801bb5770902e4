package org.gridloop.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A Camunda Form (form-js) as Tasklist renders it for a task. form-js gives every field the id
 * {@code fjs-form-<random>-<component id>} (radio and checklist options: {@code …-<index>}), so
 * fields are found by the component ids of {@code bpmn/forms/*.form} (e.g.
 * {@code grid-handling-gridNote}) and options by their labels.
 */
final class TaskForm {

  static final By CONTAINER = By.cssSelector(".fjs-container form.fjs-form");

  private final Browser browser;

  TaskForm(Browser browser) {
    this.browser = browser;
    browser.visible(CONTAINER);
  }

  /** The input, textarea or select of a field. */
  By field(String componentId) {
    return By.cssSelector(".fjs-form [id^='fjs-form-'][id$='-" + componentId + "']");
  }

  /** The label of one option of a radio group or checklist, by (part of) its text. */
  By option(String componentId, String labelText) {
    return By.xpath("//form[contains(@class,'fjs-form')]//label[starts-with(@for,'fjs-form-')"
        + " and contains(@for,'-" + componentId + "-')][contains(normalize-space(.),'" + labelText + "')]");
  }

  /** The value a field shows; waits until the form has filled it in. */
  String waitForValue(String componentId, String expected) {
    browser.until("field " + componentId + " to show '" + expected + "'",
        d -> expected.equals(d.findElement(field(componentId)).getDomProperty("value")));
    return expected;
  }

  /** The value a field shows now. */
  String value(String componentId) {
    return browser.visible(field(componentId)).getDomProperty("value");
  }

  void type(String componentId, String text) {
    browser.type(field(componentId), text);
  }

  /** Chooses the option of a radio group whose label contains the text. */
  void choose(String componentId, String labelText) {
    By label = option(componentId, labelText);
    browser.click(label);
    By input = By.id(browser.visible(label).getDomAttribute("for"));
    browser.until("option '" + labelText + "' of " + componentId + " to be chosen",
        d -> d.findElement(input).isSelected());
  }

  /** The options of a checklist: label text → ticked. */
  Map<String, Boolean> checklist(String componentId) {
    List<WebElement> labels = browser.driver().findElements(By.xpath(
        "//form[contains(@class,'fjs-form')]//label[starts-with(@for,'fjs-form-')"
            + " and contains(@for,'-" + componentId + "-')]"));
    Map<String, Boolean> options = new LinkedHashMap<>();
    for (WebElement label : labels) {
      WebElement box = browser.driver().findElement(By.id(label.getDomAttribute("for")));
      options.put(label.getText().trim(), box.isSelected());
    }
    return options;
  }

  /** Ticks or unticks the checklist option whose label contains the text. */
  void tick(String componentId, String labelText, boolean ticked) {
    By label = option(componentId, labelText);
    By input = By.id(browser.visible(label).getDomAttribute("for"));
    if (browser.driver().findElement(input).isSelected() != ticked) {
      browser.click(label);
    }
    browser.until("option '" + labelText + "' of " + componentId + (ticked ? " ticked" : " unticked"),
        d -> d.findElement(input).isSelected() == ticked);
  }
}
