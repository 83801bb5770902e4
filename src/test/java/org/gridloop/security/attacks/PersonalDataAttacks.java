package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.casework.CaseRecords;
import org.gridloop.intake.CaseIntake;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ReceivedMail;
import org.gridloop.support.ResidentCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 9: residents' contact data was readable beyond the call-back (the reporter's name and
 * phone were variables of the call-back task and stayed in history), and the case page showed
 * anyone counting case numbers the staff's and the residents' free text.
 */
@GridLoopIntegrationTest
class PersonalDataAttacks extends AttackScenario {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  /** Every text staff or the resident typed in the scenarios below: none may reach a stranger. */
  static final List<String> FREE_TEXT = List.of("井盖下有异响 A resident's description", "网格核实 Grid checked",
      "请水务核查 Water, please check", "水务到场 On site", "已更换井盖 Cover replaced", "居民说没人来 Nobody came");

  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseRecords records;
  ResidentCases cases;
  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    cases = new ResidentCases(intake, engine);
    scenario = cases.scenario();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aDepartmentThatWorkedTheCaseReadsNoContactDataThroughAnyEngineEndpoint() {
    String caseNumber = manholeCaseWorkedByTheWaterDepartmentAtCallBack();
    ProcessInstance instance = scenario.instance(caseNumber);
    Task callBack = scenario.task(instance, "call-back");
    TestRestTemplate gaofeng = as("gaofeng");

    // The reproduction, exactly.
    ResponseEntity<String> exact = gaofeng.getForEntity("/engine-rest/variable-instance?variableName=reporterMasked",
        String.class);
    assertThat(exact.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(exact.getBody())).isEmpty();
    // The department still reads the case it worked on (the per-case grant), and the problem in it.
    ResponseEntity<String> variables = gaofeng.getForEntity("/engine-rest/process-instance/" + instance.getId()
        + "/variables", String.class);
    assertThat(variables.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(variables.getBody()).contains(caseNumber).contains("井盖下有异响");

    for (String url : engineReadsOf(instance, callBack, caseNumber)) {
      assertNoContact(gaofeng, url);
    }
    assertTheEngineHoldsNoContactData();
  }

  @Test
  void evenTheCallBacksHolderReadsNoContactDataInTheEngineOnlyThroughTheLoggedContactTab() {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    Task callBack = scenario.task(instance, "call-back");
    TestRestTemplate wangfang = as("wangfang");

    for (String url : engineReadsOf(instance, callBack, caseNumber)) {
      assertNoContact(wangfang, url);
    }
    assertNoContact(wangfang, "/engine-rest/task/" + callBack.getId() + "/variables");
    assertNoContact(wangfang, "/engine-rest/task/" + callBack.getId() + "/form-variables");
    assertTheEngineHoldsNoContactData();
  }

  @Test
  void aSupervisorReadsNoPhoneNumberFromHistory() {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    ProcessInstance instance = scenario.instance(caseNumber);
    Task callBack = scenario.task(instance, "call-back");
    scenario.complete(callBack, Map.of("rating", "satisfied"));
    assertThat(scenario.instance(caseNumber)).as("closed: all it ever held is history now").isNull();
    TestRestTemplate tangjie = as("tangjie");

    for (String url : List.of(
        "/engine-rest/history/variable-instance?processInstanceId=" + instance.getId(),
        "/engine-rest/history/variable-instance?variableName=reporterMasked",
        "/engine-rest/history/variable-instance?variableNameLike=reporter%25",
        "/engine-rest/history/detail?processInstanceId=" + instance.getId(),
        "/engine-rest/history/detail?taskId=" + callBack.getId(),
        "/engine-rest/history/task?processInstanceId=" + instance.getId(),
        "/engine-rest/history/activity-instance?processInstanceId=" + instance.getId(),
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber,
        "/engine-rest/history/user-operation?processInstanceId=" + instance.getId(),
        "/engine-rest/history/decision-instance?processInstanceId=" + instance.getId()
            + "&includeInputs=true&includeOutputs=true")) {
      ResponseEntity<String> response = assertNoContact(tangjie, url);
      assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
    }
    assertThat(json(tangjie.getForObject("/engine-rest/history/variable-instance?processInstanceId=" + instance.getId(),
        String.class))).as("the supervisor does read the case's history").isNotEmpty();
    assertTheEngineHoldsNoContactData();
  }

  @Test
  void everyoneButTheCallBacksHolderAndASupervisorWithAReasonIsRefusedTheContactAndTheTryIsLogged() {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    // another grid, the street and a department of the district, a council, a process owner, the administrator
    for (String user : List.of("zhangli", "wuxiuying", "gaofeng", "luoyan", "dengwen", "admin")) {
      ResponseEntity<String> refused = as(user).getForEntity("/api/cases/" + caseNumber
          + "/contact?reason=只是看看 Just looking", String.class);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).as(user).doesNotContain(ResidentCases.CONTACT);
      assertThat(reads(caseNumber, user)).as("%s's try is logged as refused", user).singleElement()
          .satisfies(read -> assertThat(read).containsEntry("GRANTED", false).containsEntry("BASIS", "none"));
    }
    ResponseEntity<String> anonymous = rest.getForEntity("/api/cases/" + caseNumber + "/contact", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody()).doesNotContain(ResidentCases.CONTACT);
    assertThat(reads(caseNumber, null)).as("nothing was granted").allSatisfy(read ->
        assertThat(read).containsEntry("GRANTED", false));
  }

