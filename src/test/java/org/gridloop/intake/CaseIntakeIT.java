package org.gridloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@GridLoopIntegrationTest
public class CaseIntakeIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;
  private final ObjectMapper json = new ObjectMapper();

  /** A valid report from a resident of 红星路社区第一网格; each test spoils one field. */
  public static Map<String, Object> validReport() {
    Map<String, Object> report = new HashMap<>();
    report.put("category", "street-light");
    report.put("urgency", "normal");
    report.put("gridId", "cx-hongxing-g1");
    report.put("description", "红星苑3栋门口路灯不亮已经一周 The street light at building 3 has been out for a week");
    report.put("address", "锦江区红星路二段红星苑3栋");
    report.put("latitude", 30.6598);
    report.put("longitude", 104.0817);
    report.put("reporter", new HashMap<>(Map.of("name", "刘小红", "phone", "13912345678", "email", "liu.xh@resident.example")));
    report.put("channel", "web");
    return report;
  }

  @Test
  void aResidentReportsAProblemAndGetsACaseNumberAndAStatusLink() throws Exception {
    ResponseEntity<String> response = post(validReport());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    String caseNumber = body.get("caseNumber").asText();
    assertThat(caseNumber).matches("GC-\\d{4}-\\d{6}");
    String statusUrl = body.get("statusUrl").asText();
    assertThat(statusUrl).contains("/api/cases/" + caseNumber + "?token=");
    assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + caseNumber);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

    new CaseScenario(engine).runDueJobs(); // the acceptance notice runs as its own job, then the first task
    String token = statusUrl.substring(statusUrl.indexOf("?token=") + 7);
    JsonNode status = json.readTree(rest.getForObject("/api/cases/" + caseNumber + "?token=" + token, String.class));
    assertThat(status.get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(status.get("address").asText()).contains("红星苑3栋");
    assertThat(status.at("/reporter/name").asText()).isEqualTo("刘**");
    assertThat(status.at("/reporter/phone").asText()).isEqualTo("139****5678");
    assertThat(status.at("/reporter/email").asText()).isEqualTo("l***@resident.example");
    assertThat(status.toString()).doesNotContain("13912345678").doesNotContain("刘小红").doesNotContain("ratingToken");
    assertThat(status.at("/category/nameZh").asText()).isNotBlank();
    assertThat(status.get("steps")).isNotEmpty();

    // Without the reporter's token: the public view. A street light is a public space: where, not
    // what the resident wrote, nothing of them (the full rule: PublicCaseViewIT).
    JsonNode anyone = json.readTree(rest.getForObject("/api/cases/" + caseNumber, String.class));
    assertThat(anyone.get("sensitive").asBoolean()).isFalse();
    assertThat(anyone.get("steps")).isNotEmpty();
    assertThat(anyone.at("/location/address").asText()).contains("红星苑3栋");
    assertThat(anyone.has("description")).isFalse();
    assertThat(anyone.has("reporter")).isFalse();
    assertThat(anyone.toString()).doesNotContain("路灯不亮").doesNotContain("刘");
  }

  @Test
  void theSameRequestIdAgainReturnsTheSameCaseNeverASecondOne() throws Exception {
    Map<String, Object> report = validReport();
    report.put("requestId", "app-" + UUID.randomUUID());

    ResponseEntity<String> first = post(report);
    ResponseEntity<String> again = post(report);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    String caseNumber = json.readTree(first.getBody()).get("caseNumber").asText();
    assertThat(json.readTree(again.getBody()).get("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
  }

  @Test
  void eachBadFieldIsRefusedWith400NamingIt() throws Exception {
    expectBadField("category", r -> r.put("category", "no-such-category"));
    expectBadField("category", r -> r.remove("category"));
    expectBadField("urgency", r -> r.put("urgency", "whenever"));
    expectBadField("gridId", r -> r.put("gridId", "atlantis-g1"));
    expectBadField("gridId", r -> r.remove("gridId"));
    expectBadField("description", r -> r.remove("description"));
    expectBadField("description", r -> r.put("description", "长".repeat(4001)));
    expectBadField("address", r -> r.put("address", " "));
    expectBadField("latitude", r -> r.put("latitude", 91));
    expectBadField("reporter", r -> r.remove("reporter"));
    expectBadField("reporter.name", r -> reporter(r).remove("name"));
    expectBadField("reporter.phone", r -> reporter(r).put("phone", "12345"));
    expectBadField("reporter.email", r -> reporter(r).put("email", "not-an-address"));
    expectBadField("channel", r -> r.put("channel", "pigeon"));
  }

  @Test
  void severalBadFieldsAreAllNamed() throws Exception {
    Map<String, Object> report = validReport();
    report.put("urgency", "whenever");
    reporter(report).put("email", "nope");
    JsonNode body = json.readTree(post(report).getBody());
    assertThat(body.get("errors").findValuesAsText("field")).contains("urgency", "reporter.email");
  }

  @Test
  void aBodyThatIsNotJsonIsRefusedWithAMessage() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.postForEntity("/api/cases", new HttpEntity<>("{not json", headers), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("not valid JSON");
  }

  @Test
  void theHotlineChannelIsForStaffWithALogin() {
    Map<String, Object> report = validReport();
    report.put("channel", "hotline");
    assertThat(post(report).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anUnknownCaseIs404() {
    assertThat(rest.getForEntity("/api/cases/GC-1999-000001", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theCategoriesComeFromTheRoutingRules() throws Exception {
    JsonNode categories = json.readTree(rest.getForObject("/api/categories", String.class));
    assertThat(categories.size()).isGreaterThanOrEqualTo(25);
    assertThat(categories.findValuesAsText("group")).containsOnly(
        "infrastructure", "environment", "neighbourDispute", "property", "publicSafety", "careService");
    assertThat(categories.findValuesAsText("code")).contains("street-light", "ebike-charging-upstairs");
  }

  private void expectBadField(String field, Consumer<Map<String, Object>> spoil) throws Exception {
    Map<String, Object> report = validReport();
    spoil.accept(report);
    ResponseEntity<String> response = post(report);
    assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("errors").findValuesAsText("field")).as(response.getBody()).contains(field);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reporter(Map<String, Object> report) {
    return (Map<String, Object>) report.get("reporter");
  }

  private ResponseEntity<String> post(Map<String, Object> report) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.postForEntity("/api/cases", new HttpEntity<>(report, headers), String.class);
  }
}
