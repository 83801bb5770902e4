package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.deliberation.TopicIntake;
import org.gridloop.deliberation.TopicProposal;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Finding 7: staff could rewrite any variable of a case or topic through the engine REST API
 * (grid-handling completed with {@code "streetId":"shuyuan"} or {@code "reopenCount":0},
 * consultation-meeting with {@code "votePeriod":"PT1M"}), and the forms' rules held only in the
 * browser. Here every user task of both models is reached the way its staff reach it, and at each
 * one the member of its group tries every way to set what the form does not offer; then completes
 * it the way Tasklist does (read-only fields sent back), which works.
 */
@GridLoopIntegrationTest
class TaskVariableAttacks extends AttackScenario {

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired CaseIntake caseIntake;
  @Autowired TopicIntake topicIntake;
  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    ClockUtil.reset();
    scenario = new CaseScenario(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void atEveryStepOfAGridCallStaffSetOnlyWhatTheFormOffers() {
    String caseNumber = caseIntake.report(new CaseReport("street-light", "normal", "cx-hongxing-g1",
        "路灯不亮 The light is out", "红星苑3栋", null, null,
        new CaseReport.Reporter("刘小红", "13912345678", null), "web", null)).caseNumber();
    scenario.runDueJobs();
    ProcessInstance instance = scenario.instance(caseNumber);

    step(instance, "grid-handling", "wangfang", Map.of("gridOutcome", "callStreet", "gridNote", "需要镇街协调 Needs the street"));

    Task acceptance = scenario.task(instance, "street-acceptance");
    refusedNaming(as("wuxiuying"), acceptance, Map.of("streetDecision", "summon", "departments", List.of()), "departments");
    refusedNaming(as("wuxiuying"), acceptance, Map.of("streetDecision", "reject"), "rejectReason");
    refusedNaming(as("wuxiuying"), acceptance, Map.of("streetDecision", "summon", "departments", List.of("army")), "departments");
    step(instance, "street-acceptance", "wuxiuying", Map.of("streetDecision", "summon", "departments", List.of("water")));

    scenario.passTime(Duration.ofDays(2)); // past the report-in deadline: the supervisors get a 督办 task
    step(instance, "supervise-report-in", "tangjie", Map.of("superviseNote", "已电话督促水务局 Called the bureau"));
    step(instance, "department-report-in", "gaofeng", Map.of("reportInNote", "张工，13800000000，今天到场"));
    step(instance, "department-handling", "gaofeng", Map.of("departmentResult", "已修复线路 Wiring repaired"));
    step(instance, "street-review", "wuxiuying", Map.of("reviewOutcome", "accept"));

    for (int round = 0; round < 3; round++) {
      scenario.passTime(Duration.ofDays(4)); // no rating before the call-back deadline: the grid worker calls back
      refusedNaming(as("wangfang"), scenario.task(instance, "call-back"), Map.of("rating", "unsatisfied"), "unsatisfiedReason");
      step(instance, "call-back", "wangfang", Map.of("rating", "unsatisfied", "unsatisfiedReason", "灯又不亮了 Out again"));
      if (round < 2) {
        step(instance, "street-handling", "wuxiuying", Map.of("streetOutcome", "resolved", "streetNote", "更换灯具 New lamp"));
      }
    }
    step(instance, "supervisor-review", "tangjie", Map.of("supervisorDecision", "closeExplained",
        "supervisorNote", "已向居民解释 Explained to the resident"));
    assertThat(scenario.runtime().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void atEveryCouncilStepStaffSetOnlyWhatTheFormOffers() {
    String topic = topicIntake.propose(new TopicProposal("楼道照明 Stairwell lights", "楼道灯坏了很久 The lights are out",
        "compound", "cx-hongxing-yuan", "use-maintenance-fund", new java.math.BigDecimal("3000"),
        new TopicProposal.Proposer("赵六", "zhao.liu@resident.example")), null).topicNumber();
    scenario.runDueJobs();
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(topic).processDefinitionKey("four-affairs").singleResult();

    Task review = single(instance, "council-review");
    refusedNaming(as("luoyan"), review, Map.of("reviewOutcome", "reject"), "rejectReason");
    step(instance, "council-review", "luoyan", Map.of("reviewOutcome", "accept"));
    scenario.passTime(Duration.ofDays(16)); // the public notice (15 days) closes: the meeting is next
    step(instance, "consultation-meeting", "luoyan", Map.of("meetingDate", "2026-12-05T19:30:00+08:00",
        "participants", List.of("ownersRepresentatives", "propertyCompany"), "minutes", "业主代表同意维修 Owners agree"));

    // The later council steps follow a vote; reach each directly to try the same at each of them.
    String previous = "vote-period";
    for (String step : List.of("decide-rerun", "plan-implementation")) {
      engine.getRuntimeService().createProcessInstanceModification(instance.getId()).startBeforeActivity(step)
          .cancelAllForActivity(previous).execute();
      previous = step;
      Map<String, Object> fields = step.equals("decide-rerun") ? Map.of("rerun", false)
          : Map.of("plan", List.of(Map.of("title", "更换楼道灯 Replace the lights", "responsibleParty", "propertyCompany")));
      Task task = single(instance, step);
      attack(as("luoyan"), task, fields);
      if (step.equals("plan-implementation")) {
        refusedNaming(as("luoyan"), task, Map.of("plan", List.of(Map.of("title", "加装电梯 Elevator",
            "responsibleParty", "department", "departmentCode", "army"))), "plan[0].departmentCode");
      }
    }
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "attack scenario over");
  }

  /** Variables staff have been seen to rewrite: where a form shows one read-only, Tasklist sends it back. */
  static final Map<String, Object> TAMPERED = Map.of("streetId", "shuyuan", "reopenCount", 0, "votePeriod", "PT1M",
      "scopeId", "cx-jinlin", "caseNumber", "GC-2099-000000");

  /** At one step: the group's member tries every other way, then completes it as Tasklist does. */
  private void step(ProcessInstance instance, String step, String userId, Map<String, Object> fields) {
    Task task = single(instance, step);
    TestRestTemplate staff = as(userId);
    attack(staff, task, fields);
    assertThat(post(staff, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", userId)).getStatusCode())
        .as("%s claims %s", userId, step).isEqualTo(HttpStatus.NO_CONTENT);
    // As Tasklist submits it: the fields set, and the read-only fields of the form sent back (here tampered): dropped.
    Map<String, Object> asTasklist = new LinkedHashMap<>(fields);
    Map<String, Object> before = new LinkedHashMap<>();
    for (String shown : formKeys(staff, task)) {
      if (TAMPERED.containsKey(shown) && !fields.containsKey(shown)) {
        asTasklist.put(shown, TAMPERED.get(shown));
        before.put(shown, engine.getRuntimeService().getVariable(instance.getId(), shown));
      }
    }
    ResponseEntity<String> done = post(staff, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", typed(asTasklist)));
    assertThat(done.getStatusCode()).as("%s completes %s: %s", userId, step, done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    scenario.runDueJobs();
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
      before.forEach((name, value) -> assertThat(engine.getRuntimeService().getVariable(instance.getId(), name))
          .as("read-only %s after %s", name, step).isEqualTo(value));
    }
  }

  /** The keys of the task's form, as the client reads it. */
  private static List<String> formKeys(TestRestTemplate staff, Task task) {
    String form = staff.getForObject("/engine-rest/task/" + task.getId() + "/deployed-form", String.class);
    List<String> keys = new java.util.ArrayList<>();
    json(form).findValues("key").forEach(key -> keys.add(key.asText()));
    return keys;
  }

  /** Every way a member of the task's group could set what the form does not offer: each refused, nothing changed. */
  private void attack(TestRestTemplate staff, Task task, Map<String, Object> fields) {
    String url = "/engine-rest/task/" + task.getId();
    Object streetBefore = engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "streetId");
    Object scopeBefore = engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "scopeId");
    List<String> shown = formKeys(staff, task);
    for (Map.Entry<String, Object> extra : TAMPERED.entrySet()) {
      String field = extra.getKey();
      if (shown.contains(field)) {
        continue; // a read-only field of this form: sent back by Tasklist, dropped (see step)
      }
      Map<String, Object> tampered = new LinkedHashMap<>(fields);
      tampered.put(field, extra.getValue());
      for (String way : List.of("/complete", "/submit-form")) {
        ResponseEntity<String> answer = post(staff, url + way, Map.of("variables", typed(tampered)));
        assertThat(answer.getStatusCode()).as("%s %s with %s", task.getTaskDefinitionKey(), way, extra)
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains(field);
      }
    }
    Map<String, Object> javaObject = new LinkedHashMap<>(typed(fields));
    String someField = fields.keySet().iterator().next();
    javaObject.put(someField, Map.of("type", "Object", "value", "{}", "valueInfo",
        Map.of("objectTypeName", "org.springframework.context.support.FileSystemXmlApplicationContext",
            "serializationDataFormat", "application/json")));
    assertThat(post(staff, url + "/submit-form", Map.of("variables", javaObject)).getStatusCode())
        .as("a Java object in %s", task.getTaskDefinitionKey()).isEqualTo(HttpStatus.BAD_REQUEST);

    Map<String, Object> streetVariable = Map.of("value", "shuyuan", "type", "String");
    assertThat(post(staff, url + "/variables", Map.of("modifications", Map.of("streetId", streetVariable))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(staff, url + "/localVariables", Map.of("modifications", Map.of("streetId", streetVariable)))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send(staff, HttpMethod.PUT, url + "/variables/streetId", streetVariable).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(send(staff, HttpMethod.DELETE, url + "/variables/caseNumber", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // Tasklist's "set due date": the whole task back, one date changed.
    JsonNode asStored = json(staff.getForObject(url, String.class));
    Map<String, Object> postponed = new LinkedHashMap<>();
    for (String field : List.of("name", "description", "assignee", "owner", "delegationState", "followUp", "priority",
        "parentTaskId", "caseInstanceId", "tenantId")) {
      postponed.put(field, asStored.hasNonNull(field) ? JSON.convertValue(asStored.get(field), Object.class) : null);
    }
    postponed.put("due", "2099-01-01T00:00:00.000+0000");
    assertThat(send(staff, HttpMethod.PUT, url, postponed).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(staff, url + "/bpmnError", Map.of("errorCode", "done", "variables", typed(Map.of("streetId", "shuyuan"))))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(staff, url + "/bpmnEscalation", Map.of("escalationCode", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String instanceUrl = "/engine-rest/process-instance/" + task.getProcessInstanceId();
    assertThat(post(staff, instanceUrl + "/variables", Map.of("modifications", Map.of("streetId", streetVariable)))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(staff, instanceUrl + "/modification", Map.of("instructions",
        List.of(Map.of("type", "cancel", "activityId", task.getTaskDefinitionKey())))).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(staff, "/engine-rest/message", Map.of("messageName", "case-rated",
        "processInstanceId", task.getProcessInstanceId(), "processVariables", typed(Map.of("rating", "satisfied"))))
        .getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);

    Task now = tasks.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(now).as("the task is still open").isNotNull();
    assertThat(now.getDueDate()).isEqualTo(task.getDueDate());
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "streetId")).isEqualTo(streetBefore);
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "scopeId")).isEqualTo(scopeBefore);
    assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "votePeriod")).isNotEqualTo("PT1M");
    assertThat(tasks.getVariablesLocal(task.getId())).doesNotContainKey("streetId");
  }

  private void refusedNaming(TestRestTemplate staff, Task task, Map<String, Object> fields, String field) {
    ResponseEntity<String> answer = post(staff, "/engine-rest/task/" + task.getId() + "/submit-form",
        Map.of("variables", typed(fields)));
    assertThat(answer.getStatusCode()).as("%s with %s", task.getTaskDefinitionKey(), fields).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).contains(field + ":");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
  }

  private Task single(ProcessInstance instance, String step) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step).list();
    assertThat(open).as("open tasks at %s", step).hasSize(1);
    return open.get(0);
  }

  /** Variables as Tasklist sends them: lists and objects as Json, the rest untyped. */
  private static Map<String, Object> typed(Map<String, Object> fields) {
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      try {
        variables.put(name, value instanceof List<?> || value instanceof Map<?, ?>
            ? Map.of("type", "Json", "value", JSON.writeValueAsString(value)) : Map.of("value", value));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    return variables;
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String url, Object body) {
    return postJson(client, url, body);
  }

  private static ResponseEntity<String> send(TestRestTemplate client, HttpMethod method, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.exchange(url, method, new HttpEntity<>(body, headers), String.class);
  }
}
