package org.gridloop.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.ReceivedMail;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The grid-call loop, 网格呼叫 → 镇街处置 → 部门报到 → 回访评价, as staff, residents and deadlines
 * drive it. Mail goes through a real SMTP server (GreenMail); time moves by the engine clock.
 */
@GridLoopIntegrationTest
class GridCallScenarioIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired CaseRecords records;
  @Autowired TestRestTemplate rest;
  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    scenario = new CaseScenario(engine);
    ClockUtil.setCurrentTime(new java.util.Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aStreetLightFixedByTheGridWorkerIsRatedSatisfiedAndTheCaseCloses() throws Exception {
    String caseNumber = report("street-light", "normal", "cx-hongxing-g1");
    ProcessInstance instance = scenario.instance(caseNumber);

    assertThat(instance).isWaitingAt("grid-handling");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("grid-cx-hongxing-g1")
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).resourceId(instance.getId()).count())
        .as("the grid may read the case of its task").isEqualTo(1);
    Task task = scenario.task(instance, "grid-handling");
    assertThat(candidateGroups(task)).containsExactly("grid-cx-hongxing-g1");
    assertThat(task.getDueDate()).isCloseTo(inHours(24), 5_000);
    Map<String, Object> form = engine.getTaskService().getVariablesLocal(task.getId());
    assertThat(form).as("nothing of the reporter on the task, not even masked").doesNotContainKey("reporterMasked");
    assertThat(form.toString())
        .doesNotContain("13912345678", "139****5678", "刘小红", "刘**");
    assertThat(form.get("dueAt")).asString().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(mailsTo("wang.fang@gridloop.example", caseNumber)).isNotEmpty();
    assertThat(mailsTo("liu.xh@resident.example", caseNumber)).extracting(this::subject)
        .anyMatch(s -> s.contains("受理") && s.contains(caseNumber));

    scenario.complete(task, Map.of("gridOutcome", "resolved", "gridNote", "已更换灯泡 Replaced the bulb"));

    assertThat(instance).isWaitingAt("await-rating");
    String ratingMail = body(mailsTo("liu.xh@resident.example", caseNumber).stream()
        .filter(m -> body(m).contains("/rating?token=")).findFirst().orElseThrow());
    assertThat(ratingMail).contains("已更换灯泡");
    String token = records.find(caseNumber).orElseThrow().ratingToken();
    assertThat(ratingMail).contains(token);

    assertThat(rate(caseNumber, token, "satisfied").getStatusCode()).isEqualTo(HttpStatus.OK);
    scenario.runDueJobs();

    assertThat(instance).isEnded().hasPassed("close-case");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE).resourceId(instance.getId()).count())
        .as("the grid's grant to read the case ends with the case").isZero();
    CaseRecords.CaseRow row = records.find(caseNumber).orElseThrow();
    assertThat(row.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(row.rating()).isEqualTo("satisfied");
    assertThat(row.escalated()).isFalse();
    assertThat(records.steps(caseNumber)).singleElement().satisfies(step -> {
      assertThat(step.step()).isEqualTo("grid-handling");
      assertThat(step.onTime()).isTrue();
      assertThat(step.outcome()).isEqualTo("resolved");
    });
    assertThat(mailsTo("liu.xh@resident.example", caseNumber)).extracting(this::subject)
        .anyMatch(s -> s.contains("办结"));
  }

  @Test
  void aCaseTheGridLeavesPastItsDeadlineIsRemindedThenCalledToTheStreetAutomatically() throws Exception {
    String caseNumber = report("garbage-piling", "normal", "sy-wangjiang-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    smtp.reset();

    scenario.passTime(Duration.ofHours(20));   // 80 % of 24 h: the reminder
    assertThat(mailsTo("liu.yang@gridloop.example", caseNumber)).extracting(this::subject)
        .anyMatch(s -> s.contains("提醒"));
    assertThat(instance).isWaitingAt("grid-handling");

    scenario.passTime(Duration.ofHours(5));    // past 24 h: escalated to the street
    assertThat(instance).isWaitingAt("street-acceptance");
    assertThat(candidateGroups(scenario.task(instance, "street-acceptance"))).containsExactly("street-shuyuan");
    assertThat(records.events(caseNumber)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("gridOverdue");
      assertThat(e.actor()).isEqualTo("system:deadline");
      assertThat(e.unitGroup()).isEqualTo("grid-sy-wangjiang-g1");
      assertThat(e.detail()).contains("PT24H");
    });
    assertThat(records.steps(caseNumber).get(0).onTime()).isFalse();
    assertThat(records.find(caseNumber).orElseThrow().escalated()).isTrue();
    assertThat(mailsTo("xu.wei@gridloop.example", caseNumber)).isNotEmpty();
  }

  @Test
  void aStreetThatMissesItsAcceptanceDeadlineIsFlaggedAndTheDistrictSupervisorsAreMailed() throws Exception {
    String caseNumber = report("noise", "normal", "hh-furong-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet",
        "gridNote", "夜间施工，需城管执法 Night works: urban management must act"));
    smtp.reset();

    scenario.passTime(Duration.ofHours(9));    // street acceptance: 8 h

    assertThat(instance).isWaitingAt("street-acceptance");
    assertThat(engine.getTaskService().getVariableLocal(scenario.task(instance, "street-acceptance").getId(), "caseHistory"))
        .asString().contains("网格处置 Handle in grid: callStreet");
    assertThat(records.find(caseNumber).orElseThrow().escalated()).isTrue();
    assertThat(records.events(caseNumber)).anyMatch(e -> e.kind().equals("streetOverdue"));
    assertThat(mailsTo("tang.jie@gridloop.example", caseNumber)).extracting(this::subject)
        .anyMatch(s -> s.contains(caseNumber));
    assertThat(mailsTo("feng.xue@gridloop.example", caseNumber)).isNotEmpty();
  }

  @Test
  void anEmergencySkipsTheGridAndTheStreetHandlesItItself() {
    String caseNumber = report("gas-leak", "emergency", "cx-jinlin-g1");
    ProcessInstance instance = scenario.instance(caseNumber);

    assertThat(instance).isWaitingAt("street-acceptance").hasNotPassed("grid-handling");
    Task acceptance = scenario.task(instance, "street-acceptance");
    assertThat(acceptance.getDueDate()).isCloseTo(inMinutes(30), 5_000);

    scenario.complete(acceptance, Map.of("streetDecision", "handle"));
    Task handling = scenario.task(instance, "street-handling");
    assertThat(candidateGroups(handling)).containsExactly("street-chunxi");
    scenario.complete(handling, Map.of("streetOutcome", "resolved", "streetNote", "已关阀并通知燃气公司 Valve closed"));

    assertThat(instance).isWaitingAt("await-rating");
    assertThat(records.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_RATING);
  }

  @Test
  void theStreetSummonsTwoDepartmentsOneMissesItsReportInAndOneResultIsSentBack() throws Exception {
    String caseNumber = report("water-outage", "urgent", "cx-hongxing-g2");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet"));
    scenario.complete(scenario.task(instance, "street-acceptance"),
        Map.of("streetDecision", "summon", "departments", List.of("water", "housing")));

    assertThat(scenario.tasks(instance, "department-report-in")).hasSize(2);
    Task waterReportIn = scenario.departmentTask(instance, "department-report-in", "water");
    Task housingReportIn = scenario.departmentTask(instance, "department-report-in", "housing");
    assertThat(candidateGroups(waterReportIn)).containsExactly("dept-water");
    assertThat(candidateGroups(housingReportIn)).containsExactly("dept-housing");
    assertThat(waterReportIn.getDueDate()).isCloseTo(inHours(2), 5_000);

    scenario.complete(waterReportIn, Map.of("reportInNote", "水务已到场 Water affairs on site"));
    smtp.reset();
    scenario.passTime(Duration.ofMinutes(130)); // housing misses its 2 h report-in

    Task supervise = scenario.task(instance, "supervise-report-in");
    assertThat(candidateGroups(supervise)).containsExactly("supervisors");
    assertThat(engine.getTaskService().getVariable(supervise.getId(), "department")).isEqualTo("housing");
    assertThat(records.events(caseNumber)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("reportInOverdue");
      assertThat(e.unitGroup()).isEqualTo("dept-housing");
    });
    assertThat(mailsTo("tang.jie@gridloop.example", caseNumber)).extracting(this::subject)
        .anyMatch(s -> s.contains(caseNumber));
    scenario.complete(supervise, Map.of("superviseNote", "请住建局立即报到 Housing must report in now"));

    scenario.complete(scenario.departmentTask(instance, "department-report-in", "housing"),
        Map.of("reportInNote", "已报到 Reported in"));
    scenario.complete(scenario.departmentTask(instance, "department-handling", "water"),
        Map.of("departmentResult", "管道已修复 Pipe repaired"));
    scenario.complete(scenario.departmentTask(instance, "department-handling", "housing"),
        Map.of("departmentResult", "已检查 Checked"));

    scenario.complete(scenario.departmentTask(instance, "street-review", "housing"),
        Map.of("reviewOutcome", "sendBack", "reviewReason", "未说明二次供水设备检查结果 Say what the pump check found"));
    scenario.complete(scenario.departmentTask(instance, "street-review", "water"), Map.of("reviewOutcome", "accept"));
    assertThat(instance).isWaitingAt("department-handling");

    scenario.complete(scenario.departmentTask(instance, "department-handling", "housing"),
        Map.of("departmentResult", "二次供水泵已更换 Booster pump replaced"));
    scenario.complete(scenario.departmentTask(instance, "street-review", "housing"), Map.of("reviewOutcome", "accept"));

    assertThat(instance).isWaitingAt("await-rating");
    assertThat(records.find(caseNumber).orElseThrow().outcome())
        .contains("管道已修复").contains("二次供水泵已更换");
  }

  @Test
  void anUnsatisfiedResidentReopensTheCaseAndIsSatisfiedTheSecondTime() {
    String caseNumber = resolvedAtGrid("uncivil-dog-keeping", "sy-shuijing-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    String token = records.find(caseNumber).orElseThrow().ratingToken();

    assertThat(rate(caseNumber, token, "unsatisfied").getStatusCode()).isEqualTo(HttpStatus.OK);
    scenario.runDueJobs();
    assertThat(instance).isWaitingAt("street-handling");
    assertThat(records.find(caseNumber).orElseThrow().reopenCount()).isEqualTo(1);
    assertThat(records.find(caseNumber).orElseThrow().escalated()).isTrue();

    scenario.complete(scenario.task(instance, "street-handling"), Map.of("streetOutcome", "resolved",
        "streetNote", "已约谈养犬人并登记 Owner interviewed and dog registered"));
    assertThat(rate(caseNumber, token, "satisfied").getStatusCode()).isEqualTo(HttpStatus.OK);
    scenario.runDueJobs();

    assertThat(instance).isEnded().hasPassed("reopen-case", "close-case").hasNotPassed("supervisor-review");
  }

  @Test
  void aCaseReopenedTwiceGoesToSupervisorReviewInsteadOfAThirdReopen() {
    String caseNumber = resolvedAtGrid("square-dance-noise", "hh-furong-g2");
    ProcessInstance instance = scenario.instance(caseNumber);
    String token = records.find(caseNumber).orElseThrow().ratingToken();
    for (int reopen = 1; reopen <= 2; reopen++) {
      rate(caseNumber, token, "unsatisfied");
      scenario.runDueJobs();
      scenario.complete(scenario.task(instance, "street-handling"), Map.of("streetOutcome", "resolved"));
    }

    rate(caseNumber, token, "unsatisfied");
    scenario.runDueJobs();

    Task review = scenario.task(instance, "supervisor-review");
    assertThat(candidateGroups(review)).containsExactly("supervisors");
    assertThat(records.find(caseNumber).orElseThrow().reopenCount()).isEqualTo(2);
    scenario.complete(review, Map.of("supervisorDecision", "close", "supervisorNote", "已协调广场舞时段 Hours agreed"));
    assertThat(instance).isEnded();
  }

  @Test
  void aRatingWithTheWrongTokenIsRefused() {
    String caseNumber = resolvedAtGrid("street-light", "cx-hongxing-g1");
    assertThat(rate(caseNumber, "0123456789abcdef0123456789abcdef", "unsatisfied").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(scenario.instance(caseNumber)).isWaitingAt("await-rating");
  }

  @Test
  void withoutARatingBeforeTheCallBackDeadlineTheGridWorkerCallsBackAndRecordsIt() {
    String caseNumber = resolvedAtGrid("parking", "cx-jinlin-g1");
    ProcessInstance instance = scenario.instance(caseNumber);

    scenario.passTime(Duration.ofHours(73));   // call-back: 72 h

    Task callBack = scenario.task(instance, "call-back");
    assertThat(candidateGroups(callBack)).containsExactly("grid-cx-jinlin-g1");
    scenario.complete(callBack, Map.of("rating", "basicallySatisfied", "ratingComment", "电话回访 By phone"));
    assertThat(instance).isEnded();
    assertThat(records.find(caseNumber).orElseThrow().rating()).isEqualTo("basicallySatisfied");
  }

  @Test
  void aResidentUnsatisfiedOnTheCallBackPhoneReopensTheCaseWithTheReasonRecorded() {
    String caseNumber = resolvedAtGrid("drain-blocked", "sy-wangjiang-g2");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.passTime(Duration.ofHours(73));

    scenario.complete(scenario.task(instance, "call-back"), Map.of("rating", "unsatisfied",
        "unsatisfiedReason", "下雨后仍然积水 Still floods after rain"));

    assertThat(instance).isWaitingAt("street-handling");
    assertThat(records.events(caseNumber)).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo("reopened");
      assertThat(e.detail()).contains("下雨后仍然积水");
    });
  }

  @Test
  void theStreetRejectsAnInvalidCaseAndTheResidentIsToldWhy() throws Exception {
    String caseNumber = report("property-service", "normal", "sy-wangjiang-g2");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet"));

    scenario.complete(scenario.task(instance, "street-acceptance"), Map.of("streetDecision", "reject",
        "rejectReason", "属物业合同纠纷，请通过法院解决 A contract dispute for the courts"));

    assertThat(instance).isEnded().hasPassed("case-rejected");
    assertThat(records.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
    assertThat(mailsTo("liu.xh@resident.example", caseNumber).stream().map(this::body))
        .anyMatch(b -> b.contains("属物业合同纠纷"));
  }

  @Test
  void theStreetReturnsACaseToTheGridWithInstructions() {
    String caseNumber = report("corridor-occupied", "normal", "sy-wangjiang-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet"));
    scenario.complete(scenario.task(instance, "street-acceptance"), Map.of("streetDecision", "returnToGrid",
        "streetInstructions", "请先联系物业清理 Ask the property company to clear it first"));

    assertThat(scenario.tasks(instance, "grid-handling")).hasSize(1);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "streetInstructions"))
        .asString().contains("物业");
  }

  @Test
  void remindersAndOverdueEscalationsReachTheStreetAndTheDepartments() throws Exception {
    String caseNumber = report("road-damage", "emergency", "cx-hongxing-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "street-acceptance"), Map.of("streetDecision", "handle"));
    smtp.reset();

    scenario.passTime(Duration.ofMinutes(200));  // street handling (emergency: 4 h): reminder at 80 %
    assertThat(mailsTo("wu.xiuying@gridloop.example", caseNumber)).isNotEmpty();
    scenario.passTime(Duration.ofMinutes(50));   // past 4 h: escalated, still the street's
    assertThat(records.events(caseNumber)).anyMatch(e -> e.kind().equals("streetOverdue"));
    assertThat(instance).isWaitingAt("street-handling");

    scenario.complete(scenario.task(instance, "street-handling"),
        Map.of("streetOutcome", "summon", "departments", List.of("urban")));
    scenario.passTime(Duration.ofMinutes(25));   // report-in 30 min: reminder
    scenario.complete(scenario.departmentTask(instance, "department-report-in", "urban"), Map.of());
    smtp.reset();
    scenario.passTime(Duration.ofMinutes(100));  // handling 2 h: reminder at 96 min
    assertThat(mailsTo("zhu.hong@gridloop.example", caseNumber)).isNotEmpty();
    scenario.passTime(Duration.ofMinutes(30));   // past 2 h: department overdue
    assertThat(records.events(caseNumber)).anyMatch(e -> e.kind().equals("departmentOverdue"));
    assertThat(mailsTo("tang.jie@gridloop.example", caseNumber)).isNotEmpty();
  }

  // --- helpers -------------------------------------------------------------------------------

  private String report(String category, String urgency, String gridId) {
    CaseReport report = new CaseReport(category, urgency, gridId, "测试描述 Scenario description",
        "锦江区测试地址 Test address", null, null,
        new CaseReport.Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", null);
    String caseNumber = intake.report(report).caseNumber();
    scenario.runDueJobs();
    return caseNumber;
  }

  private String resolvedAtGrid(String category, String gridId) {
    String caseNumber = report(category, "normal", gridId);
    scenario.complete(scenario.task(scenario.instance(caseNumber), "grid-handling"),
        Map.of("gridOutcome", "resolved", "gridNote", "已处理 Handled"));
    return caseNumber;
  }

  private ResponseEntity<String> rate(String caseNumber, String token, String rating) {
    Map<String, Object> body = new HashMap<>();
    body.put("rating", rating);
    body.put("comment", "测试 test");
    return rest.postForEntity("/api/cases/" + caseNumber + "/rating?token=" + token, body, String.class);
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  private List<MimeMessage> mailsTo(String address, String caseNumber) throws Exception {
    scenario.runDueJobs();
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address))
            && m.getSubject().contains(caseNumber);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String body(MimeMessage message) {
    return ReceivedMail.text(message);
  }


  private static java.util.Date inHours(int hours) {
    return new java.util.Date(ClockUtil.getCurrentTime().getTime() + hours * 3_600_000L);
  }

  private static java.util.Date inMinutes(int minutes) {
    return new java.util.Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L);
  }
}
