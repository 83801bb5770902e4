package org.gridloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.privacy.ContactReadLog;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ResidentCases;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The resident's contact in real Tasklist: no form shows it; the 回访联系 Contact tab of a task
 * (tasklist/scripts/gridloop-contact.js) shows it to whoever holds the call-back, and to a
 * supervisor who gives a reason; every look is logged, and anyone else gets a refusal.
 */
@GridLoopIntegrationTest
class ContactTabBrowserIT extends BrowserScenario {

  static final String CONTACT_TAB = "回访联系 Contact";
  static final By SHOW = By.id("gridloop-contact-show");
  static final By PHONE = By.id("gridloop-contact-phone");
  static final By ERROR = By.id("gridloop-contact-error");

  @Autowired ContactReadLog log;

  @Test
  void theGridWorkerCallingTheResidentBackSeesTheirContactInTheContactTabAndTheLookIsLogged() {
    ResidentCases residents = new ResidentCases(intake, engine);
    // Resolved three and a half days ago, never rated: the call-back is open now.
    String caseNumber = cases.inThePast(Duration.ofHours(80), () -> residents.atCallBack("street-light", "cx-hongxing-g1"));
    Task callBack = scenario.task(scenario.instance(caseNumber), "call-back");
    String otherCase = cases.report("garbage-piling", "normal", "cx-hongxing-g1", "北门垃圾堆放 Garbage at the north gate");
    Task gridHandling = scenario.task(scenario.instance(otherCase), "grid-handling");

    Browser browser = browsers.start("wangfang", "en-US");
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logInAs("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    tasklist.selectFilter(TasklistBrowserIT.MY_GROUPS);
    TaskForm form = tasklist.openTask(callBack.getId());
    form.waitForValue("call-back-caseNumber", caseNumber);
    assertThat(browser.pageText()).as("the form points to the tab").contains("回访联系 Contact")
        .doesNotContain(ResidentCases.PHONE, "139****5678");
    browser.screenshot("call-back-form");

    tasklist.openTab(CONTACT_TAB);
    assertThat(browser.driver().findElements(PHONE)).as("nothing fetched before asking").isEmpty();
    browser.click(SHOW);
    assertThat(browser.textOf(PHONE)).isEqualTo(ResidentCases.PHONE);
    assertThat(browser.textOf(By.id("gridloop-contact-name"))).isEqualTo(ResidentCases.NAME);
    assertThat(browser.textOf(By.id("gridloop-contact-email"))).isEqualTo(ResidentCases.EMAIL);
    browser.screenshot("contact-shown");
    assertThat(log.of(caseNumber, 10)).singleElement().satisfies(read -> {
      assertThat(read.userId()).isEqualTo("wangfang");
      assertThat(read.basis()).isEqualTo(ContactReadLog.Basis.callBack);
      assertThat(read.granted()).isTrue();
    });

    // Another task of hers, no call-back: the tab (still chosen) refuses and shows nothing.
    tasklist.selectTask(gridHandling.getId());
    browser.until("the contact tab of the other task", d -> !d.findElements(SHOW).isEmpty()
        && d.findElements(PHONE).isEmpty());
    browser.click(SHOW);
    assertThat(browser.textOf(ERROR)).contains("Only whoever holds this case's call-back task");
    assertThat(browser.pageText()).doesNotContain(ResidentCases.PHONE);
    browser.screenshot("other-task-refused");
    assertThat(log.of(otherCase, 10)).singleElement().satisfies(read -> assertThat(read.granted()).isFalse());
  }

  @Test
  void aSupervisorSeesTheContactInTasklistOnlyAfterGivingAReason() {
    ResidentCases residents = new ResidentCases(intake, engine);
    String caseNumber = residents.report("street-light", "cx-hongxing-g1", "路灯不亮 Light out", "红星苑3栋");
    Task gridHandling = scenario.task(scenario.instance(caseNumber), "grid-handling");

    Browser browser = browsers.start("tangjie", "zh-CN");
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logInAs("tangjie", TestLogins.passwordFor(identity, "tangjie"));
    browser.open(tasklist.url() + "#/?task=" + gridHandling.getId() + "&detailsTab=gridloop-contact");
    browser.click(SHOW);
    assertThat(browser.textOf(ERROR)).contains("reason");
    assertThat(browser.pageText()).doesNotContain(ResidentCases.PHONE);

    String reason = "居民投诉无人回访，核实联系方式 Checking a complaint";
    browser.visible(By.id("gridloop-contact-reason")).sendKeys(reason);
    browser.click(SHOW);
    assertThat(browser.textOf(PHONE)).isEqualTo(ResidentCases.PHONE);
    browser.screenshot("supervisor-with-reason");
    List<ContactReadLog.Entry> reads = log.of(caseNumber, 10);
    assertThat(reads).extracting(ContactReadLog.Entry::granted).containsExactly(true, false);
    assertThat(reads.get(0).reason()).isEqualTo(reason);
    assertThat(reads.get(0).basis()).isEqualTo(ContactReadLog.Basis.supervisor);
    assertThat(reads.get(0).userId()).isEqualTo("tangjie");
  }
}
