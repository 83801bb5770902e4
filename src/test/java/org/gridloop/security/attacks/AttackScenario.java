package org.gridloop.security.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.gridloop.support.TestLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every attack scenario stands on: the running application (the subclass carries
 * {@code @GridLoopIntegrationTest}), logins by user id, and JSON requests and answers.
 */
abstract class AttackScenario {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  /** HTTP basic credentials of a user of the test organisation (or the administrator). */
  TestRestTemplate as(String userId) {
    String password = "admin".equals(userId) ? TestLogins.ADMIN_PASSWORD : TestLogins.passwordFor(identity, userId);
    return rest.withBasicAuth(userId, password);
  }

  static ResponseEntity<String> postJson(TestRestTemplate client, String url, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.postForEntity(url, new HttpEntity<>(body, headers), String.class);
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }

  /** A resident's valid report (as in CaseIntakeIT) whose description carries {@code description}. */
  static Map<String, Object> residentReport(String description) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("category", "street-light");
    report.put("urgency", "normal");
    report.put("gridId", "cx-hongxing-g1");
    report.put("description", description);
    report.put("address", "锦江区红星路二段红星苑3栋");
    report.put("reporter", Map.of("name", "刘小红", "phone", "13912345678"));
    report.put("channel", "web");
    return report;
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
