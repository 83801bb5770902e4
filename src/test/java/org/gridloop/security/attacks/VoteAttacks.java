package org.gridloop.security.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.deliberation.Electorate;
import org.gridloop.deliberation.TopicRecords;
import org.gridloop.deliberation.TopicRecords.CouncilCodeRow;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ReceivedMail;
import org.gridloop.support.TopicScenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Finding 6: owners' votes could be blocked (five wrong codes locked an owner's code, and owner ids
 * can be counted) or taken over (a council secretary issued a new code for any owner and voted with
 * it, unseen). Wrong codes now throttle the client only; a council-issued code needs a reason, is
 * recorded, mailed to the owner as a notice, counted on the public record, marks its ballot, and
 * never overrules the ballot an owner cast with their own code.
 */
@GridLoopIntegrationTest
class VoteAttacks extends AttackScenario {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String HONGXING = "cx-hongxing-yuan";
  static final String FURONG = "hh-furong-li";
  static final String REASON = "业主邮件丢失，本人到议事会领取 The owner lost the mail and came to the council";
  static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  @Autowired ProcessEngine engine;
  @Autowired TopicRecords topics;
  @Autowired Electorate electorate;
  TopicScenario scenario;

  @BeforeEach
  void startTheClock() {
    scenario = new TopicScenario(engine);
    ClockUtil.setCurrentTime(new Date());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aStrangerTryingWrongCodesForEveryOwnerIdLocksNoOwnerOut() {
    String topic = openVote(FURONG, "renovate-or-rebuild", "屋面防水翻新 Re-do the roof waterproofing");
    List<String> owners = IntStream.rangeClosed(1, 15).mapToObj(i -> String.format("frl-o%02d", i)).toList();
    JsonNode before = record(topic).get("vote");

    // The stranger counts the owner ids through and sends each more wrong codes than the old lock-out's five.
    for (String owner : owners) {
      for (char attempt = 'A'; attempt <= 'H'; attempt++) {
        ResponseEntity<String> refused = vote(topic, owner, "2345-67" + attempt + "Z", "no");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("wrong vote code").doesNotContain("locked");
      }
    }
    assertThat(topics.ballots(topic, 1)).isEmpty();
    assertThat(record(topic).get("vote")).isEqualTo(before);

    // Each owner still votes with the code mailed when the vote opened.
    for (String owner : owners) {
      String code = mailedCode(topic, electorate.email(owner).orElseThrow());
      ResponseEntity<String> cast = vote(topic, owner, code, "yes");
      assertThat(cast.getStatusCode()).as(owner).isEqualTo(HttpStatus.CREATED);
      assertThat(json(cast.getBody()).get("councilIssuedCode").asBoolean()).isFalse();
    }
    JsonNode vote = record(topic).get("vote");
    assertThat(vote.get("ballotsCast").asInt()).isEqualTo(15);
    assertThat(vote.get("councilIssuedCodes").asInt()).isZero();
    assertThat(vote.get("ballotsWithCouncilCode").asInt()).isZero();
  }

  @Test
  void aCouncilCodeWithoutAReasonIsRefusedAndNothingIsIssuedOrMailed() {
    String topic = openVote(HONGXING, "use-maintenance-fund", "楼道照明改造 New stairwell lights");
    String owner = "hxy-o04";

    for (Map<String, String> request : List.of(Map.of("ownerId", owner), Map.of("ownerId", owner, "reason", "  "))) {
      ResponseEntity<String> refused = postJson(as("luoyan"), voteCodes(topic), request);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(json(refused.getBody()).at("/errors/0/field").asText()).isEqualTo("reason");
      assertThat(json(refused.getBody()).has("voteCode")).isFalse();
    }

    assertThat(topics.councilCodes(topic, 1, owner)).isEmpty();
    assertThat(record(topic).at("/vote/councilIssuedCodes").asInt()).isZero();
    assertThat(notices(topic, electorate.email(owner).orElseThrow())).isEmpty();
  }

  @Test
  void aSecretaryOfAnotherCouncilIssuesNoCode() {
    String topic = openVote(HONGXING, "use-maintenance-fund", "单元门维修 Repair the entrance doors");

    ResponseEntity<String> refused = postJson(as("liangmei"), voteCodes(topic),
        Map.of("ownerId", "hxy-o05", "reason", REASON));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).doesNotContain("voteCode");
    assertThat(topics.councilCodes(topic, 1, "hxy-o05")).isEmpty();
    assertThat(notices(topic, electorate.email("hxy-o05").orElseThrow())).isEmpty();
  }

