package org.gridloop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The supervisors' SLA endpoints against cases in known states. The suite shares one database with
 * every other integration test, so the figures are checked as differences: the same moment (T1)
 * is measured before and after this test's four cases are put in their states, and only this
 * test's cases' jobs run in between.
 *
 * <ul>
 *   <li>A (hejiang): called to the street at T0, misses the 8 h acceptance deadline: overdue,
 *       escalated (streetOverdue).</li>
 *   <li>B (chunxi): reported at T0, the grid's 24 h run until T0+24h: due within 24 h at T1.</li>
 *   <li>C (shuyuan): urgent, the grid misses its 2 h: escalated to the street (gridOverdue) at T1,
 *       where acceptance is due within 2 h.</li>
 *   <li>D (chunxi): urgent, the urban department is summoned and misses its 2 h report-in:
 *       overdue at department level (reportInOverdue), a supervise task at district level.</li>
 * </ul>
 * Mail jobs of these cases may fail without an SMTP server; they don't touch the figures.
 */
@GridLoopIntegrationTest
class SlaIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  final ObjectMapper json = new ObjectMapper();
  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new CaseScenario(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void supervisorsSeeOpenOverdueDueSoonEscalatedAndOnTimeFiguresWithLinksToTheirProcessInstances() throws Exception {
    Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (!YearMonth.from(t0.atZone(SlaController.CITY_TIME))
        .equals(YearMonth.from(t0.plus(Duration.ofHours(10)).atZone(SlaController.CITY_TIME)))) {
      t0 = t0.plus(Duration.ofHours(12)); // keep T0 and T1 in one month for the on-time figures
    }
    Instant t1 = t0.plus(Duration.ofHours(9));
    TestRestTemplate tangjie = rest.withBasicAuth("tangjie", TestLogins.passwordFor(identity, "tangjie"));

    // Baseline at T1: everything else settled as of T1, before this test's cases exist.
    ClockUtil.setCurrentTime(Date.from(t1));
    scenario.runDueJobs();
    JsonNode open0 = get(tangjie, "/api/sla/open");
    JsonNode overdue0 = get(tangjie, "/api/sla/overdue?limit=500");
    JsonNode dueSoon0 = get(tangjie, "/api/sla/due-soon?limit=500");
    JsonNode escalations0 = get(tangjie, "/api/sla/escalations?days=7&limit=500");
    JsonNode onTime0 = get(tangjie, "/api/sla/on-time");

    // At T0: the four cases.
    ClockUtil.setCurrentTime(Date.from(t0));
    String a = report("noise", "normal", "hh-furong-g1");
    complete(a, "grid-handling", Map.of("gridOutcome", "callStreet"));
    String b = report("street-light", "normal", "cx-hongxing-g1");
    String c = report("water-outage", "urgent", "sy-wangjiang-g1");
    String d = report("water-outage", "urgent", "cx-jinlin-g1");
    complete(d, "grid-handling", Map.of("gridOutcome", "callStreet"));
    complete(d, "street-acceptance", Map.of("streetDecision", "summon", "departments", List.of("urban")));

    // At T1: only these cases' deadlines fire.
    ClockUtil.setCurrentTime(Date.from(t1));
    for (String caseNumber : List.of(a, b, c, d)) {
      runJobsOf(caseNumber);
    }

    JsonNode open1 = get(tangjie, "/api/sla/open");
    assertThat(open1.at("/asOf").asText()).isEqualTo(open0.at("/asOf").asText());
    assertThat(delta(open0, open1, "/totals/openCases")).isEqualTo(4);
    assertThat(delta(open0, open1, "/totals/overdueCases")).isEqualTo(2);       // A, D
    assertThat(delta(open0, open1, "/totals/dueWithin24hCases")).isEqualTo(2);  // B, C
    assertThat(groupDelta(open0, open1, "byLevel", "grid")).containsExactly(1, 0, 1);       // B
    assertThat(groupDelta(open0, open1, "byLevel", "street")).containsExactly(2, 1, 1);     // A overdue, C soon
    assertThat(groupDelta(open0, open1, "byLevel", "department")).containsExactly(1, 1, 0); // D
    assertThat(groupDelta(open0, open1, "byLevel", "district")).containsExactly(1, 0, 0);   // D's supervise task
    assertThat(groupDelta(open0, open1, "byStreet", "chunxi")).containsExactly(2, 1, 1);    // B, D
    assertThat(groupDelta(open0, open1, "byStreet", "hejiang")).containsExactly(1, 1, 0);   // A
    assertThat(groupDelta(open0, open1, "byStreet", "shuyuan")).containsExactly(1, 0, 1);   // C
    assertThat(groupDelta(open0, open1, "byDepartment", "urban")).containsExactly(1, 1, 0);
    assertThat(group(open1, "byDepartment", "urban").at("/awaitingReportIn").asLong()
        - group(open0, "byDepartment", "urban").at("/awaitingReportIn").asLong()).isEqualTo(1);
    assertThat(group(open1, "byStreet", "chunxi").at("/name").asText()).contains("春熙路街道");
    assertThat(group(open1, "byLevel", "street").at("/casesUrl").asText())
        .isEqualTo("/api/sla/cases?state=open&level=street");

    // The drill-down behind a count lists the cases with their process instances.
    JsonNode hejiangOverdue = get(tangjie, group(open1, "byStreet", "hejiang").at("/overdueCasesUrl").asText());
    assertThat(rows(hejiangOverdue)).anySatisfy(row -> {
      assertThat(row.at("/caseNumber").asText()).isEqualTo(a);
      assertThat(row.at("/processInstanceId").asText()).isEqualTo(instanceId(a));
    });

    JsonNode overdue1 = get(tangjie, "/api/sla/overdue?limit=500");
    assertThat(overdue1.at("/total").asLong() - overdue0.at("/total").asLong()).isEqualTo(2);
    JsonNode overdueA = row(overdue1, a);
    assertThat(overdueA.at("/step").asText()).isEqualTo("street-acceptance");
    assertThat(overdueA.at("/level").asText()).isEqualTo("street");
    assertThat(overdueA.at("/unitGroup").asText()).isEqualTo("street-hejiang");
    assertThat(overdueA.at("/overdueMinutes").asLong()).isEqualTo(60);
    assertThat(overdueA.at("/escalated").asBoolean()).isTrue();
    assertThat(overdueA.at("/processInstanceId").asText()).isEqualTo(instanceId(a));
    assertThat(overdueA.at("/cockpitPath").asText()).isEqualTo("#/process-instance/" + instanceId(a));
    assertThat(overdueA.at("/cockpitUrl").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + instanceId(a));
    assertThat(row(overdue1, d).at("/step").asText()).isEqualTo("department-report-in");
    assertThat(caseNumbers(overdue1)).doesNotContain(b, c);

    JsonNode dueSoon1 = get(tangjie, "/api/sla/due-soon?limit=500");
    assertThat(dueSoon1.at("/total").asLong() - dueSoon0.at("/total").asLong()).isEqualTo(2);
    assertThat(row(dueSoon1, b).at("/dueInMinutes").asLong()).isEqualTo(15 * 60);
    assertThat(row(dueSoon1, c).at("/step").asText()).isEqualTo("street-acceptance");
    assertThat(caseNumbers(dueSoon1)).doesNotContain(a, d);

    JsonNode escalations1 = get(tangjie, "/api/sla/escalations?days=7&limit=500");
    assertThat(escalations1.at("/total").asLong() - escalations0.at("/total").asLong()).isEqualTo(3);
    JsonNode escalationA = escalation(escalations1, a);
    assertThat(escalationA.at("/kind").asText()).isEqualTo("streetOverdue");
    assertThat(escalationA.at("/unitGroup").asText()).isEqualTo("street-hejiang");
    assertThat(escalationA.at("/unitName").asText()).contains("合江");
    assertThat(escalationA.at("/reason").asText()).contains("PT8H");
    assertThat(Instant.parse(escalationA.at("/at").asText())).isEqualTo(t1);
    assertThat(escalationA.at("/processInstanceId").asText()).isEqualTo(instanceId(a));
    assertThat(escalationA.at("/cockpitPath").asText()).isEqualTo("#/process-instance/" + instanceId(a));
    assertThat(escalationA.at("/caseOpen").asBoolean()).isTrue();
    assertThat(escalation(escalations1, c).at("/kind").asText()).isEqualTo("gridOverdue");
    assertThat(escalation(escalations1, d).at("/kind").asText()).isEqualTo("reportInOverdue");
    assertThat(escalation(escalations1, d).at("/unitGroup").asText()).isEqualTo("dept-urban");

    // This month: A's grid step ended in time (T0), C's was taken away by its deadline (late);
    // D's grid step and street acceptance ended in time.
    JsonNode onTime1 = get(tangjie, "/api/sla/on-time");
    JsonNode grid0 = level(onTime0, "grid");
    JsonNode grid1 = level(onTime1, "grid");
    assertThat(grid1.at("/ended").asLong() - grid0.at("/ended").asLong()).isEqualTo(3);  // A, C, D
    assertThat(grid1.at("/onTime").asLong() - grid0.at("/onTime").asLong()).isEqualTo(2);
    assertThat(grid1.at("/late").asLong() - grid0.at("/late").asLong()).isEqualTo(1);
    assertThat(grid1.at("/rate").asDouble()).isBetween(0.0, 1.0);
    assertThat(grid1.at("/label").asText()).isEqualTo("网格 Grid");
    JsonNode lateGrid = get(tangjie, grid1.at("/lateCasesUrl").asText());
    assertThat(caseNumbers(lateGrid)).contains(c).doesNotContain(a, d);
    JsonNode street0 = level(onTime0, "street");
    JsonNode street1 = level(onTime1, "street");
    assertThat(street1.at("/ended").asLong() - street0.at("/ended").asLong()).isEqualTo(1); // D's acceptance
    assertThat(onTime1.at("/month").asText()).isEqualTo(YearMonth.from(t1.atZone(SlaController.CITY_TIME)).toString());
  }

  @Test
  void onlySupervisorsAndAdministratorsMayReadTheSlaFigures() {
    for (String path : List.of("/api/sla/open", "/api/sla/overdue", "/api/sla/due-soon", "/api/sla/escalations",
        "/api/sla/on-time", "/api/sla/cases?state=overdue")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      ResponseEntity<String> worker = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"))
          .getForEntity(path, String.class);
      assertThat(worker.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(worker.getBody()).contains("\"status\":403");
      assertThat(rest.withBasicAuth("zhuhong", TestLogins.passwordFor(identity, "zhuhong"))
          .getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth("fengxue", TestLogins.passwordFor(identity, "fengxue"))
          .getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(rest.withBasicAuth("admin", TestLogins.ADMIN_PASSWORD)
          .getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void badParametersAreRefusedAsJson() {
    TestRestTemplate tangjie = rest.withBasicAuth("tangjie", TestLogins.passwordFor(identity, "tangjie"));
    for (String path : List.of("/api/sla/overdue?limit=0", "/api/sla/cases?state=everything",
        "/api/sla/cases?level=province", "/api/sla/escalations?days=400")) {
      ResponseEntity<String> response = tangjie.getForEntity(path, String.class);
      assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody()).contains("\"errors\"");
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private String report(String category, String urgency, String gridId) {
    CaseReport report = new CaseReport(category, urgency, gridId, "SLA 测试 SLA test", "锦江区测试地址 Test address",
        null, null, new CaseReport.Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", null);
    String caseNumber = intake.report(report).caseNumber();
    runJobsOf(caseNumber);
    return caseNumber;
  }

  private void complete(String caseNumber, String step, Map<String, Object> fields) {
    ProcessInstance instance = scenario.instance(caseNumber);
    engine.getTaskService().complete(scenario.task(instance, step).getId(), fields);
    runJobsOf(caseNumber);
  }

  /** Runs the due jobs of one case only, so the other tests' cases stay as the baseline saw them. */
  private void runJobsOf(String caseNumber) {
    ManagementService management = engine.getManagementService();
    String instanceId = instanceId(caseNumber);
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instanceId).executable().withRetriesLeft().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        if (management.createJobQuery().jobId(job.getId()).count() > 0) {
          try {
            management.executeJob(job.getId());
          } catch (RuntimeException e) {
            System.err.println("Job " + job.getId() + " of " + caseNumber + " failed: " + e);
          }
        }
      }
    }
  }

  private String instanceId(String caseNumber) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult().getId();
  }

  private JsonNode get(TestRestTemplate client, String path) throws Exception {
    ResponseEntity<String> response = client.getForEntity(path, String.class);
    assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static long delta(JsonNode before, JsonNode after, String pointer) {
    return after.at(pointer).asLong() - before.at(pointer).asLong();
  }

  private static JsonNode group(JsonNode body, String list, String key) {
    return StreamSupport.stream(body.get(list).spliterator(), false)
        .filter(g -> key.equals(g.get("key").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + list));
  }

  /** open, overdue and due-within-24-h differences of one group. */
  private static List<Integer> groupDelta(JsonNode before, JsonNode after, String list, String key) {
    JsonNode b = group(before, list, key);
    JsonNode a = group(after, list, key);
    List<Integer> deltas = new ArrayList<>();
    for (String field : List.of("openCases", "overdueCases", "dueWithin24hCases")) {
      deltas.add(a.get(field).asInt() - b.get(field).asInt());
    }
    return deltas;
  }

  private static List<JsonNode> rows(JsonNode body) {
    List<JsonNode> rows = new ArrayList<>();
    body.get("rows").forEach(rows::add);
    return rows;
  }

  private static List<String> caseNumbers(JsonNode body) {
    return rows(body).stream().map(r -> r.get("caseNumber").asText()).toList();
  }

  private static JsonNode row(JsonNode body, String caseNumber) {
    return rows(body).stream().filter(r -> caseNumber.equals(r.get("caseNumber").asText())).findFirst()
        .orElseThrow(() -> new AssertionError(caseNumber + " not listed"));
  }

  private static JsonNode escalation(JsonNode body, String caseNumber) {
    return row(body, caseNumber);
  }

  private static JsonNode level(JsonNode onTime, String level) {
    return StreamSupport.stream(onTime.get("byLevel").spliterator(), false)
        .filter(l -> level.equals(l.get("level").asText())).findFirst().orElseThrow();
  }
}
