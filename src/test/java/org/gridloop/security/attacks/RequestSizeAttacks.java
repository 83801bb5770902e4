package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridloop.security.attacks.RateLimitAttacks.basic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.RawHttp;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Finding 11: a 20 MB report was parsed before it was refused with 400. Now a body over
 * {@code gridloop.api.max-body-size} (64 KB) to GridLoop's API is refused with 413 before it is
 * parsed: at once when its {@code Content-Length} says so, while it is read when it comes chunked.
 * The engine REST API and the webapps' API take up to {@code gridloop.engine-rest.max-body-size}
 * (10 MB): Tasklist submissions with minutes and plans, Modeler deployments.
 */
@GridLoopIntegrationTest
class RequestSizeAttacks extends AttackScenario {

  static final int API_LIMIT = 64 * 1024;
  static final int ENGINE_LIMIT = 10 * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RepositoryService repository;

  @Test
  void aTwentyMegabyteReportIsRefusedWith413AndNothingIsRecorded() {
    String marker = marker();
    byte[] report = toJson(residentReport(marker + "长".repeat(7 * 1024 * 1024))).getBytes(StandardCharsets.UTF_8);
    assertThat(report.length).isGreaterThan(20 * 1024 * 1024);

    RawHttp.Response answer = resident().send("POST", "/api/cases", report, "Content-Type: application/json");

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(json(answer.body()).get("status").asInt()).isEqualTo(413);
    assertThat(json(answer.body()).get("message").asText()).contains("64 KB");
    assertThat(casesWith(marker)).isZero();
  }

  @Test
  void aBodyDeclaredOverTheLimitIsRefusedBeforeAByteOfItIsSent() {
    RawHttp.Response answer = resident().declare("POST", "/api/cases", 20L * 1024 * 1024, new byte[0],
        "Content-Type: application/json");
    assertThat(answer.status()).isEqualTo(413);
  }

  @Test
  void aChunkedBodyIsCountedAsItIsReadAndRefusedAtTheLimitWithoutWaitingForItsEnd() {
    String marker = marker();
    byte[] chunk = new byte[16 * 1024];
    Arrays.fill(chunk, (byte) ' '); // JSON whitespace: the parser would read it all, and wait for more
    RawHttp.Response answer = resident().chunked("POST", "/api/cases", chunk, API_LIMIT / chunk.length + 1, false,
        "Content-Type: application/json");
    assertThat(answer.status()).isEqualTo(413);
    assertThat(json(answer.body()).get("message").asText()).contains("64 KB");
    assertThat(casesWith(marker)).isZero();
  }

  @Test
  void aReportJustUnderTheLimitIsAcceptedWithALengthOrChunked() {
    String marker = marker();
    byte[] declared = paddedTo(toJson(residentReport(marker + "declared")), API_LIMIT);
    assertThat(resident().send("POST", "/api/cases", declared, "Content-Type: application/json").status()).isEqualTo(201);

    byte[] chunked = paddedTo(toJson(residentReport(marker + "chunked")), API_LIMIT);
    assertThat(resident().chunked("POST", "/api/cases", chunked, 1, true, "Content-Type: application/json").status())
        .isEqualTo(201);
    assertThat(casesWith(marker)).isEqualTo(2);
  }

  @Test
  void theEngineRestApiTakesBodiesUpToItsOwnLargerLimit() {
    RawHttp supervisor = resident();
    String tangjie = "Authorization: " + basic("tangjie", TestLogins.passwordFor(identity, "tangjie"));
    byte[] justUnder = paddedTo("{}", ENGINE_LIMIT);
    RawHttp.Response counted = supervisor.send("POST", "/engine-rest/process-instance/count", justUnder,
        "Content-Type: application/json", tangjie);
    assertThat(counted.status()).as(counted.body()).isEqualTo(200);
    assertThat(json(counted.body()).has("count")).isTrue();

    byte[] over = paddedTo("{}", ENGINE_LIMIT + 1);
    assertThat(supervisor.send("POST", "/engine-rest/process-instance/count", over, "Content-Type: application/json", tangjie)
        .status()).isEqualTo(413);
    byte[] megabyte = new byte[1024 * 1024];
    Arrays.fill(megabyte, (byte) ' ');
    RawHttp.Response chunked = supervisor.chunked("POST", "/engine-rest/process-instance/count", megabyte, 11, true,
        "Content-Type: application/json", tangjie);
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(json(chunked.body()).get("message").asText()).contains("10 MB");
  }

  @Test
  void theWebappsApiHasTheEngineLimitAndTheirAnonymousLoginFormTheApisLimit() {
    assertThat(resident().declare("POST", "/camunda/api/engine/engine/default/process-instance/count", ENGINE_LIMIT + 1L,
        new byte[0], "Content-Type: application/json").status()).isEqualTo(413);
    assertThat(resident().declare("POST", "/camunda/api/admin/auth/user/default/login/cockpit", API_LIMIT + 1L,
        new byte[0], "Content-Type: application/x-www-form-urlencoded").status()).isEqualTo(413);
  }

  @Test
  void aModelerDeploymentBiggerThanTheApisLimitIsDeployedAndOneOverTheEngineLimitIsNot() {
    String key = "large-deploy-" + System.nanoTime();
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("大模型 Large model")
        .camundaHistoryTimeToLive(30).startEvent().endEvent().done();
    Documentation notes = model.newInstance(Documentation.class);
    notes.setTextContent("会议纪要 Minutes ".repeat(20_000));
    model.<Process>getModelElementById(key).getDocumentations().add(notes);
    byte[] xml = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    assertThat(xml.length).isGreaterThan(4 * API_LIMIT);

    ResponseEntity<String> deployed = deploy(key, xml);
    assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isOne();

    long deployments = repository.createDeploymentQuery().count();
    RawHttp.Response refused = resident().declare("POST", "/engine-rest/deployment/create", ENGINE_LIMIT + 1L,
        new byte[0], "Content-Type: multipart/form-data; boundary=x",
        "Authorization: " + basic("dengwen", TestLogins.passwordFor(identity, "dengwen")));
    assertThat(refused.status()).isEqualTo(413);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  /** The multipart request Camunda Modeler's Deploy button sends (as in SecurityIT). */
  private ResponseEntity<String> deploy(String name, byte[] xml) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("deployment-source", "Camunda Modeler");
    form.add("data", new ByteArrayResource(xml) {
      @Override
      public String getFilename() {
        return name + ".bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as("dengwen").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private RawHttp resident() {
    return new RawHttp("127.0.0.1", port);
  }

  /** The JSON text followed by spaces, {@code size} bytes in all. */
  private static byte[] paddedTo(String json, int size) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] padded = Arrays.copyOf(text, size);
    Arrays.fill(padded, text.length, size, (byte) ' ');
    return padded;
  }

  private static String marker() {
    return "大小测试 size " + System.nanoTime() + " #";
  }

  private int casesWith(String marker) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gl_case WHERE description LIKE ?", Integer.class, marker + "%");
  }
}
