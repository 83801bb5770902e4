package org.gridloop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A district supervisor watches deadlines in Camunda Cockpit, on GridLoop's SLA dashboard, in a
 * real (headless Debian) chromium. Screenshots: {@code target/screenshots/CockpitBrowserIT.<test>/}.
 */
@GridLoopIntegrationTest
class CockpitBrowserIT extends BrowserScenario {

  @Test
  void aSupervisorFindsACaseWhoseDepartmentMissedItsReportInAmongTheEscalations() {
    // Four hours ago a blocked drain (urgent) was reported; the grid called the street at once, the
    // street summoned water affairs, who did not report in within their 2 hours: at 2 h 10 min the
    // deadline's timer ran and escalated the case to the district (reportInOverdue, a 督办 task).
    // The clock is back to the wall clock before the browser opens, so the escalation lies in the
    // dashboard's "last 7 days" by both the server's and the browser's clock.
    String caseNumber = cases.inThePast(Duration.ofHours(4), () -> {
      String number = cases.report("drain-blocked", "urgent", "cx-hongxing-g1",
          "红星路二段雨水井堵塞 Blocked storm drain on Hongxing Road section 2");
      ProcessInstance instance = scenario.instance(number);
      scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet",
          "gridNote", "管道堵塞需水务处理 The pipe needs water affairs"));
      scenario.complete(scenario.task(instance, "street-acceptance"),
          Map.of("streetDecision", "summon", "departments", List.of("water")));
      scenario.passTime(Duration.ofMinutes(130));
      return number;
    });
    ProcessInstance instance = scenario.instance(caseNumber);
    assertThat(instance).isWaitingAt("department-report-in", "supervise-report-in")
        .hasPassed("escalate-report-in-overdue");
    Task supervise = scenario.task(instance, "supervise-report-in");
    assertThat(cases.candidateGroups(supervise)).containsExactly("supervisors");
    assertThat(records.events(caseNumber)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("reportInOverdue");
      assertThat(e.unitGroup()).isEqualTo("dept-water");
      assertThat(e.at()).isBefore(BrowserCases.wallClockNow());
    });

    Browser browser = browsers.start("tangjie", "en-US");
    Cockpit cockpit = new Cockpit(browser, port);
    cockpit.logInAs("tangjie", TestLogins.passwordFor(identity, "tangjie"));
    browser.screenshot("cockpit");

    cockpit.openSlaDashboard();
    browser.screenshot("sla-dashboard");
    WebElement row = cockpit.escalationRow(caseNumber);
    assertThat(row.getDomAttribute("data-process-instance-id")).isEqualTo(instance.getId());
    assertThat(row.getText()).contains(caseNumber, "Report-in overdue", "Water");
    browser.screenshot("escalation-found");

    // The row links to the case's process instance in Cockpit.
    browser.click(By.cssSelector("tr.gridloop-sla-row[data-case-number='" + caseNumber + "'] a.gridloop-sla-instance-link"));
    browser.until("Cockpit's page of the process instance",
        ExpectedConditions.urlContains("#/process-instance/" + instance.getId()));
    browser.until("the process instance's diagram", ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("[data-element-id='department-report-in']")));
    browser.until("the process instance's details", d -> browser.pageText().contains(instance.getId()));
    browser.screenshot("process-instance");
  }
}
