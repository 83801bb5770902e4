package org.gridloop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Staff work cases in Camunda Tasklist, in a real (headless Debian) chromium: GridLoop's filters,
 * the Camunda Forms of the grid-call tasks, and Tasklist in Chinese for a browser that asks for it.
 * Screenshots of every step: {@code target/screenshots/TasklistBrowserIT.<test>/}.
 */
@GridLoopIntegrationTest
class TasklistBrowserIT extends BrowserScenario {

  // GridLoop's shared Tasklist filters (org.gridloop.sla.TasklistFilters)
  static final String MY_GROUPS = "本组待办 My groups' tasks";
  static final String OVERDUE = "已超时 Overdue";
  static final String[] GRID_WORKER_FILTERS = {
      "我的待办 My tasks", MY_GROUPS, "即将超时 Due within 24 h", OVERDUE};

  @Test
  void aGridWorkerOpensACaseFromTheOverdueFilterCallsTheStreetAndTheCaseMovesOn() {
    // Reported 25 hours ago: the grid's 24-hour deadline passed an hour ago. Its escalation timer
    // is due but has not run (job executor off), so the task is still the grid's, and overdue.
    String caseNumber = cases.inThePast(Duration.ofHours(25), () ->
        cases.report("street-light", "normal", "cx-hongxing-g1", "红星苑3栋门口路灯不亮 The street light at building 3 is out"));
    ProcessInstance instance = scenario.instance(caseNumber);
    Task task = scenario.task(instance, "grid-handling");
    assertThat(task.getDueDate()).isBefore(BrowserCases.wallClockNow());
    Job escalation = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("grid-deadline").singleResult();
    assertThat(escalation).as("the grid deadline's timer, due and not yet run").isNotNull();
    assertThat(escalation.getDuedate()).isBefore(BrowserCases.wallClockNow());

    Browser browser = browsers.start("wangfang", "en-US");
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logInAs("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    browser.screenshot("logged-in");
    assertThat(tasklist.filterNames()).as("the filters shared with grid workers").contains(GRID_WORKER_FILTERS)
        .doesNotContain("待报到 Awaiting report-in", "督办 Supervision");

    tasklist.selectFilter(OVERDUE);
    browser.visible(tasklist.taskInList(task.getId()));
    assertThat(browser.driver().findElements(By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[@href='#/?task="
        + task.getId() + "']]//span[contains(@class,'due-date') and contains(@class,'overdue')]")))
        .as("the task's card marks it overdue").isNotEmpty();
    browser.until("the task's card to show the case number (the group may read its case)", d ->
        d.findElements(By.xpath("//ol[contains(@class,'tasks-list')]/li[.//a[@href='#/?task=" + task.getId() + "']]"))
            .stream().anyMatch(card -> card.getText().contains(caseNumber)));
    browser.screenshot("overdue-filter");

    TaskForm form = tasklist.openTask(task.getId());
    form.waitForValue("grid-handling-caseNumber", caseNumber);
    form.waitForValue("grid-handling-categoryNameZh", "路灯故障");
    assertThat(browser.driver().findElements(form.field("grid-handling-reporterName-masked")))
        .as("no reporter field, not even masked").isEmpty();
    assertThat(browser.driver().getPageSource()).doesNotContain("13912345678", "139****5678", "刘小红");
    browser.screenshot("task-opened");

    tasklist.claim();
    form.choose("grid-handling-gridOutcome", "Call the street");
    String note = "需更换灯杆，网格无法处理 The pole must be replaced: beyond the grid";
    form.type("grid-handling-gridNote", note);
    browser.screenshot("form-filled");
    tasklist.complete();

    browser.until("Tasklist to complete the task in the engine", d -> !cases.isOpen(task.getId()));
    browser.until("the completed task to leave the Overdue list",
        ExpectedConditions.invisibilityOfElementLocated(tasklist.taskInList(task.getId())));
    browser.screenshot("completed");

    scenario.runDueJobs(); // the asynchronous step that tells the resident before the street takes over
    assertThat(instance).isWaitingAt("street-acceptance").hasPassed("grid-handling").hasNotPassed("escalate-grid-overdue");
    Task acceptance = scenario.task(instance, "street-acceptance");
    assertThat(cases.candidateGroups(acceptance)).containsExactly("street-chunxi");
    assertThat(cases.variable(acceptance.getId(), "gridOutcome")).isEqualTo("callStreet");
    assertThat(cases.variable(acceptance.getId(), "gridNote")).isEqualTo(note);
    assertThat(records.steps(caseNumber)).filteredOn(s -> s.step().equals("grid-handling")).singleElement()
        .satisfies(step -> {
          assertThat(step.outcome()).isEqualTo("callStreet");
          assertThat(step.onTime()).as("completed after its deadline").isFalse();
          assertThat(step.actor()).isEqualTo("wangfang");
        });
  }

  @Test
  void aStreetDispatcherSummonsTwoDepartmentsThroughTheForm() {
    // A gas leak is an emergency: it goes straight to the street, and the routing rules prefill
    // housing and public security. The dispatcher keeps public security, swaps housing for urban
    // management, and summons them.
    String caseNumber = cases.report("gas-leak", "emergency", "cx-hongxing-g1",
        "红星苑3栋楼道有燃气味 Smell of gas in the stairwell of building 3");
    ProcessInstance instance = scenario.instance(caseNumber);
    Task acceptance = scenario.task(instance, "street-acceptance");
    assertThat(cases.candidateGroups(acceptance)).containsExactly("street-chunxi");

    Browser browser = browsers.start("wuxiuying", "en-US");
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.logInAs("wuxiuying", TestLogins.passwordFor(identity, "wuxiuying"));
    tasklist.selectFilter(MY_GROUPS);
    browser.screenshot("my-groups-tasks");

    TaskForm form = tasklist.openTask(acceptance.getId());
    form.waitForValue("street-acceptance-caseNumber", caseNumber);
    tasklist.claim();
    form.choose("street-acceptance-streetDecision", "Summon departments");
    browser.visible(form.option("street-acceptance-departments", "Public security"));
    assertThat(form.checklist("street-acceptance-departments"))
        .as("prefilled from the routing rules").containsEntry("住建 Housing and construction", true)
        .containsEntry("公安 Public security", true).containsEntry("城管 Urban management", false)
        .containsEntry("水务 Water affairs", false);
    browser.screenshot("summon-prefilled");

    form.tick("street-acceptance-departments", "Housing and construction", false);
    form.tick("street-acceptance-departments", "Urban management", true);
    assertThat(form.checklist("street-acceptance-departments").entrySet().stream()
        .filter(Map.Entry::getValue).map(Map.Entry::getKey))
        .containsExactlyInAnyOrder("公安 Public security", "城管 Urban management");
    browser.screenshot("two-departments-ticked");
    tasklist.complete();

    browser.until("Tasklist to complete the task in the engine", d -> !cases.isOpen(acceptance.getId()));
    browser.screenshot("completed");
    scenario.runDueJobs(); // the asynchronous step that tells the resident which departments come

    assertThat(scenario.tasks(instance, "department-report-in")).hasSize(2);
    Task police = scenario.departmentTask(instance, "department-report-in", "police");
    Task urban = scenario.departmentTask(instance, "department-report-in", "urban");
    assertThat(cases.candidateGroups(police)).containsExactly("dept-police");
    assertThat(cases.candidateGroups(urban)).containsExactly("dept-urban");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "streetDecision")).isEqualTo("summon");
  }

  @Test
  void aBrowserThatAsksForChineseSeesTasklistInChinese() {
    String caseNumber = cases.report("garbage-piling", "normal", "cx-hongxing-g1",
        "红星苑北门垃圾堆放 Garbage piled up at the north gate");
    Task task = scenario.task(scenario.instance(caseNumber), "grid-handling");

    Browser browser = browsers.start("wangfang-zh", "zh-CN");
    Tasklist tasklist = new Tasklist(browser, port);
    tasklist.openLoginPage();
    browser.until("the login page in Chinese (Tasklist's locales: app/tasklist/scripts/config.js, locales/zh.json)",
        d -> "用户名".equals(tasklist.placeholder(CamundaWebapp.USERNAME)));
    assertThat(tasklist.placeholder(CamundaWebapp.PASSWORD)).isEqualTo("密码");
    assertThat(browser.visible(CamundaWebapp.LOG_IN).getText().trim()).isEqualTo("登录");
    browser.screenshot("login-zh");

    tasklist.logIn("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    assertThat(tasklist.filterNames()).contains(GRID_WORKER_FILTERS);
    tasklist.selectFilter(MY_GROUPS);
    browser.until("Tasklist's own labels in Chinese",
        d -> browser.pageText().contains("请在列表中选择一个任务"));
    assertThat(browser.pageText()).contains("发起流程").doesNotContain("Start process", "Select a task in the list");
    // Relative dates follow the language too (GridLoop's gridloop-locale.js): "1 天后", not "in a day".
    browser.until("due dates in Chinese", d -> browser.pageText().contains("天后"));
    assertThat(browser.pageText()).doesNotContain("in a day");
    browser.screenshot("filters-zh");

    TaskForm form = tasklist.openTask(task.getId());
    form.waitForValue("grid-handling-caseNumber", caseNumber);
    assertThat(browser.visible(Tasklist.CLAIM).getText().trim()).isEqualTo("认领");
    assertThat(browser.visible(Tasklist.COMPLETE).getText().trim()).isEqualTo("完成");
    assertThat(browser.pageText()).contains("表单", "历史", "流程图", "处置结果 Outcome")
        .doesNotContain("Claim", "Diagram");
    browser.screenshot("task-zh");
  }
}
