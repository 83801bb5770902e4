package org.gridloop.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridloop.casework.CaseRecords;
import org.gridloop.casework.CaseStatus;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ReceivedMail;
import org.gridloop.support.TestLogins;
import org.gridloop.support.TopicScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * 四事四共 end to end: 提—议—决—办—评 as proposers, councils, owners, departments and time drive it,
 * through the public API and the council's tasks, on the demo owners register. Every path of the
 * model is taken; the last test checks that every flow node and sequence flow of four-affairs.bpmn
 * was covered ({@link ProcessCoverage}, report in target/process-coverage/).
 *
 * <p>Demo register figures used below: 红星苑 (cx-hongxing-yuan) has 18 units of 17 owners,
 * 1181.10 m² (赵文斌 hxy-o07 owns HXY-1-401 and HXY-1-402, 121.05 m²); the twelve owners
 * o01–o06, o08, o09, o12–o15 hold 787.40 m², exactly two thirds. 芙蓉里 (hh-furong-li) has 15 units
 * of 15 owners, three per floor (49.80 + 67.25 + 54.60 = 171.65 m² a floor), 858.25 m² in all.
 */
@GridLoopIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FourAffairsScenarioIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String HONGXING = "cx-hongxing-yuan";
  static final String FURONG = "hh-furong-li";
  static final String PROPOSER = "zhou.min@resident.example";
  /** The twelve owners of 红星苑 who hold exactly 2/3 of its area. */
  static final List<String> TWO_THIRDS = List.of("hxy-o01", "hxy-o02", "hxy-o03", "hxy-o04", "hxy-o05", "hxy-o06",
      "hxy-o08", "hxy-o09", "hxy-o12", "hxy-o13", "hxy-o14", "hxy-o15");
  static final Duration PAST_A_PERIOD = TopicScenario.PAST_A_PERIOD;


  static final ProcessCoverage coverage = new ProcessCoverage(TopicIntake.PROCESS);
  static final int SCENARIOS = 9;
  static int scenariosPassed;

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;
  @Autowired TopicRecords topics;
  @Autowired CaseRecords cases;
  TopicScenario scenario;
  final ObjectMapper json = new ObjectMapper();
  final Map<String, String> secretaryPasswords = new HashMap<>();

  @BeforeAll
  static void measureCoverage(@Autowired ConfigurableApplicationContext context) {
    context.addApplicationListener(coverage);
  }

  @AfterAll
  static void stopMeasuring(@Autowired ConfigurableApplicationContext context) {
    context.removeApplicationListener(coverage);
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    scenario = new TopicScenario(engine);
    ClockUtil.setCurrentTime(new Date());
    for (String secretary : List.of("luoyan", "liangmei")) {
      secretaryPasswords.put(secretary, TestLogins.passwordFor(identity, secretary));
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- 提 and review ---------------------------------------------------------------------------

  @Test
  @Order(1)
  void aRejectedTopicEndsAndTheProposerIsMailedTheReason() throws Exception {
    String topic = propose(FURONG, "community-activity", "院内举办广场舞比赛 A square-dance contest in the courtyard");
    ProcessInstance instance = instance(topic);
    Task review = scenario.task(instance, "council-review");
    assertThat(scenario.candidateGroups(review)).containsExactly("council-hh-furong-li");
    assertThat(get(topic).get("stage").asText()).isEqualTo("review");
    assertThat(mailsTo("liang.mei@gridloop.example", topic)).isNotEmpty();

    ResponseEntity<String> early = opinion(topic, "许文涛", "支持 In favour");
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody()).contains("has not opened yet");

    String reason = "夜间噪音扰民，且院内场地不足，建议改在社区广场举办 Noise at night; hold it in the community square";
    scenario.complete(review, Map.of("reviewOutcome", "reject", "rejectReason", reason));

    assertThat(instance).isEnded().hasPassed("notify-rejected", "topic-rejected");
    JsonNode record = get(topic);
    assertThat(record.get("stage").asText()).isEqualTo("rejected");
    assertThat(record.get("ended").asBoolean()).isTrue();
    assertThat(record.at("/review/outcome").asText()).isEqualTo("reject");
    assertThat(record.at("/review/rejectReason").asText()).isEqualTo(reason);
    assertThat(mailsTo(PROPOSER, topic).stream().map(this::body)).anyMatch(b -> b.contains(reason));
    passed();
  }

  @Test
  @Order(2)
  void aTopicIsMergedIntoAnOpenTopicOfTheSameScope() {
    String target = propose(FURONG, "use-maintenance-fund", "更换单元门禁 Replace the entrance door locks");
    String duplicate = propose(FURONG, "use-maintenance-fund", "门禁老坏 The entrance lock keeps breaking");
    String elsewhere = propose(HONGXING, "use-maintenance-fund", "红星苑门禁 Door locks of Hongxing Court");
    ProcessInstance instance = instance(duplicate);
    Task review = scenario.task(instance, "council-review");

    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(),
        Map.of("reviewOutcome", "merge", "mergeInto", "YS-2000-999999")))
        .hasStackTraceContaining("YS-2000-999999");
    assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(),
        Map.of("reviewOutcome", "merge", "mergeInto", elsewhere)))
        .hasStackTraceContaining("another scope");
    assertThat(instance).isWaitingAt("council-review");

    scenario.complete(review, Map.of("reviewOutcome", "merge", "mergeInto", target,
        "reviewComment", "与门禁议题合并 Same matter as the door-lock topic"));

    assertThat(instance).isEnded().hasPassed("merge-topic", "topic-merged").hasNotPassed("determine-vote-rule");
    JsonNode merged = get(duplicate);
    assertThat(merged.get("stage").asText()).isEqualTo("merged");
    assertThat(merged.at("/review/mergedInto").asText()).isEqualTo(target);
    assertThat(get(target).at("/review/mergedTopics").toString()).contains(duplicate);
    assertThat(instance(target)).isWaitingAt("council-review");
    assertThat(mailsTo(PROPOSER, duplicate).stream().map(this::body)).anyMatch(b -> b.contains(target));
    passed();
  }

  // --- 议—决—办—评 ----------------------------------------------------------------------------------

  /**
   * The whole chain: notice with opinions, meeting, a vote that misses its quorum, a re-run in
   * which exactly two thirds of the area take part, an implementation with a linked grid-call case
   * that must close first, the evaluation, the disclosure and the archive.
   */
  @Test
  @Order(3)
  void quorumMissedThenReRunPassesAndTheImplementationWaitsForItsLinkedCase() throws Exception {
    String topic = propose(HONGXING, "use-maintenance-fund", "使用维修资金改造楼道 Use the maintenance fund for the stairwells");
    ProcessInstance instance = instance(topic);

    // 议: public notice with opinions
    scenario.complete(scenario.task(instance, "council-review"),
        Map.of("reviewOutcome", "accept", "reviewComment", "符合维修资金使用范围 Within the fund's purpose"));
    assertThat(instance).isWaitingAt("public-notice-period");
    JsonNode noticed = get(topic);
    assertThat(noticed.get("stage").asText()).isEqualTo("publicNotice");
    assertThat(noticed.at("/publicNotice/open").asBoolean()).isTrue();
    assertThat(noticed.at("/voteRule/ruleName").asText()).contains("一般多数");
    assertThat(noticed.at("/voteRule/quorumRule").asText()).isEqualTo("≥ 2/3");
    assertThat(opinion(topic, "赵文斌", "楼道灯先修 Fix the stair lights first").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    assertThat(opinion(topic, "孙玉兰", "扶手也要换 Replace the handrails too").getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    scenario.passTime(PAST_A_PERIOD);
    Task meeting = scenario.task(instance, "consultation-meeting");
    ResponseEntity<String> late = opinion(topic, "李秀英", "太晚了 Too late");
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody()).contains("closed");
    JsonNode consulting = get(topic);
    assertThat(consulting.get("stage").asText()).isEqualTo("consultation");
    assertThat(consulting.at("/opinions/count").asInt()).isEqualTo(2);
    assertThat(consulting.at("/opinions/items/0/author").asText()).isEqualTo("赵**");
    assertThat(consulting.toString()).doesNotContain("赵文斌");

    scenario.complete(meeting, Map.of("meetingDate", "2026-12-05T19:30:00+08:00",
        "participants", SpinValues.jsonValue("[\"ownersRepresentatives\",\"propertyCompany\",\"residentsCommittee\"]").create(),
        "minutes", "业主代表、物业和居委会议定：先修楼道灯和扶手，再报建无障碍坡道。Agreed: lights and handrails first, then the ramp."));

    // 决, round 1: five owners vote, the quorum is missed
    assertThat(instance).isWaitingAt("vote-period");
    // 张建国 votes with the code mailed to him; the others get theirs from the council
    assertThat(vote(topic, "hxy-o01", null, mailedCode(topic, "zhang.jianguo@gridloop.example"), "yes")
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    for (String owner : List.of("hxy-o02", "hxy-o03", "hxy-o12", "hxy-o13")) {
      assertThat(vote(topic, owner, null, code(topic, owner, "luoyan"), "yes").getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
    String roundOneCode = code(topic, "hxy-o04", "luoyan");
    JsonNode voting = get(topic);
    assertThat(voting.at("/vote/open").asBoolean()).isTrue();
    assertThat(voting.at("/vote/ballotsCast").asInt()).isEqualTo(5);
    assertThat(voting.at("/vote/councilIssuedCodes").asInt()).isEqualTo(5);
    assertThat(voting.at("/vote/ballotsWithCouncilCode").asInt()).isEqualTo(4);
    assertThat(voting.at("/consultation/participants").toString()).contains("propertyCompany");

    scenario.passTime(PAST_A_PERIOD);
    Task decide = scenario.task(instance, "decide-rerun");
    JsonNode missed = get(topic);
    assertThat(missed.get("stage").asText()).isEqualTo("rerunDecision");
    assertThat(missed.at("/vote/result/quorumMet").asBoolean()).isFalse();
    assertThat(missed.at("/vote/result/passed").asBoolean()).isFalse();
    assertThat(missed.at("/vote/result/reason").asText()).contains("参与表决未达到法定比例").contains("quorum not met");
    ResponseEntity<String> afterClose = vote(topic, "hxy-o04", null, roundOneCode, "yes");
    assertThat(afterClose.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(afterClose.getBody()).contains("closed");

    scenario.complete(decide, Map.of("rerun", true, "rerunComment", "动员业主参与后重新表决 Re-run after reaching out to owners"));

    // 决, round 2: exactly two thirds of the area take part; a repeated vote replaces the first
    assertThat(instance).isWaitingAt("vote-period").hasPassed("rerun-vote");
    assertThat(get(topic).at("/vote/round").asInt()).isEqualTo(2);
    assertThat(vote(topic, "hxy-o04", null, roundOneCode, "yes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    Map<String, String> codes = new LinkedHashMap<>();
    for (String owner : TWO_THIRDS) {
      codes.put(owner, code(topic, owner, "luoyan"));
    }
    assertThat(vote(topic, "hxy-o01", null, codes.get("hxy-o01"), "no").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> changed = vote(topic, "hxy-o01", "HXY-1-101", codes.get("hxy-o01"), "yes");
    assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(changed.getBody()).get("replaced").asBoolean()).isTrue();
    for (String owner : TWO_THIRDS.subList(1, TWO_THIRDS.size())) {
      String choice = owner.equals("hxy-o02") ? "no" : owner.equals("hxy-o03") ? "abstain" : "yes";
      assertThat(vote(topic, owner, null, codes.get(owner), choice).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
    // refused: a wrong code, an owner of another compound, a unit outside the scope or of another owner
    ResponseEntity<String> wrongCode = vote(topic, "hxy-o16", null, "AAAA-AAAA", "yes");
    assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(wrongCode.getBody()).contains("wrong vote code");
    ResponseEntity<String> stranger = vote(topic, "frl-o01", null, "AAAA-AAAA", "yes");
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(stranger.getBody()).contains("frl-o01").contains("not an owner");
    ResponseEntity<String> outside = vote(topic, "hxy-o04", "FRL-3-101", codes.get("hxy-o04"), "yes");
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(outside.getBody()).at("/errors/0/field").asText()).isEqualTo("unitId");
    assertThat(outside.getBody()).contains("FRL-3-101");
    ResponseEntity<String> notTheirs = vote(topic, "hxy-o04", "HXY-1-101", codes.get("hxy-o04"), "yes");
    assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notTheirs.getBody()).contains("not owned by hxy-o04");
    assertThat(get(topic).at("/vote/ballotsCast").asInt()).isEqualTo(12);

    scenario.passTime(PAST_A_PERIOD);
    Task plan = scenario.task(instance, "plan-implementation");
    JsonNode result = get(topic).at("/vote/result");
    assertThat(result.get("round").asInt()).isEqualTo(2);
    assertThat(result.get("totalArea").asText()).isEqualTo("1181.10");
    assertThat(result.get("participatingArea").asText()).isEqualTo("787.40");
    assertThat(result.get("quorumByArea").asBoolean()).isTrue();
    assertThat(result.get("totalHeadcount").asInt()).isEqualTo(17);
    assertThat(result.get("participatingHeadcount").asInt()).isEqualTo(12);
    assertThat(result.get("approvingHeadcount").asInt()).isEqualTo(10);
    assertThat(result.get("opposingHeadcount").asInt()).isEqualTo(1);
    assertThat(result.get("abstainingHeadcount").asInt()).isEqualTo(1);
    assertThat(result.get("approvingArea").asText()).isEqualTo("666.35");
    assertThat(result.get("passed").asBoolean()).isTrue();
    assertThat(get(topic).at("/vote/rounds").size()).isEqualTo(2);
    assertThat(get(topic).at("/vote/rounds/0/result/quorumMet").asBoolean()).isFalse();
    assertThat(get(topic).at("/vote/rounds/0/ballotsWithCouncilCode").asInt()).isEqualTo(4);
    assertThat(get(topic).at("/vote/rounds/1/councilIssuedCodes").asInt()).isEqualTo(12);
    assertThat(mailsTo(PROPOSER, topic).stream().map(this::body)).as("the proposer hears the vote passed")
        .anyMatch(b -> b.contains("表决通过") && b.contains("passed"));

    // 办: one item by the property company, one that needs the housing bureau (a linked case)
    scenario.complete(plan, Map.of("plan", SpinValues.jsonValue("""
            [{"title":"楼道照明和扶手改造","responsibleParty":"propertyCompany","description":"六个单元 Six entrances"},
             {"title":"单元入口无障碍坡道报建","responsibleParty":"department","departmentCode":"housing",
              "category":"old-compound-renovation","description":"需住建局审批 Needs the housing bureau's approval"}]
            """).create()));
    assertThat(scenario.tasks(instance, "carry-out-item")).hasSize(1);
    JsonNode planned = get(topic);
    assertThat(planned.get("stage").asText()).isEqualTo("implementation");
    String caseNumber = planned.at("/implementation/items/1/linkedCase/caseNumber").asText();
    assertThat(caseNumber).matches("GC-\\d{4}-\\d{6}");
    CaseRecords.CaseRow linked = cases.find(caseNumber).orElseThrow();
    assertThat(linked.channel()).isEqualTo("fourAffairs");
    assertThat(linked.topicNumber()).isEqualTo(topic);
    assertThat(linked.category()).isEqualTo("old-compound-renovation");
    assertThat(linked.gridId()).isEqualTo("cx-hongxing-g1");
    assertThat(linked.reporterName()).isEqualTo("罗艳");
    ProcessInstance gridCall = scenario.instance(caseNumber, "grid-call");
    assertThat(gridCall).isWaitingAt("grid-handling");
    assertThat(engine.getRuntimeService().getVariable(gridCall.getId(), "linkedTopicNumber")).isEqualTo(topic);

    scenario.complete(scenario.task(instance, "carry-out-item"), Map.of("outcome", "已更换楼道灯 36 盏、扶手 6 处 Lights and handrails replaced",
        "spentAmount", 3500.5, "payee", "锦宏物业服务有限公司", "purpose", "楼道灯具及扶手材料 Lights and handrails",
        "date", "2026-12-20"));
    assertThat(instance).isWaitingAt("linked-grid-call").hasNotPassed("open-evaluation");
    JsonNode halfDone = get(topic);
    assertThat(halfDone.at("/implementation/items/0/done").asBoolean()).isTrue();
    assertThat(halfDone.at("/implementation/items/0/spending/amount").asText()).isEqualTo("3500.50");
    assertThat(halfDone.at("/implementation/items/1/done").asBoolean()).isFalse();
    assertThat(halfDone.at("/implementation/items/1/linkedCase/status").asText()).isNotEqualTo(CaseStatus.CLOSED);

    // the linked case: resolved by the grid, rated by the council secretary, closed
    scenario.complete(scenario.task(gridCall, "grid-handling"),
        Map.of("gridOutcome", "resolved", "gridNote", "住建局已批复坡道方案 The bureau approved the ramp"));
    assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_RATING);
    assertThat(instance).isWaitingAt("linked-grid-call").hasNotPassed("open-evaluation");
    ResponseEntity<String> rated = rest.postForEntity("/api/cases/" + caseNumber + "/rating?token="
        + linked.ratingToken(), Map.of("rating", "satisfied", "comment", "议事会确认 Confirmed"), String.class);
    assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
    scenario.runDueJobs();
    assertThat(gridCall).isEnded();
    assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);

    // 评
    assertThat(instance).isWaitingAt("evaluation-period").hasPassed("linked-grid-call", "open-evaluation");
    JsonNode implemented = get(topic);
    assertThat(implemented.at("/implementation/items/1/done").asBoolean()).isTrue();
    assertThat(implemented.at("/implementation/items/1/linkedCase/status").asText()).isEqualTo(CaseStatus.CLOSED);
    assertThat(implemented.at("/evaluation/open").asBoolean()).isTrue();
    assertThat(evaluation(topic, "satisfied", "楼道亮了 The stairs are lit").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(evaluation(topic, "basicallySatisfied", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    // 成事共享
    scenario.passTime(PAST_A_PERIOD);
    assertThat(instance).isEnded().hasPassed("disclose-results", "archive-topic", "topic-archived");
    assertThat(evaluation(topic, "unsatisfied", "too late").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    JsonNode archived = get(topic);
    assertThat(archived.get("stage").asText()).isEqualTo("archived");
    assertThat(archived.get("archived").asBoolean()).isTrue();
    assertThat(archived.get("disclosedAt").isNull()).isFalse();
    assertThat(archived.at("/vote/passed").asBoolean()).isTrue();
    assertThat(archived.at("/spending/total").asText()).isEqualTo("3500.50");
    JsonNode spent = archived.at("/spending/items/0");
    assertThat(spent.get("amount").asText()).isEqualTo("3500.50");
    assertThat(spent.get("payee").asText()).isEqualTo("锦宏物业服务有限公司");
    assertThat(spent.get("purpose").asText()).contains("扶手");
    assertThat(spent.get("date").asText()).isEqualTo("2026-12-20");
    assertThat(archived.at("/implementation/items/1/outcome").asText()).contains("closed");
    assertThat(archived.at("/evaluation/count").asInt()).isEqualTo(2);
    assertThat(archived.at("/evaluation/ratings/satisfied").asInt()).isEqualTo(1);
    assertThat(archived.at("/evaluation/satisfactionRate").asText()).isEqualTo("100.0%");
    assertThat(archived.at("/consultation/minutesSummary").asText()).contains("楼道灯");
    assertThat(archived.has("proposer")).isFalse();
    assertThat(archived.toString()).doesNotContain(PROPOSER).doesNotContain("周小敏");
    assertThat(mailsTo("zhang.jianguo@gridloop.example", topic).stream().map(this::body))
        .filteredOn(b -> b.contains("hxy-o01") && b.contains("/votes")).hasSize(2);   // one code a round
    assertThat(mailsTo("luo.yan@gridloop.example", topic)).isNotEmpty();
    assertThat(mailsTo(PROPOSER, topic).stream().map(this::body)).anyMatch(b -> b.contains("/evaluations"));
    passed();
  }

  @Test
  @Order(4)
  void oneUnitLessThanTwoThirdsMissesTheQuorumAndTheCouncilDeclinesAReRun() {
    String topic = propose(HONGXING, "property-company", "续聘物业服务企业 Renew the property company");
    ProcessInstance instance = toVote(topic);
    for (String owner : TWO_THIRDS.subList(0, TWO_THIRDS.size() - 1)) {
      vote(topic, owner, null, code(topic, owner, "luoyan"), "yes");
    }
    scenario.passTime(PAST_A_PERIOD);

    JsonNode result = get(topic).at("/vote/result");
    assertThat(result.get("participatingArea").asText()).isEqualTo("711.60");
    assertThat(result.get("participatingHeadcount").asInt()).isEqualTo(11);
    assertThat(result.get("quorumByArea").asBoolean()).isFalse();
    assertThat(result.get("quorumByHeadcount").asBoolean()).isFalse();
    assertThat(result.get("quorumMet").asBoolean()).isFalse();

    scenario.complete(scenario.task(instance, "decide-rerun"),
        Map.of("rerun", false, "rerunComment", "业主已充分表达意见 Owners have spoken"));
    assertThat(instance).isEnded().hasPassed("notify-vote-failed", "topic-not-passed").hasNotPassed("rerun-vote");
    JsonNode record = get(topic);
    assertThat(record.get("stage").asText()).isEqualTo("notPassed");
    assertThat(record.at("/vote/rerunComment").asText()).contains("充分");
    assertThat(record.at("/vote/passed").asBoolean()).isFalse();
    passed();
  }

  @Test
  @Order(5)
  void anElevatorRetrofitPassesBySpecialMajorityAndAnOwnerOfTwoUnitsCountsOnce() throws Exception {
    String topic = propose(HONGXING, "elevator-retrofit", "1 号楼加装电梯 An elevator for building 1");
    ProcessInstance instance = toVote(topic);
    assertThat(get(topic).at("/voteRule/ruleName").asText()).contains("特别多数");
    for (int i = 1; i <= 16; i++) {
      String owner = String.format("hxy-o%02d", i);
      String choice = List.of("hxy-o02", "hxy-o04").contains(owner) ? "no" : owner.equals("hxy-o06") ? "abstain" : "yes";
      String unit = owner.equals("hxy-o07") ? "HXY-1-402" : null;
      String code = code(topic, owner, "luoyan");
      assertThat(vote(topic, owner, unit, code, choice).getStatusCode()).isEqualTo(HttpStatus.CREATED);
      if (owner.equals("hxy-o07")) {
        ResponseEntity<String> again = vote(topic, owner, "HXY-1-401", code, "yes");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
      }
    }
    // A stranger tries eight wrong codes for 何永福 (hxy-o17): each is refused, none locks his code.
    String right = code(topic, "hxy-o17", "luoyan");
    for (int attempt = 2; attempt <= 9; attempt++) {
      assertThat(vote(topic, "hxy-o17", null, "2222-222" + attempt, "yes").getBody()).contains("wrong vote code");
    }
    assertThat(vote(topic, "hxy-o17", null, right, "no").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    scenario.passTime(PAST_A_PERIOD);

    assertThat(instance).isWaitingAt("plan-implementation");
    JsonNode result = get(topic).at("/vote/result");
    assertThat(result.get("approvalRule").asText()).isEqualTo("≥ 3/4");
    assertThat(result.get("totalHeadcount").asInt()).isEqualTo(17);
    assertThat(result.get("participatingHeadcount").asInt()).isEqualTo(17);
    assertThat(result.get("participatingArea").asText()).isEqualTo("1181.10");
    assertThat(result.get("approvingHeadcount").asInt()).isEqualTo(13);
    assertThat(result.get("approvingArea").asText()).isEqualTo("929.20");
    assertThat(result.get("passed").asBoolean()).isTrue();
    assertThat(topics.ballots(topic, 1)).filteredOn(b -> b.ownerId().equals("hxy-o07")).singleElement()
        .satisfies(b -> assertThat(b.changes()).isEqualTo(1));
    passed();
  }

  @Test
  @Order(6)
  void exactlyThreeQuartersApprovalPassesASpecialMajority() {
    String topic = propose(FURONG, "renovate-or-rebuild", "屋面防水翻新 Re-do the roof waterproofing");
    ProcessInstance instance = toVote(topic);
    voteFloors(topic, Map.of(1, "yes", 2, "yes", 3, "yes", 4, "no"));
    scenario.passTime(PAST_A_PERIOD);

    assertThat(instance).isWaitingAt("plan-implementation");
    JsonNode result = get(topic).at("/vote/result");
    assertThat(result.get("participatingArea").asText()).isEqualTo("686.60");
    assertThat(result.get("approvingArea").asText()).isEqualTo("514.95");
    assertThat(result.get("participatingHeadcount").asInt()).isEqualTo(12);
    assertThat(result.get("approvingHeadcount").asInt()).isEqualTo(9);
    assertThat(result.get("approvalByArea").asBoolean()).isTrue();
    assertThat(result.get("approvalByHeadcount").asBoolean()).isTrue();
    assertThat(result.get("passed").asBoolean()).isTrue();
    passed();
  }

  @Test
  @Order(7)
  void exactlyHalfFailsWhereMoreThanHalfIsRequired() throws Exception {
    String topic = propose(FURONG, "owners-covenant", "修订管理规约 Amend the owners' covenant");
    ProcessInstance instance = toVote(topic);
    voteFloors(topic, Map.of(1, "yes", 2, "yes", 3, "no", 4, "no"));
    scenario.passTime(PAST_A_PERIOD);

    assertThat(instance).isEnded().hasPassed("notify-vote-failed", "topic-not-passed").hasNotPassed("decide-rerun");
    JsonNode record = get(topic);
    JsonNode result = record.at("/vote/result");
    assertThat(result.get("quorumMet").asBoolean()).isTrue();
    assertThat(result.get("approvingArea").asText()).isEqualTo("343.30");
    assertThat(result.get("participatingArea").asText()).isEqualTo("686.60");
    assertThat(result.get("approvingHeadcount").asInt()).isEqualTo(6);
    assertThat(result.get("approvalByArea").asBoolean()).isFalse();
    assertThat(result.get("approvalByHeadcount").asBoolean()).isFalse();
    assertThat(result.get("reason").asText()).contains("同意未达到规定比例").contains("> 1/2");
    assertThat(record.get("stage").asText()).isEqualTo("notPassed");
    assertThat(mailsTo(PROPOSER, topic).stream().map(this::body)).anyMatch(b -> b.contains("343.30"));
    passed();
  }

  @Test
  @Order(8)
  void aVoteReRunOnceThatMissesItsQuorumAgainEndsAsNotPassed() {
    String topic = propose(FURONG, "other-major-matter", "共有车位收益分配 Sharing the parking income");
    ProcessInstance instance = toVote(topic);
    for (String owner : List.of("frl-o01", "frl-o02", "frl-o03")) {
      vote(topic, owner, null, code(topic, owner, "liangmei"), "yes");
    }
    scenario.passTime(PAST_A_PERIOD);
    scenario.complete(scenario.task(instance, "decide-rerun"), Map.of("rerun", true));
    for (String owner : List.of("frl-o04", "frl-o05", "frl-o06", "frl-o07")) {
      vote(topic, owner, null, code(topic, owner, "liangmei"), "yes");
    }
    scenario.passTime(PAST_A_PERIOD);

    assertThat(instance).isEnded().hasPassed("rerun-vote", "notify-vote-failed", "topic-not-passed");
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("decide-rerun").count()).isEqualTo(1);
    JsonNode vote = get(topic).at("/vote");
    assertThat(vote.get("round").asInt()).isEqualTo(2);
    assertThat(vote.at("/rounds/0/result/participatingHeadcount").asInt()).isEqualTo(3);
    assertThat(vote.at("/rounds/1/result/participatingHeadcount").asInt()).isEqualTo(4);
    assertThat(vote.at("/rounds/1/result/quorumMet").asBoolean()).isFalse();
    passed();
  }

  @Test
  @Order(9)
  void aCourtyardActivityIsDecidedByASimpleMajorityOfTheHouseholdsThatTakePart() {
    String topic = propose(FURONG, "community-activity", "中秋院坝联欢 A Mid-Autumn courtyard party");
    ProcessInstance instance = toVote(topic);
    assertThat(get(topic).at("/voteRule/basis").asText()).isEqualTo("residents");
    vote(topic, "frl-o01", null, code(topic, "frl-o01", "liangmei"), "yes");
    vote(topic, "frl-o02", null, code(topic, "frl-o02", "liangmei"), "yes");
    vote(topic, "frl-o03", null, code(topic, "frl-o03", "liangmei"), "no");
    scenario.passTime(PAST_A_PERIOD);

    assertThat(instance).isWaitingAt("plan-implementation");
    JsonNode result = get(topic).at("/vote/result");
    assertThat(result.get("basis").asText()).isEqualTo("residents");
    assertThat(result.get("participatingHeadcount").asInt()).isEqualTo(3);
    assertThat(result.get("approvingHeadcount").asInt()).isEqualTo(2);
    assertThat(result.get("totalArea").isNull()).isTrue();
    assertThat(result.get("quorumMet").asBoolean()).isTrue();
    assertThat(result.get("passed").asBoolean()).isTrue();
    passed();
  }

  /** 难事共办 when the street will not: a linked case rejected as invalid comes back to the council. */
  @Test
  @Order(10)
  void aLinkedCaseTheStreetRejectsComesBackToTheCouncilToCarryOut() {
    String topic = propose(FURONG, "renovate-or-rebuild", "单元门禁更换 Replace the entrance doors");
    ProcessInstance instance = toVote(topic);
    voteFloors(topic, Map.of(1, "yes", 2, "yes", 3, "yes", 4, "yes"));
    scenario.passTime(PAST_A_PERIOD);
    assertThat(instance).isWaitingAt("plan-implementation");

    scenario.complete(scenario.task(instance, "plan-implementation"), Map.of("plan", SpinValues.jsonValue("""
            [{"title":"门禁系统报建","responsibleParty":"department","departmentCode":"housing",
              "category":"old-compound-renovation","description":"需住建局审批 Needs the housing bureau"}]
            """).create()));
    String caseNumber = get(topic).at("/implementation/items/0/linkedCase/caseNumber").asText();
    ProcessInstance gridCall = scenario.instance(caseNumber, "grid-call");
    scenario.complete(scenario.task(gridCall, "grid-handling"), Map.of("gridOutcome", "callStreet"));
    scenario.complete(scenario.task(gridCall, "street-acceptance"), Map.of("streetDecision", "reject",
        "rejectReason", "属小区自治事项，无需部门审批 A matter for the compound, no approval needed"));

    assertThat(gridCall).isEnded();
    assertThat(cases.find(caseNumber).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
    assertThat(instance).hasPassed("linked-case-outcome").isWaitingAt("carry-out-item");
    assertThat(get(topic).at("/implementation/items/0/done").asBoolean()).isFalse();

    scenario.complete(scenario.task(instance, "carry-out-item"), Map.of(
        "outcome", "议事会委托物业更换门禁 The council had the property company replace the doors",
        "spentAmount", 12000, "payee", "锦宏物业服务有限公司", "purpose", "门禁设备 Door entry system", "date", "2027-01-10"));
    assertThat(instance).isWaitingAt("evaluation-period");
    assertThat(get(topic).at("/implementation/items/0/done").asBoolean()).isTrue();
  }

  @Test
  @Order(100)
  void everyFlowNodeAndSequenceFlowOfFourAffairsIsCovered() {
    ProcessCoverage.Report report = coverage.report(engine);
    System.out.println("[FourAffairsScenarioIT] process coverage report: " + coverage.write(report).toAbsolutePath());
    Assumptions.assumeTrue(scenariosPassed == SCENARIOS,
        "coverage is asserted only when all " + SCENARIOS + " scenarios ran and passed");
    assertThat(report.missedNodes()).as("flow nodes never reached").isEmpty();
    assertThat(report.missedFlows()).as("sequence flows never taken").isEmpty();
    assertThat(report.percent()).isEqualTo(100.0);
  }

  // --- helpers -------------------------------------------------------------------------------

  private static void passed() {
    scenariosPassed++;
  }

  private String propose(String compound, String matterType, String title) {
    ResponseEntity<String> response = rest.postForEntity("/api/topics",
        TopicScenario.proposal(compound, matterType, title, PROPOSER), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    String topic;
    try {
      topic = json.readTree(response.getBody()).get("topicNumber").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    scenario.runDueJobs();
    assertThat(instance(topic)).isWaitingAt("council-review");
    return topic;
  }

  /** Accepted, notice over, meeting held: the vote is open. */
  private ProcessInstance toVote(String topic) {
    ProcessInstance instance = scenario.openVote(topic);
    assertThat(instance).isWaitingAt("vote-period");
    return instance;
  }

  /** 芙蓉里: the owners of floors 1 to 5 vote as given (three owners a floor, frl-o01 … frl-o15). */
  private void voteFloors(String topic, Map<Integer, String> choices) {
    choices.forEach((floor, choice) -> {
      for (int i = 1; i <= 3; i++) {
        String owner = String.format("frl-o%02d", (floor - 1) * 3 + i);
        assertThat(vote(topic, owner, null, code(topic, owner, "liangmei"), choice).getStatusCode())
            .isEqualTo(HttpStatus.CREATED);
      }
    });
  }

  private ProcessInstance instance(String topic) {
    return scenario.instance(topic, TopicIntake.PROCESS);
  }

  private JsonNode get(String topic) {
    ResponseEntity<String> response = rest.getForEntity("/api/topics/" + topic, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> opinion(String topic, String author, String text) {
    return rest.postForEntity("/api/topics/" + topic + "/opinions", Map.of("authorName", author, "text", text),
        String.class);
  }

  private ResponseEntity<String> evaluation(String topic, String rating, String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("rating", rating);
    body.put("comment", comment);
    return rest.postForEntity("/api/topics/" + topic + "/evaluations", body, String.class);
  }

  /** A vote code the council secretary hands the owner (beside the mailed one, which keeps working). */
  private String code(String topic, String owner, String secretary) {
    ResponseEntity<String> response = rest.withBasicAuth(secretary, secretaryPasswords.get(secretary))
        .postForEntity("/api/topics/" + topic + "/vote-codes", Map.of("ownerId", owner,
            "reason", "业主当面领取表决码 The owner asked for the code in person"), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(response.getBody()).get("voteCode").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> vote(String topic, String owner, String unit, String code, String choice) {
    Map<String, Object> body = new HashMap<>();
    body.put("ownerId", owner);
    body.put("unitId", unit);
    body.put("voteCode", code);
    body.put("choice", choice);
    return rest.postForEntity("/api/topics/" + topic + "/votes", body, String.class);
  }

  private List<MimeMessage> mailsTo(String address, String topic) {
    scenario.runDueJobs();
    return ReceivedMail.to(smtp.getReceivedMessages(), address, topic);
  }

  /** The vote code in the latest vote mail to this address. */
  private String mailedCode(String topic, String address) {
    scenario.runDueJobs();
    return ReceivedMail.voteCode(smtp.getReceivedMessages(), address, topic)
        .orElseThrow(() -> new AssertionError("no vote code mailed to " + address));
  }

  private String body(MimeMessage message) {
    return ReceivedMail.text(message);
  }

}
