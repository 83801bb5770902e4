package org.gridloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridloop.casework.CaseRecords;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.gridloop.support.TestProcesses;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

@GridLoopIntegrationTest
class SecurityIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired CaseRecords records;

  @BeforeEach
  void deployTestProcess() {
    TestProcesses.deployOneTask(repository);
  }

  @Test
  void theEngineRestApiWantsCredentials() {
    assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/engine-rest/user", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("ghost", "wrong").getForEntity("/engine-rest/task", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aGridWorkerCannotSeeClaimOrCompleteATaskOfAnotherGridButCanWorkTheirOwn() {
    Task otherGrid = startTaskFor("grid-cx-jinlin-g1");
    Task ownGrid = startTaskFor("grid-cx-hongxing-g1");
    TestRestTemplate wangfang = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"));

    String visible = wangfang.getForObject("/engine-rest/task?processDefinitionKey=" + TestProcesses.ONE_TASK, String.class);
    assertThat(visible).contains(ownGrid.getId()).doesNotContain(otherGrid.getId());
    assertThat(wangfang.getForEntity("/engine-rest/task/" + otherGrid.getId(), String.class).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(post(wangfang, "/engine-rest/task/" + otherGrid.getId() + "/claim", Map.of("userId", "wangfang")))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(wangfang, "/engine-rest/task/" + otherGrid.getId() + "/complete", Map.of()))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(tasks.createTaskQuery().taskId(otherGrid.getId()).singleResult().getAssignee()).isNull();

    assertThat(post(wangfang, "/engine-rest/task/" + ownGrid.getId() + "/claim", Map.of("userId", "wangfang")))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(post(wangfang, "/engine-rest/task/" + ownGrid.getId() + "/complete", Map.of()))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(ownGrid.getId()).count()).isZero();
  }

  @Test
  void aGridWorkerGivesBackATaskSheHoldsAndSetsItsFollowUpDateButNothingElse() {
    Task task = startTaskFor("grid-cx-hongxing-g1");
    String url = "/engine-rest/task/" + task.getId();
    TestRestTemplate wangfang = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    assertThat(post(wangfang, url + "/claim", Map.of("userId", "wangfang"))).isEqualTo(HttpStatus.NO_CONTENT);

    // Tasklist's "set follow-up date": the whole task back, that one date changed.
    Map<String, Object> followUp = new java.util.LinkedHashMap<>();
    followUp.put("name", task.getName());
    followUp.put("assignee", "wangfang");
    followUp.put("priority", task.getPriority());
    followUp.put("followUp", "2099-01-01T08:00:00.000+0000");
    assertThat(put(wangfang, url, followUp)).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate()).isNotNull();
    followUp.put("name", "改名 Renamed");
    assertThat(put(wangfang, url, followUp)).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(wangfang, url + "/assignee", Map.of("userId", "zhangli"))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(rest.withBasicAuth("zhangli", TestLogins.passwordFor(identity, "zhangli")), url + "/unclaim", Map.of()))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("wangfang");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getName()).isEqualTo(task.getName());

    assertThat(post(wangfang, url + "/unclaim", Map.of())).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  @Test
  void aGridWorkerReadsTheCaseOfTheirOwnTaskButNotAnotherGridsCase() {
    Task ownGrid = startTaskFor("grid-cx-hongxing-g1");
    Task otherGrid = startTaskFor("grid-cx-jinlin-g1");
    TestRestTemplate wangfang = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"));

    ResponseEntity<String> own = wangfang.getForEntity(
        "/engine-rest/process-instance/" + ownGrid.getProcessInstanceId() + "/variables", String.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).contains("grid-cx-hongxing-g1");
    assertThat(wangfang.getForEntity("/engine-rest/process-instance/" + otherGrid.getProcessInstanceId() + "/variables",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wangfang.getForObject("/engine-rest/variable-instance?processInstanceIdIn=" + otherGrid.getProcessInstanceId(),
        String.class)).isEqualTo("[]");
  }

  @Test
  void staffReadingACaseThroughTheRestApiSeeNeitherTheReportersContactDataEvenMaskedNorTheRatingToken() {
    String caseNumber = intake.report(new CaseReport("street-light", "normal", "cx-hongxing-g1", "路灯不亮 Light out",
        "红星苑3栋", null, null, new CaseReport.Reporter("刘小红", "13912345678", "liu.xh@resident.example"), "web", null))
        .caseNumber();
    new CaseScenario(engine).runDueJobs();
    String token = records.find(caseNumber).orElseThrow().ratingToken();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    TestRestTemplate wangfang = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"));

    String variables = wangfang.getForObject("/engine-rest/process-instance/" + task.getProcessInstanceId()
        + "/variables", String.class) + wangfang.getForObject("/engine-rest/task/" + task.getId() + "/variables", String.class);

    assertThat(variables).contains(caseNumber)
        .doesNotContain("13912345678", "139****5678", "刘小红", "刘**")
        .doesNotContain("liu.xh").doesNotContain(token);
  }

  @Test
  void theBodyLimitComesFirstThenTheRateLimitGuardsTheApiTheEngineRestApiAndTheWebappLogins(
      @Autowired FilterRegistrationBean<RequestBodyLimit> requestBodyLimit,
      @Autowired FilterRegistrationBean<ClientRateLimit> clientRateLimit) {
    assertThat(requestBodyLimit.getUrlPatterns()).containsExactly("/*");
    assertThat(requestBodyLimit.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
    assertThat(clientRateLimit.getUrlPatterns()).contains("/api/*", "/engine-rest/*", "/camunda/api/*");
    assertThat(clientRateLimit.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
  }

  @Test
  void aSupervisorSeesEveryCaseButCannotManageUsers() {
    Task task = startTaskFor("grid-cx-jinlin-g1");
    TestRestTemplate tangjie = rest.withBasicAuth("tangjie", TestLogins.passwordFor(identity, "tangjie"));
    assertThat(tangjie.getForObject("/engine-rest/task?processDefinitionKey=" + TestProcesses.ONE_TASK, String.class))
        .contains(task.getId());
    assertThat(tangjie.getForObject("/engine-rest/process-instance/" + task.getProcessInstanceId(), String.class))
        .contains(task.getProcessInstanceId());
    assertThat(post(tangjie, "/engine-rest/user/create",
        Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x"))))
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aProcessOwnerDeploysAModelAsCamundaModelerDoesAndAGridWorkerCannot() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("modeler-deploy-test").name("部署测试 Deploy test")
        .camundaHistoryTimeToLive(30).startEvent().endEvent().done();
    byte[] xml = Bpmn.convertToString(model).getBytes();

    ResponseEntity<String> byOwner = deploy(rest.withBasicAuth("dengwen", TestLogins.passwordFor(identity, "dengwen")), xml);
    assertThat(byOwner.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byOwner.getBody()).contains("modeler-deploy-test");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("modeler-deploy-test").count())
        .isGreaterThanOrEqualTo(1);

    ResponseEntity<String> byWorker = deploy(rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang")), xml);
    assertThat(byWorker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private Task startTaskFor(String group) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(TestProcesses.ONE_TASK, Map.of("group", group));
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private static HttpStatus post(TestRestTemplate client, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return HttpStatus.valueOf(client.postForEntity(url, new HttpEntity<>(body, headers), String.class)
        .getStatusCode().value());
  }

  private static HttpStatus put(TestRestTemplate client, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return HttpStatus.valueOf(client.exchange(url, org.springframework.http.HttpMethod.PUT,
        new HttpEntity<>(body, headers), String.class).getStatusCode().value());
  }

  /** The multipart request Camunda Modeler's Deploy button sends. */
  private static ResponseEntity<String> deploy(TestRestTemplate client, byte[] xml) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "modeler-deploy-test");
    form.add("deployment-source", "Camunda Modeler");
    form.add("deploy-changed-only", "true");
    form.add("data", new ByteArrayResource(xml) {
      @Override
      public String getFilename() {
        return "modeler-deploy-test.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }
}
