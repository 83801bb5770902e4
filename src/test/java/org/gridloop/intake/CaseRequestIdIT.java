package org.gridloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.gridloop.casework.CaseRecords;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ReceivedMail;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A {@code requestId} is a client's key for one report on one channel: the same report again gets
 * the same answer, another report with the key is refused; staff entering a resident's report never
 * see the resident's token, which reaches the resident in the acceptance mail, on every channel.
 */
@GridLoopIntegrationTest
class CaseRequestIdIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired CaseRecords cases;
  private final ObjectMapper json = new ObjectMapper();

  /** A resident's report as a client writes it, with its own request id and reporter address. */
  static String report(String requestId, String channel, String email, String description) {
    return """
        {"category":"street-light","urgency":"normal","gridId":"cx-hongxing-g1",
         "description":"%s","address":"锦江区红星路二段红星苑3栋","latitude":30.6598,"longitude":104.0817,
         "reporter":{"name":"刘小红","phone":"13912345678","email":"%s"},"channel":"%s","requestId":"%s"}
        """.formatted(description, email, channel, requestId);
  }

  @Test
  void theSameReportAgainInAnotherJsonLayoutGetsTheSameAnswer() throws Exception {
    String key = "app-" + UUID.randomUUID();
    ResponseEntity<String> first = post(rest, report(key, "web", "liu.xh@resident.example", "路灯不亮 Light out"));
    // the same report, keys reordered, spread over lines, numbers written differently
    String again = """
        {
          "requestId" : "%s",   "channel" : "web",
          "reporter" : { "email" : "liu.xh@resident.example", "phone" : "13912345678", "name" : "刘小红" },
          "longitude" : 104.08170, "latitude" : 30.65980,
          "address" : "锦江区红星路二段红星苑3栋", "description" : "路灯不亮 Light out",
          "gridId" : "cx-hongxing-g1", "urgency" : "normal", "category" : "street-light"
        }""".formatted(key);
    ResponseEntity<String> retried = post(rest, again);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode created = json.readTree(first.getBody());
    assertThat(json.readTree(retried.getBody())).isEqualTo(created);
    assertThat(created.get("statusUrl").asText()).contains("?token=");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.get("caseNumber").asText())
        .count()).isOne();
  }

  @Test
  void anotherReportWithTheSameRequestIdIs409NamingItWithoutACaseOrAToken() throws Exception {
    String key = "app-" + UUID.randomUUID();
    String caseNumber = json.readTree(post(rest, report(key, "web", "liu.xh@resident.example", "路灯不亮 Light out"))
        .getBody()).get("caseNumber").asText();
    long before = runtime.createProcessInstanceQuery().count();

    ResponseEntity<String> other = post(rest, report(key, "web", "liu.xh@resident.example", "路灯不亮了 Light out!"));

    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode body = json.readTree(other.getBody());
    assertThat(body.at("/errors/0/field").asText()).isEqualTo("requestId");
    assertThat(other.getBody()).doesNotContain(caseNumber).doesNotContain("token")
        .doesNotContain(cases.find(caseNumber).orElseThrow().ratingToken());
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void aRequestIdIsScopedToItsChannel() throws Exception {
    String key = "app-" + UUID.randomUUID();
    ResponseEntity<String> web = post(rest, report(key, "web", "liu.xh@resident.example", "路灯不亮 Light out"));
    ResponseEntity<String> app = post(rest, report(key, "app", "chen.jh@resident.example", "楼道灯坏了 Stair light"));

    assertThat(web.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(app.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(app.getBody()).get("caseNumber")).isNotEqualTo(json.readTree(web.getBody()).get("caseNumber"));
  }

  @Test
  void staffChannelsShowNoTokenAndTheAcceptanceMailCarriesItOnEveryChannel() throws Exception {
    TestRestTemplate staff = rest.withBasicAuth("wangfang", TestLogins.passwordFor(identity, "wangfang"));
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (String channel : List.of("gridWorker", "hotline", "web", "app", "open311", "email")) {
      boolean staffChannel = Set.of("gridWorker", "hotline").contains(channel);
      String email = channel.toLowerCase() + "-" + run + "@resident.example";
      String body = report(channel + "-" + run, channel, email, "路灯不亮 Light out");
      ResponseEntity<String> accepted = post(staffChannel ? staff : rest, body);
      assertThat(accepted.getStatusCode()).as(channel).isEqualTo(HttpStatus.CREATED);
      String caseNumber = json.readTree(accepted.getBody()).get("caseNumber").asText();
      String token = cases.find(caseNumber).orElseThrow().ratingToken();
      if (staffChannel) {
        assertThat(accepted.getBody()).as(channel).doesNotContain(token).doesNotContain("token");
        ResponseEntity<String> replayed = post(staff, body);
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody()).doesNotContain(token).doesNotContain("token");
      } else {
        assertThat(accepted.getBody()).as(channel).contains("?token=" + token);
      }

      new CaseScenario(engine).runDueJobs();
      List<MimeMessage> mails = ReceivedMail.to(smtp.getReceivedMessages(), email, caseNumber + " accepted");
      assertThat(mails).as("the acceptance mail of the %s report", channel).hasSize(1);
      assertThat(ReceivedMail.text(mails.get(0))).contains("/api/cases/" + caseNumber + "?token=" + token);
    }
  }

  @Test
  void twoSameReportsAtOnceGiveOneCase() throws Exception {
    // a first case warms the engine up, so the two requests below meet in the intake, not in class loading
    post(rest, report("app-" + UUID.randomUUID(), "web", "liu.xh@resident.example", "路灯不亮 Light out"));
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        String body = report("app-" + UUID.randomUUID(), "web", "liu.xh@resident.example", "路灯不亮 Light out");
        CountDownLatch start = new CountDownLatch(1);
        Callable<ResponseEntity<String>> client = () -> {
          start.await();
          return post(rest, body);
        };
        Future<ResponseEntity<String>> one = clients.submit(client);
        Future<ResponseEntity<String>> other = clients.submit(client);
        start.countDown();
        List<ResponseEntity<String>> answers = List.of(one.get(), other.get());

        assertThat(answers.stream().map(a -> a.getStatusCode().value()).collect(Collectors.toSet()))
            .as(answers.toString()).containsExactlyInAnyOrder(201, 200);
        String caseNumber = json.readTree(answers.get(0).getBody()).get("caseNumber").asText();
        assertThat(json.readTree(answers.get(1).getBody()).get("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isOne();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client.postForEntity("/api/cases", new HttpEntity<>(body, headers), String.class);
  }
}
