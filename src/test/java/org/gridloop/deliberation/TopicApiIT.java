package org.gridloop.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.TestLogins;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The topic API's contract: what a proposal must hold, who may do what, and when. */
@GridLoopIntegrationTest
class TopicApiIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired TopicRecords topics;
  private final ObjectMapper json = new ObjectMapper();

  /** A valid proposal for 红星苑; each test spoils one field. */
  static Map<String, Object> validProposal() {
    Map<String, Object> proposal = new HashMap<>();
    proposal.put("title", "加装电梯 An elevator for building 2");
    proposal.put("description", "2 号楼六层无电梯，老人上下楼困难 Six floors without a lift");
    proposal.put("level", "compound");
    proposal.put("scopeId", "cx-hongxing-yuan");
    proposal.put("matterType", "elevator-retrofit");
    proposal.put("estimatedCost", 450000.50);
    proposal.put("proposer", new HashMap<>(Map.of("name", "孙玉兰", "email", "sun.yulan@gridloop.example")));
    return proposal;
  }

  @Test
  void aResidentProposesATopicAndGetsItsNumberAndPublicRecord() throws Exception {
    ResponseEntity<String> response = post(validProposal());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = json.readTree(response.getBody());
    String topic = body.get("topicNumber").asText();
    assertThat(topic).matches("YS-\\d{4}-\\d{6}");
    assertThat(body.get("topicUrl").asText()).endsWith("/api/topics/" + topic);
    assertThat(response.getHeaders().getLocation()).hasToString("/api/topics/" + topic);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("four-affairs")
        .processInstanceBusinessKey(topic).count()).isEqualTo(1);
    assertThat(runtime.getVariable(topics.find(topic).orElseThrow().processInstanceId(), "estimatedCost"))
        .isEqualTo(450000.5);
    assertThat(runtime.getVariables(topics.find(topic).orElseThrow().processInstanceId()).toString())
        .as("the proposer's name and e-mail are no process variables").doesNotContain("孙玉兰")
        .doesNotContain("sun.yulan");

    JsonNode record = json.readTree(rest.getForObject("/api/topics/" + topic, String.class));
    assertThat(record.get("stage").asText()).isEqualTo("review");
    assertThat(record.at("/scope/name").asText()).isEqualTo("红星苑");
    assertThat(record.get("estimatedCost").asText()).isEqualTo("450000.50");
    assertThat(record.has("proposer")).as("nothing of the proposer, not even masked").isFalse();
    assertThat(record.toString()).doesNotContain("孙玉兰").doesNotContain("孙**").doesNotContain("sun.yulan")
        .doesNotContain("s***@");
    assertThat(record.at("/matterType/description").asText()).contains("改建");
    assertThat(record.get("archived").asBoolean()).isFalse();
  }

  @Test
  void communityAndStreetTopicsAreProposedTooAndStaffMayProposeForAResident() throws Exception {
    Map<String, Object> community = validProposal();
    community.put("level", "community");
    community.put("scopeId", "cx-hongxing");
    community.put("matterType", "community-activity");
    assertThat(post(community).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    Map<String, Object> street = validProposal();
    street.put("level", "street");
    street.put("scopeId", "chunxi");
    ResponseEntity<String> byStaff = rest.withBasicAuth("luoyan", TestLogins.passwordFor(identity, "luoyan"))
        .postForEntity("/api/topics", street, String.class);
    assertThat(byStaff.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String topic = json.readTree(byStaff.getBody()).get("topicNumber").asText();
    assertThat(topics.find(topic).orElseThrow().proposedBy()).isEqualTo("luoyan");
  }

  @Test
  void everyMissingOrMalformedFieldIsNamed() throws Exception {
    JsonNode body = json.readTree(post(Map.of()).getBody());
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(fields(body)).contains("title", "description", "level", "scopeId", "matterType", "estimatedCost",
        "proposer");

    Map<String, Object> bad = validProposal();
    bad.put("estimatedCost", -1);
    bad.put("level", "district");
    bad.put("proposer", Map.of("name", "孙玉兰", "email", "not-an-address"));
    assertThat(fields(json.readTree(post(bad).getBody()))).contains("estimatedCost", "level", "proposer.email");

    Map<String, Object> cents = validProposal();
    cents.put("estimatedCost", 10.005);
    assertThat(fields(json.readTree(post(cents).getBody()))).containsExactly("estimatedCost");
  }

  @Test
  void aScopeOfAnotherLevelAScopeWithoutOwnersAndAnUnknownMatterTypeAreRefused() throws Exception {
    Map<String, Object> wrongLevel = validProposal();
    wrongLevel.put("level", "community");        // cx-hongxing-yuan is a compound
    JsonNode body = json.readTree(post(wrongLevel).getBody());
    assertThat(fields(body)).containsExactly("scopeId");
    assertThat(body.toString()).contains("unknown community 'cx-hongxing-yuan'");

    Map<String, Object> noOwners = validProposal();
    noOwners.put("scopeId", "cx-jinlin-huayuan"); // a compound without an owners register
    assertThat(json.readTree(post(noOwners).getBody()).toString()).contains("scopeId").contains("owners register");

    Map<String, Object> unknownMatter = validProposal();
    unknownMatter.put("matterType", "fireworks");
    JsonNode refused = json.readTree(post(unknownMatter).getBody());
    assertThat(fields(refused)).containsExactly("matterType");
    assertThat(refused.toString()).contains("elevator-retrofit");
  }

  @Test
  void theMatterTypesAreThoseOfTheDeployedVoteRules() throws Exception {
    JsonNode types = json.readTree(rest.getForObject("/api/matter-types", String.class));
    assertThat(types.findValuesAsText("code")).contains("elevator-retrofit", "use-maintenance-fund",
        "community-activity");
    assertThat(types.toString()).contains("\"basis\":\"residents\"");
  }

  @Test
  void opinionsVotesEvaluationsAndVoteCodesNeedTheirPeriodAndTheRightCaller() throws Exception {
    String topic = json.readTree(post(validProposal()).getBody()).get("topicNumber").asText();

    ResponseEntity<String> vote = rest.postForEntity("/api/topics/" + topic + "/votes",
        Map.of("ownerId", "hxy-o01", "voteCode", "AAAA-AAAA", "choice", "yes"), String.class);
    assertThat(vote.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(vote.getBody()).contains("has not opened yet");
    ResponseEntity<String> evaluation = rest.postForEntity("/api/topics/" + topic + "/evaluations",
        Map.of("rating", "satisfied"), String.class);
    assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<String> badRating = rest.postForEntity("/api/topics/" + topic + "/evaluations",
        Map.of("rating", "great"), String.class);
    assertThat(fields(json.readTree(badRating.getBody()))).containsExactly("rating");
    ResponseEntity<String> longOpinion = rest.postForEntity("/api/topics/" + topic + "/opinions",
        Map.of("authorName", "李秀英", "text", "长".repeat(2001)), String.class);
    assertThat(fields(json.readTree(longOpinion.getBody()))).containsExactly("text");
    ResponseEntity<String> badChoice = rest.postForEntity("/api/topics/" + topic + "/votes",
        Map.of("ownerId", "hxy-o01", "voteCode", "AAAA-AAAA", "choice", "maybe"), String.class);
    assertThat(fields(json.readTree(badChoice.getBody()))).containsExactly("choice");

    String path = "/api/topics/" + topic + "/vote-codes";
    Map<String, String> owner = Map.of("ownerId", "hxy-o01", "reason", "业主没有邮箱 The owner has no e-mail");
    assertThat(rest.postForEntity(path, owner, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("liangmei", TestLogins.passwordFor(identity, "liangmei"))
        .postForEntity(path, owner, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    TestRestTemplate council = rest.withBasicAuth("luoyan", TestLogins.passwordFor(identity, "luoyan"));
    assertThat(council.postForEntity(path, owner, String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ResponseEntity<String> noReason = council.postForEntity(path, Map.of("ownerId", "hxy-o01"), String.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(json.readTree(noReason.getBody()))).containsExactly("reason");
    ResponseEntity<String> longReason = council.postForEntity(path, Map.of("ownerId", " ", "reason", "长".repeat(501)),
        String.class);
    assertThat(fields(json.readTree(longReason.getBody()))).containsExactly("ownerId", "reason");
  }

  @Test
  void anUnknownTopicIsNotFound() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/api/topics/YS-1999-000001", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(response.getBody()).get("message").asText()).contains("YS-1999-000001");
    assertThat(rest.postForEntity("/api/topics/YS-1999-000001/opinions", Map.of("authorName", "a", "text", "b"),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<String> post(Map<String, Object> proposal) {
    return rest.postForEntity("/api/topics", proposal, String.class);
  }

  private static List<String> fields(JsonNode body) {
    List<String> fields = new ArrayList<>();
    body.path("errors").forEach(e -> fields.add(e.get("field").asText()));
    return fields;
  }
}
