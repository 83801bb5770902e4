package org.gridloop.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.intake.CaseIntake;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ResidentCases;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The grid worker who must call the resident back reads their contact from GridLoop, not from the
 * engine; a supervisor does so by giving a reason; every look is logged and supervisors read the log.
 * (The refusals are the attacker's: security/attacks/PersonalDataAttacks.)
 */
@GridLoopIntegrationTest
class ReporterContactIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired ContactReadLog log;
  final ObjectMapper json = new ObjectMapper();
  ResidentCases cases;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    cases = new ResidentCases(intake, engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theGridWorkerHoldingTheCallBackReadsTheResidentsContactAndTheLookIsLogged() throws Exception {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    Task callBack = cases.scenario().task(cases.scenario().instance(caseNumber), "call-back");

    // a candidate of the open task (the grid's group) ...
    ResponseEntity<String> asCandidate = as("wangfang").getForEntity("/api/cases/" + caseNumber + "/contact",
        String.class);
    assertThat(asCandidate.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asCandidate.getHeaders().getCacheControl()).contains("no-store");
    JsonNode contact = json.readTree(asCandidate.getBody());
    assertThat(contact.get("name").asText()).isEqualTo(ResidentCases.NAME);
    assertThat(contact.get("phone").asText()).isEqualTo(ResidentCases.PHONE);
    assertThat(contact.get("email").asText()).isEqualTo(ResidentCases.EMAIL);
    assertThat(contact.get("basis").asText()).isEqualTo("callBack");

    // ... and its assignee, with a note of why
    engine.getTaskService().claim(callBack.getId(), "wangfang");
    assertThat(as("wangfang").getForEntity("/api/cases/" + caseNumber + "/contact?reason=回访 Call-back",
        String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    List<ContactReadLog.Entry> reads = log.of(caseNumber, 10);
    assertThat(reads).hasSize(2).allSatisfy(read -> {
      assertThat(read.userId()).isEqualTo("wangfang");
      assertThat(read.granted()).isTrue();
      assertThat(read.basis()).isEqualTo(ContactReadLog.Basis.callBack);
      assertThat(read.taskId()).isEqualTo(callBack.getId());
      assertThat(read.readAt()).isNotNull();
    });
    assertThat(reads.get(0).reason()).as("newest first").isEqualTo("回访 Call-back");
  }

  @Test
  void aSupervisorWhoGivesAReasonReadsTheContactAndTheReasonIsLoggedWithTheirName() throws Exception {
    String caseNumber = cases.report("street-light", "cx-hongxing-g1", "路灯不亮 Light out", "红星苑3栋");
    String reason = "居民投诉回访电话打不通，核实号码 The resident says nobody could call them back";

    ResponseEntity<String> read = as("tangjie").getForEntity("/api/cases/" + caseNumber + "/contact?reason=" + reason,
        String.class);

    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode contact = json.readTree(read.getBody());
    assertThat(contact.get("phone").asText()).isEqualTo(ResidentCases.PHONE);
    assertThat(contact.get("basis").asText()).isEqualTo("supervisor");
    assertThat(log.of(caseNumber, 10)).singleElement().satisfies(entry -> {
      assertThat(entry.userId()).isEqualTo("tangjie");
      assertThat(entry.basis()).isEqualTo(ContactReadLog.Basis.supervisor);
      assertThat(entry.reason()).isEqualTo(reason);
      assertThat(entry.granted()).isTrue();
      assertThat(entry.taskId()).isNull();
    });
  }

  @Test
  void supervisorsReadWhoLookedAndNobodyElseDoes() throws Exception {
    String caseNumber = cases.atCallBack("street-light", "cx-hongxing-g1");
    as("wangfang").getForEntity("/api/cases/" + caseNumber + "/contact", String.class);
    as("zhangli").getForEntity("/api/cases/" + caseNumber + "/contact", String.class);

    ResponseEntity<String> reads = as("tangjie").getForEntity("/api/cases/" + caseNumber + "/contact-reads",
        String.class);
    assertThat(reads.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode entries = json.readTree(reads.getBody());
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).get("userId").asText()).isEqualTo("zhangli");
    assertThat(entries.get(0).get("granted").asBoolean()).isFalse();
    assertThat(entries.get(1).get("userId").asText()).isEqualTo("wangfang");
    assertThat(entries.get(1).get("basis").asText()).isEqualTo("callBack");
    assertThat(reads.getBody()).as("the log holds who looked, not what they saw").doesNotContain(ResidentCases.CONTACT);

    assertThat(as("wangfang").getForEntity("/api/cases/" + caseNumber + "/contact-reads", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> badLimit = as("tangjie").getForEntity("/api/cases/" + caseNumber + "/contact-reads?limit=0",
        String.class);
    assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(badLimit.getBody()).at("/errors/0/field").asText()).isEqualTo("limit");
  }

  @Test
  void anUnknownCaseIs404AndATooLongReasonIs400NamingIt() throws Exception {
    assertThat(as("tangjie").getForEntity("/api/cases/GC-1999-000001/contact?reason=核查投诉", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String caseNumber = cases.report("street-light", "cx-hongxing-g1", "路灯不亮 Light out", "红星苑3栋");
    ResponseEntity<String> tooLong = as("tangjie").getForEntity("/api/cases/" + caseNumber + "/contact?reason="
        + "很".repeat(501), String.class);
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(tooLong.getBody()).at("/errors/0/field").asText()).isEqualTo("reason");
    assertThat(tooLong.getBody()).doesNotContain(ResidentCases.CONTACT);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, TestLogins.passwordFor(identity, user));
  }
}
