package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.gridloop.deploy.BpmnFolderDeployer;
import org.gridloop.intake.CaseIntake;
import org.gridloop.intake.CaseReport;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Finding 3: process owners could run code and wipe cases. Each kind of code is deployed the way
 * Camunda Modeler deploys (its exact multipart request) by the process owner {@code dengwen}, and
 * refused with 400 naming the element and why; nothing is deployed and nothing runs. GridLoop's own
 * models and a changed grid-call deploy cleanly. Deleting what running cases use is the administrator's.
 */
@GridLoopIntegrationTest
class ModelDeployAttacks extends AttackScenario {

  @Autowired RepositoryService repository;
  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;

  static final String HEAD = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="owner-test" name="测试 Test" isExecutable="true" camunda:historyTimeToLive="30">
      """;
  static final String TAIL = """
        </bpmn:process>
      </bpmn:definitions>
      """;

  static final Map<String, String> CODE = new LinkedHashMap<>();

  static {
    CODE.put("script-task", """
        <bpmn:startEvent id="start" /><bpmn:scriptTask id="run-script" scriptFormat="javascript">
        <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script></bpmn:scriptTask>
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="run-script" />""");
    CODE.put("script-listener", """
        <bpmn:startEvent id="start"><bpmn:extensionElements><camunda:executionListener event="start">
        <camunda:script scriptFormat="groovy">'id'.execute()</camunda:script></camunda:executionListener>
        </bpmn:extensionElements></bpmn:startEvent>""");
    CODE.put("java-class", """
        <bpmn:startEvent id="start" /><bpmn:serviceTask id="java-step" camunda:class="org.gridloop.intake.DemoCases" />
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="java-step" />""");
    CODE.put("connector", """
        <bpmn:startEvent id="start" /><bpmn:serviceTask id="call-out"><bpmn:extensionElements><camunda:connector>
        <camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="call-out" />""");
    CODE.put("timer-grabs-admin", """
        <bpmn:startEvent id="soon"><bpmn:timerEventDefinition id="t"><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate>
        </bpmn:timerEventDefinition></bpmn:startEvent>
        <bpmn:serviceTask id="grab" camunda:expression="${execution.processEngineServices.identityService.createMembership('dengwen','camunda-admin')}" />
        <bpmn:sequenceFlow id="f" sourceRef="soon" targetRef="grab" />""");
    CODE.put("embedded-form", """
        <bpmn:startEvent id="start" /><bpmn:userTask id="steal" camunda:formKey="embedded:deployment:steal.html" camunda:candidateGroups="staff" />
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="steal" />""");
    CODE.put("method-on-literal", """
        <bpmn:startEvent id="start" /><bpmn:serviceTask id="reflect" camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="reflect" />""");
    CODE.put("unpublished-bean", """
        <bpmn:startEvent id="start" /><bpmn:serviceTask id="other-bean" camunda:expression="${caseIntake.report(null)}" />
        <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="other-bean" />""");
  }

  @Test
  void everyKindOfCodeDeployedAsCamundaModelerDoesIsRefusedNamingTheElementAndNothingRuns() {
    TestRestTemplate dengwen = as("dengwen");
    long deployments = repository.createDeploymentQuery().count();
    for (Map.Entry<String, String> code : CODE.entrySet()) {
      ResponseEntity<String> answer = modelerDeploy(dengwen, code.getKey() + ".bpmn",
          (HEAD + code.getValue() + TAIL).getBytes(StandardCharsets.UTF_8));
      assertThat(answer.getStatusCode()).as(code.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(answer.getBody()).as(code.getKey()).contains("GridLoop refuses this deployment");
      assertThat(json(answer.getBody()).path("details").toString()).as(code.getKey()).contains("mainElementId");
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("owner-test").count()).isZero();
    new CaseScenario(engine).runDueJobs();
    assertThat(identity.createUserQuery().userId("dengwen").memberOfGroup("camunda-admin").count()).isZero();
    assertThat(identity.createUserQuery().userId("dengwen").memberOfGroup("supervisors").count()).isZero();
  }

  @Test
  void aDecisionInJuelAndAFileThatIsNotAModelAreRefused() {
    String juel = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
          <decision id="owner-rules" name="Rules"><decisionTable id="t">
            <input id="i"><inputExpression id="e" typeRef="string" expressionLanguage="juel">
              <text>${execution.processEngineServices.identityService.createMembership('dengwen','camunda-admin')}</text>
            </inputExpression></input>
            <output id="o" name="y" typeRef="string" />
          </decisionTable></decision>
        </definitions>
        """;
    long deployments = repository.createDeploymentQuery().count();
    ResponseEntity<String> decision = modelerDeploy(as("dengwen"), "owner-rules.dmn", juel.getBytes(StandardCharsets.UTF_8));
    assertThat(decision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(decision.getBody()).contains("FEEL only");
    ResponseEntity<String> page = modelerDeploy(as("dengwen"), "steal.html",
        "<script>fetch('/camunda/api/engine/engine/default/user')</script>".getBytes(StandardCharsets.UTF_8));
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void gridLoopsModelsAndAChangedGridCallDeployCleanlyAsModelerDoesIt() throws IOException {
    Map<String, byte[]> folder = new BpmnFolderDeployer().resources();
    MultiValueMap<String, Object> all = modelerForm("bpmn-folder-check");
    folder.forEach((name, bytes) -> all.add(name.substring(name.lastIndexOf('/') + 1), file(name, bytes)));
    ResponseEntity<String> whole = send(as("dengwen"), all);
    assertThat(whole.getStatusCode()).as(whole.getBody()).isEqualTo(HttpStatus.OK);
    deleteAsAdministrator(json(whole.getBody()).get("id").asText());

    String renamed = Files.readString(Path.of("bpmn/grid-call.bpmn"))
        .replace("name=\"网格处置 Handle in grid\"", "name=\"网格现场处置 Handle on site in the grid\"");
    MultiValueMap<String, Object> changed = modelerForm("grid-call-renamed");
    changed.add("grid-call.bpmn", file("grid-call.bpmn", renamed.getBytes(StandardCharsets.UTF_8)));
    folder.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        changed.add(name.substring(name.lastIndexOf('/') + 1), file(name, bytes));
      }
    });
    ResponseEntity<String> deployed = send(as("dengwen"), changed);
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    deleteAsAdministrator(json(deployed.getBody()).get("id").asText());
  }

  @Test
  void onlyTheAdministratorDeletesWhatRunningCasesUse() {
    intake.report(new CaseReport("street-light", "normal", "cx-hongxing-g1", "路灯不亮 Light out", "红星苑3栋", null, null,
        new CaseReport.Reporter("刘小红", "13912345678", null), "web", null));
    Deployment gridloop = repository.createDeploymentQuery().deploymentName(BpmnFolderDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().list().get(0);
    long running = engine.getRuntimeService().createProcessInstanceQuery().deploymentId(gridloop.getId()).count();
    assertThat(running).isPositive();
    TestRestTemplate dengwen = as("dengwen");

    assertThat(dengwen.exchange("/engine-rest/deployment/" + gridloop.getId() + "?cascade=true", HttpMethod.DELETE,
        null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(dengwen.exchange("/engine-rest/deployment/" + gridloop.getId(), HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> plainByAdmin = as("admin").exchange("/engine-rest/deployment/" + gridloop.getId(),
        HttpMethod.DELETE, null, String.class);
    assertThat(plainByAdmin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(plainByAdmin.getBody()).contains("running case");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().deploymentId(gridloop.getId()).count())
        .isEqualTo(running);
    assertThat(repository.createDeploymentQuery().deploymentId(gridloop.getId()).count()).isOne();

    // A deployment nobody runs is the process owner's to delete.
    String unused = json(modelerDeploy(dengwen, "owner-unused.bpmn", (HEAD
        + "<bpmn:startEvent id=\"start\" /><bpmn:endEvent id=\"end\" /><bpmn:sequenceFlow id=\"f\" sourceRef=\"start\" targetRef=\"end\" />"
        + TAIL).getBytes(StandardCharsets.UTF_8)).getBody()).get("id").asText();
    assertThat(dengwen.exchange("/engine-rest/deployment/" + unused, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void deleteAsAdministrator(String deploymentId) {
    assertThat(as("admin").exchange("/engine-rest/deployment/" + deploymentId, HttpMethod.DELETE, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Camunda Modeler 5's Deploy: one multipart POST, the file(s) as parts named by their file names. */
  static ResponseEntity<String> modelerDeploy(TestRestTemplate client, String fileName, byte[] content) {
    MultiValueMap<String, Object> form = modelerForm(fileName.replaceAll("\\..*", ""));
    form.add(fileName, file(fileName, content));
    return send(client, form);
  }

  static MultiValueMap<String, Object> modelerForm(String deploymentName) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", deploymentName);
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    return form;
  }

  static ByteArrayResource file(String name, byte[] content) {
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    return new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    };
  }

  static ResponseEntity<String> send(TestRestTemplate client, MultiValueMap<String, Object> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }
}