  @Test
  void aSecretaryVotingInAnOwnersPlaceIsRecordedToldMarkedCountedAndCannotOverruleTheOwner() {
    String topic = openVote(HONGXING, "use-maintenance-fund", "更换楼道扶手 New handrails");
    String owner = "hxy-o04";
    String email = electorate.email(owner).orElseThrow();

    // 罗艳 issues a code in 刘桂兰's name, with a reason
    ResponseEntity<String> issued = postJson(as("luoyan"), voteCodes(topic), Map.of("ownerId", owner, "reason", REASON));
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode answer = json(issued.getBody());
    assertThat(answer.get("issuedBy").asText()).isEqualTo("luoyan");
    assertThat(answer.get("reason").asText()).isEqualTo(REASON);
    assertThat(answer.get("ownerNotified").asBoolean()).isTrue();
    String councilCode = answer.get("voteCode").asText();

    // recorded: who, when, why
    CouncilCodeRow recorded = topics.councilCodes(topic, 1, owner).get(0);
    assertThat(recorded.issuedBy()).isEqualTo("luoyan");
    assertThat(recorded.reason()).isEqualTo(REASON);
    assertThat(recorded.issuedAt()).isCloseTo(ClockUtil.getCurrentTime(), 5_000);

    // the owner is told who, when and why, and not the code
    List<MimeMessage> notices = notices(topic, email);
    assertThat(notices).hasSize(1);
    String notice = ReceivedMail.text(notices.get(0));
    assertThat(notice).contains("罗艳").contains("luoyan").contains(REASON)
        .contains(SHOWN.format(recorded.issuedAt().toInstant())).contains("hxy-o04")
        .doesNotContain(councilCode).doesNotContain(councilCode.replace("-", ""));

    // the secretary votes in her place: the ballot is marked, the public record counts it
    ResponseEntity<String> byCouncil = vote(topic, owner, councilCode, "yes");
    assertThat(byCouncil.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(json(byCouncil.getBody()).get("councilIssuedCode").asBoolean()).isTrue();
    assertThat(topics.ballot(topic, 1, owner).orElseThrow().councilCodeId()).isEqualTo(recorded.id());
    JsonNode vote = record(topic).get("vote");
    assertThat(vote.get("councilIssuedCodes").asInt()).isEqualTo(1);
    assertThat(vote.get("ballotsWithCouncilCode").asInt()).isEqualTo(1);

    // she votes with the code mailed to her: her ballot replaces the council's
    ResponseEntity<String> byOwner = vote(topic, owner, mailedCode(topic, email), "no");
    assertThat(byOwner.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(byOwner.getBody()).get("replaced").asBoolean()).isTrue();
    assertThat(json(byOwner.getBody()).get("councilIssuedCode").asBoolean()).isFalse();

    // no council code, the first or a fresh one, changes her ballot again
    String freshCode = json(postJson(as("luoyan"), voteCodes(topic), Map.of("ownerId", owner,
        "reason", "业主电话申请补发 The owner asked by phone for another")).getBody()).get("voteCode").asText();
    ResponseEntity<String> overrule = vote(topic, owner, freshCode, "yes");
    assertThat(overrule.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(overrule.getBody()).contains("own code");
    assertThat(vote(topic, owner, councilCode, "yes").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    TopicRecords.BallotRow ballot = topics.ballot(topic, 1, owner).orElseThrow();
    assertThat(ballot.choice()).isEqualTo("no");
    assertThat(ballot.councilCodeId()).isNull();
    assertThat(notices(topic, email)).hasSize(2);

    // the vote closes: the round's record keeps the counts
    scenario.passTime(TopicScenario.PAST_A_PERIOD);
    JsonNode round = record(topic).at("/vote/rounds/0");
    assertThat(round.get("councilIssuedCodes").asInt()).isEqualTo(2);
    assertThat(round.get("ballotsWithCouncilCode").asInt()).isZero();
    assertThat(round.at("/result/participatingHeadcount").asInt()).isEqualTo(1);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A resident's proposal for the compound, taken to its open vote. */
  private String openVote(String compound, String matterType, String title) {
    ResponseEntity<String> proposed = postJson(rest, "/api/topics",
        TopicScenario.proposal(compound, matterType, title, "zhou.min@resident.example"));
    assertThat(proposed.getStatusCode()).as(proposed.getBody()).isEqualTo(HttpStatus.CREATED);
    String topic = json(proposed.getBody()).get("topicNumber").asText();
    scenario.runDueJobs();
    scenario.openVote(topic);
    assertThat(record(topic).at("/vote/open").asBoolean()).isTrue();
    return topic;
  }

  private JsonNode record(String topic) {
    return json(rest.getForObject("/api/topics/" + topic, String.class));
  }

  private ResponseEntity<String> vote(String topic, String owner, String code, String choice) {
    return postJson(rest, "/api/topics/" + topic + "/votes", Map.of("ownerId", owner, "voteCode", code, "choice", choice));
  }

  private static String voteCodes(String topic) {
    return "/api/topics/" + topic + "/vote-codes";
  }

  private String mailedCode(String topic, String email) {
    scenario.runDueJobs();
    return ReceivedMail.voteCode(smtp.getReceivedMessages(), email, topic)
        .orElseThrow(() -> new AssertionError("no vote code mailed to " + email));
  }

  /** The notices of council-issued codes the owner received for the topic. */
  private List<MimeMessage> notices(String topic, String email) {
    scenario.runDueJobs();
    return ReceivedMail.to(smtp.getReceivedMessages(), email, topic).stream().filter(m -> {
      try {
        return m.getSubject().contains("vote code was issued in your name");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }
}