  @Test
  void aSupervisorWithoutAReasonIsRefusedNamingTheField() {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    TestRestTemplate tangjie = as("tangjie");
    for (String url : List.of("/api/cases/" + caseNumber + "/contact", "/api/cases/" + caseNumber + "/contact?reason=",
        "/api/cases/" + caseNumber + "/contact?reason=   ", "/api/cases/" + caseNumber + "/contact?reason=ok")) {
      ResponseEntity<String> refused = tangjie.getForEntity(url, String.class);
      assertThat(refused.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
      JsonNode body = json(refused.getBody());
      assertThat(body.at("/errors/0/field").asText()).as(url).isEqualTo("reason");
      assertThat(refused.getBody()).as(url).doesNotContain(ResidentCases.CONTACT);
    }
    assertThat(reads(caseNumber, "tangjie")).hasSize(4).allSatisfy(read ->
        assertThat(read).containsEntry("GRANTED", false).containsEntry("BASIS", "supervisor"));
  }

  @Test
  void theCallBacksHolderLosesTheContactOnceTheCallBackIsDone() {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    TestRestTemplate wangfang = as("wangfang");
    assertThat(wangfang.getForEntity("/api/cases/" + caseNumber + "/contact", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    scenario.complete(scenario.task(scenario.instance(caseNumber), "call-back"), Map.of("rating", "satisfied"));

    ResponseEntity<String> afterwards = wangfang.getForEntity("/api/cases/" + caseNumber + "/contact", String.class);
    assertThat(afterwards.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(afterwards.getBody()).doesNotContain(ResidentCases.CONTACT);
    assertThat(reads(caseNumber, "wangfang")).extracting(read -> read.get("GRANTED")).containsExactly(true, false);
  }

  @Test
  void aGridWorkerBeforeTheCallBackIsRefusedTheContact() {
    String caseNumber = cases.report("street-light", "cx-hongxing-g1", "路灯不亮 Light out", "红星苑3栋");
    ResponseEntity<String> refused = as("wangfang").getForEntity("/api/cases/" + caseNumber + "/contact", String.class);
    assertThat(refused.getStatusCode()).as("grid handling is no call-back").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).doesNotContain(ResidentCases.CONTACT);
  }

  @Test
  void aStrangerCountingCaseNumbersReadsNoFreeTextAndNothingOfTheReporter() {
    String publicSpace = manholeCaseWorkedByTheWaterDepartmentAtCallBack();
    scenario.complete(scenario.task(scenario.instance(publicSpace), "call-back"),
        Map.of("rating", "unsatisfied", "unsatisfiedReason", "居民说没人来 Nobody came"));
    String sensitive = cases.report("elderly-living-alone-visit", "cx-hongxing-g1",
        "独居老人张奶奶需要探访 Grandma Zhang lives alone", "锦江区红星路二段红星苑3栋2单元501");
    int last = Integer.parseInt(sensitive.substring(sensitive.lastIndexOf('-') + 1));
    String prefix = sensitive.substring(0, sensitive.lastIndexOf('-') + 1);

    for (int n = Math.max(1, last - 20); n <= last + 1; n++) {
      String counted = prefix + String.format("%06d", n);
      ResponseEntity<String> page = rest.getForEntity("/api/cases/" + counted, String.class);
      assertThat(page.getStatusCode()).as(counted).isIn(HttpStatus.OK, HttpStatus.NOT_FOUND);
      assertThat(page.getBody()).as(counted).doesNotContain(ResidentCases.CONTACT).doesNotContain(FREE_TEXT)
          .doesNotContain("张奶奶", "2单元501", "\"description\"", "\"outcome\"", "\"rating\"", "\"ratingComment\"",
              "\"reporter\"");
    }
    JsonNode care = json(rest.getForObject("/api/cases/" + sensitive, String.class));
    assertThat(care.get("sensitive").asBoolean()).isTrue();
    assertThat(care.at("/category/group").asText()).isEqualTo("careService");
    assertThat(care.has("location")).isFalse();
    assertThat(care.has("steps")).isFalse();
    assertThat(care.toString()).doesNotContain("elderly-living-alone-visit").doesNotContain("独居老人探访")
        .doesNotContain("红星");
  }

  @Test
  void theAdministratorFindsNoReportersTokenInTheOutboxOnceTheirMailIsSent() {
    String caseNumber = cases.report("street-light", "cx-hongxing-g1", "路灯不亮 Light out", "红星苑3栋");
    String token = records.find(caseNumber).orElseThrow().ratingToken();
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(ReceivedMail::text))
        .as("the resident got their link").anyMatch(body -> body.contains(token));

    ResponseEntity<String> outbox = as("admin").getForEntity("/api/admin/outbox?caseNumber=" + caseNumber, String.class);

    assertThat(outbox.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(outbox.getBody()).contains("withheld").doesNotContain(token);
  }

  // --- the cases and the engine's endpoints ----------------------------------------------------

  /**
   * A missing manhole cover the grid calls up to the street, which summons the water department
   * (gaofeng's group: it gets the per-case read grant); water reports in and handles it, the street
   * accepts, the resident does not rate: the grid's call-back task is open.
   */
  private String manholeCaseWorkedByTheWaterDepartmentAtCallBack() {
    String caseNumber = cases.report("missing-manhole-cover", "cx-hongxing-g1", FREE_TEXT.get(0),
        "锦江区红星路二段路口 Hongxing Road crossing");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet",
        "gridNote", FREE_TEXT.get(1)));
    scenario.complete(scenario.task(instance, "street-acceptance"), Map.of("streetDecision", "summon",
        "departments", List.of("water"), "streetInstructions", FREE_TEXT.get(2)));
    scenario.complete(scenario.departmentTask(instance, "department-report-in", "water"),
        Map.of("reportInNote", FREE_TEXT.get(3)));
    scenario.complete(scenario.departmentTask(instance, "department-handling", "water"),
        Map.of("departmentResult", FREE_TEXT.get(4)));
    scenario.complete(scenario.departmentTask(instance, "street-review", "water"), Map.of("reviewOutcome", "accept"));
    scenario.passTime(Duration.ofHours(73));
    scenario.task(instance, "call-back");
    return caseNumber;
  }

  /** What the engine's REST API lets a group with the per-case grant read of a case. */
  private static List<String> engineReadsOf(ProcessInstance instance, Task callBack, String caseNumber) {
    String pid = instance.getId();
    return List.of(
        "/engine-rest/variable-instance?variableName=reporterMasked",
        "/engine-rest/variable-instance?processInstanceIdIn=" + pid,
        "/engine-rest/variable-instance?variableNameLike=reporter%25",
        "/engine-rest/process-instance/" + pid + "/variables",
        "/engine-rest/process-instance?businessKey=" + caseNumber,
        "/engine-rest/task?processInstanceId=" + pid,
        "/engine-rest/task/" + callBack.getId() + "/variables",
        "/engine-rest/task/" + callBack.getId() + "/form-variables",
        "/engine-rest/task/" + callBack.getId() + "/localVariables",
        "/engine-rest/history/variable-instance?processInstanceId=" + pid,
        "/engine-rest/history/variable-instance?variableName=reporterMasked",
        "/engine-rest/history/detail?processInstanceId=" + pid,
        "/engine-rest/history/task?processInstanceId=" + pid,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber);
  }

  private static ResponseEntity<String> assertNoContact(TestRestTemplate client, String url) {
    // as written: the URLs are encoded already (reporter%25 is reporter%)
    ResponseEntity<String> response = client.getForEntity(URI.create(url), String.class);
    assertThat(response.getStatusCode().value()).as(url).isLessThan(500);
    assertThat(String.valueOf(response.getBody())).as(url).doesNotContain(ResidentCases.CONTACT);
    return response;
  }

  private void assertTheEngineHoldsNoContactData() {
    for (String name : List.of("reporterMasked", "reporterName", "reporterPhone", "reporterEmail")) {
      assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName(name).count()).as(name).isZero();
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName(name).includeDeleted()
          .count()).as(name).isZero();
    }
  }

  /** The logged looks at a case's contact (one user's, or everyone's), oldest first. */
  private List<Map<String, Object>> reads(String caseNumber, String user) {
    return user == null
        ? jdbc.queryForList("SELECT * FROM gl_contact_read WHERE case_number = ? ORDER BY id", caseNumber)
        : jdbc.queryForList("SELECT * FROM gl_contact_read WHERE case_number = ? AND user_id = ? ORDER BY id",
            caseNumber, user);
  }
}
