package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.intake.CaseIntakeIT;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TopicScenario;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finding 4: {@code POST /api/cases} with a known {@code requestId} ("demo-1") and any other body
 * answered with the earlier case's status link, the reporter's token included, which opened the
 * reporter's address and description and the rating. Now a key is bound to its channel and its
 * report, and staff who enter a resident's report never get the resident's token.
 */
@GridLoopIntegrationTest
class RequestReplayAttacks extends AttackScenario {

  @Autowired CaseRecords cases;
  @Autowired JdbcTemplate jdbc;

  /** A resident's report (CaseIntakeIT's valid one) with its request id. */
  static Map<String, Object> residentsReport(String requestId) {
    Map<String, Object> report = CaseIntakeIT.validReport();
    report.put("requestId", requestId);
    return report;
  }

  @Test
  void aReplayedRequestIdWithAnyOtherBodyGetsNeitherTheCaseNorItsToken() {
    ResponseEntity<String> resident = postJson(rest, "/api/cases", residentsReport("demo-1"));
    assertThat(resident.getStatusCode().value()).isIn(201, 200);   // 200 if this database already holds it
    String caseNumber = json(resident.getBody()).get("caseNumber").asText();
    CaseRow before = cases.find(caseNumber).orElseThrow();
    long casesBefore = countCases();

    // the attacker's request: the known key, any other body
    Map<String, Object> attack = residentsReport("demo-1");
    attack.put("category", "noise");
    attack.put("description", "x");
    attack.put("address", "x");
    attack.put("reporter", Map.of("name", "x", "phone", "13800138000"));
    ResponseEntity<String> refused = postJson(rest, "/api/cases", attack);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode body = json(refused.getBody());
    assertThat(body.at("/errors/0/field").asText()).isEqualTo("requestId");
    assertThat(refused.getBody()).doesNotContain(caseNumber).doesNotContain(before.ratingToken())
        .doesNotContain("statusUrl");
    assertThat(countCases()).isEqualTo(casesBefore);
    assertThat(cases.find(caseNumber).orElseThrow()).isEqualTo(before);
  }

  @Test
  void aStaffMemberWhoEntersAResidentsReportNeverGetsTheResidentsToken() {
    TestRestTemplate operator = as("wangfang");
    String key = "hotline-" + UUID.randomUUID();
    Map<String, Object> call = residentsReport(key);
    call.put("channel", "hotline");

    ResponseEntity<String> entered = postJson(operator, "/api/cases", call);
    assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = json(entered.getBody()).get("caseNumber").asText();
    CaseRow before = cases.find(caseNumber).orElseThrow();
    assertThat(entered.getBody()).doesNotContain(before.ratingToken()).doesNotContain("token");

    // neither by entering it again, nor with another body, nor on another staff login
    ResponseEntity<String> again = postJson(operator, "/api/cases", call);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody()).doesNotContain(before.ratingToken()).doesNotContain("token");
    Map<String, Object> other = residentsReport(key);
    other.put("channel", "hotline");
    other.put("description", "另一件事 Something else");
    ResponseEntity<String> refused = postJson(as("zhangli"), "/api/cases", other);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refused.getBody()).doesNotContain(caseNumber).doesNotContain(before.ratingToken());

    // nor by filing the same key anonymously on a resident's channel: that is another report, its own token
    Map<String, Object> asResident = residentsReport(key);
    ResponseEntity<String> web = postJson(rest, "/api/cases", asResident);
    assertThat(web.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(web.getBody()).get("caseNumber").asText()).isNotEqualTo(caseNumber);
    assertThat(web.getBody()).doesNotContain(before.ratingToken());
    assertThat(cases.find(caseNumber).orElseThrow()).isEqualTo(before);
  }

  @Test
  void aProposalTakesNoRequestIdAndItsAnswerHoldsNothingSecret() {
    Map<String, Object> proposal = TopicScenario.proposal("cx-hongxing-yuan", "use-maintenance-fund",
        "楼道照明 Stairwell lights", "zhou.min@resident.example");
    proposal.put("requestId", "demo-1");

    JsonNode first = json(postJson(rest, "/api/topics", proposal).getBody());
    JsonNode replayed = json(postJson(rest, "/api/topics", proposal).getBody());

    assertThat(replayed.get("topicNumber")).isNotEqualTo(first.get("topicNumber"));
    for (JsonNode answer : new JsonNode[] {first, replayed}) {
      assertThat(answer.properties()).extracting(Map.Entry::getKey)
          .containsExactlyInAnyOrder("topicNumber", "stage", "topicUrl");
      assertThat(answer.get("topicUrl").asText()).doesNotContain("?");
    }
  }

  private long countCases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM gl_case", Long.class);
  }
}
