package org.gridloop.publicboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridloop.casework.CaseRecords;
import org.gridloop.intake.CaseIntake;
import org.gridloop.support.CaseScenario;
import org.gridloop.support.GridLoopIntegrationTest;
import org.gridloop.support.ResidentCases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What a case shows the public ({@code GET /api/cases/{n}} without the reporter's token; the board
 * and Open311 use the same view): a public space shows where, who handles it, when, and the notes
 * staff write for the public; a case about a person only its category group, status and dates.
 */
@GridLoopIntegrationTest
class PublicCaseViewIT {

  static final String DESCRIPTION = "路口井盖丢失，晚上很危险 The cover at the crossing is gone";
  static final String GRID_NOTE = "网格已设警示，需水务更换 Warning set up, water must replace it";
  static final String INSTRUCTIONS = "请水务局今天内更换 Water: replace it today";
  static final String REPORT_IN = "水务已到场 Water on site";
  static final String RESULT = "已更换井盖，费用 320 元 Cover replaced, 320 yuan";
  static final String UNSATISFIED = "新井盖会响 The new cover rattles";
  static final List<String> PUBLIC_NOTES = List.of("已设警示，已转镇街 Warning set up, passed to the street",
      "已召集水务局 The water bureau is summoned", "井盖已更换 The cover is replaced");

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired CaseRecords records;
  final ObjectMapper json = new ObjectMapper();
  ResidentCases cases;
  CaseScenario scenario;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(new Date());
    cases = new ResidentCases(intake, engine);
    scenario = cases.scenario();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aPublicSpaceCaseShowsWhereWhoWhenAndThePublicNotesButNoTypedTextAndNothingOfTheReporter() throws Exception {
    String caseNumber = cases.report("missing-manhole-cover", "cx-hongxing-g1", DESCRIPTION, "锦江区红星路二段路口");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "callStreet",
        "gridNote", GRID_NOTE, "publicNote", PUBLIC_NOTES.get(0)));
    assertThat(scenario.runtime().getVariable(instance.getId(), "publicNote"))
        .as("recorded, then gone: the next form starts empty").isNull();
    scenario.complete(scenario.task(instance, "street-acceptance"), Map.of("streetDecision", "summon",
        "departments", List.of("water"), "streetInstructions", INSTRUCTIONS, "publicNote", PUBLIC_NOTES.get(1)));
    scenario.complete(scenario.departmentTask(instance, "department-report-in", "water"),
        Map.of("reportInNote", REPORT_IN, "publicNote", "  "));
    scenario.complete(scenario.departmentTask(instance, "department-handling", "water"),
        Map.of("departmentResult", RESULT, "publicNote", PUBLIC_NOTES.get(2)));
    scenario.complete(scenario.departmentTask(instance, "street-review", "water"), Map.of("reviewOutcome", "accept"));
    scenario.passTime(Duration.ofHours(73));
    scenario.complete(scenario.task(instance, "call-back"), Map.of("rating", "unsatisfied",
        "unsatisfiedReason", UNSATISFIED));

    JsonNode view = json.readTree(rest.getForObject("/api/cases/" + caseNumber, String.class));

    assertThat(view.get("sensitive").asBoolean()).isFalse();
    assertThat(view.at("/category/code").asText()).isEqualTo("missing-manhole-cover");
    assertThat(view.at("/category/nameZh").asText()).isEqualTo("井盖缺失");
    assertThat(view.at("/category/group").asText()).isEqualTo("infrastructure");
    assertThat(view.get("status").asText()).isEqualTo("inProgress");
    assertThat(view.get("reportedAt").isNull()).isFalse();
    assertThat(view.at("/location/address").asText()).isEqualTo("锦江区红星路二段路口");
    assertThat(view.at("/location/grid/name").asText()).contains("红星路社区第一网格");
    assertThat(view.at("/location/street/name").asText()).contains("春熙路街道");
    assertThat(texts(view.get("units"))).anyMatch(u -> u.contains("区水务局")).anyMatch(u -> u.contains("春熙路街道"));
    assertThat(view.get("steps")).isNotEmpty().allSatisfy(step -> {
      assertThat(step.has("outcome")).isFalse();
      assertThat(step.get("startedAt").isNull()).isFalse();
    });
    assertThat(view.get("current").get("step").asText()).as("reopened to the street").isEqualTo("street-handling");
    List<String> notes = new ArrayList<>();
    view.get("events").forEach(event -> {
      if (event.get("kind").asText().equals("publicNote")) {
        notes.add(event.get("note").asText());
        assertThat(event.get("unit").asText()).isNotBlank();
      } else {
        assertThat(event.has("note")).as(event.toString()).isFalse();
        assertThat(event.has("detail")).as(event.toString()).isFalse();
      }
    });
    assertThat(notes).as("the notes staff wrote for the public, a blank one left out").isEqualTo(PUBLIC_NOTES);
    assertThat(texts(view.get("events"), "kind")).contains("accepted", "stepChanged", "resolved", "reopened");

    String text = view.toString();
    assertThat(text).doesNotContain(DESCRIPTION, GRID_NOTE, INSTRUCTIONS, REPORT_IN, RESULT, UNSATISFIED, "320")
        .doesNotContain(ResidentCases.CONTACT);
    for (String field : List.of("description", "outcome", "rating", "ratingComment", "reporter", "channel",
        "escalated", "reopenCount", "urgency")) {
      assertThat(view.has(field)).as(field).isFalse();
    }
    assertThat(text).as("no staff names").doesNotContain("wangfang", "wuxiuying", "gaofeng", "王芳", "高峰");
  }

  @Test
  void theReportersOwnViewStillShowsWhatItShowedWithTheirToken() throws Exception {
    String caseNumber = cases.report("missing-manhole-cover", "cx-hongxing-g1", DESCRIPTION, "锦江区红星路二段路口");
    ProcessInstance instance = scenario.instance(caseNumber);
    scenario.complete(scenario.task(instance, "grid-handling"), Map.of("gridOutcome", "resolved",
        "gridNote", GRID_NOTE, "publicNote", PUBLIC_NOTES.get(2)));
    String token = records.find(caseNumber).orElseThrow().ratingToken();

    JsonNode own = json.readTree(rest.getForObject("/api/cases/" + caseNumber + "?token=" + token, String.class));

    assertThat(own.get("description").asText()).isEqualTo(DESCRIPTION);
    assertThat(own.get("address").asText()).isEqualTo("锦江区红星路二段路口");
    assertThat(own.get("outcome").asText()).isEqualTo(GRID_NOTE);
    assertThat(own.at("/reporter/phone").asText()).isEqualTo("139****5678");
    assertThat(own.at("/steps/0/outcome").asText()).isEqualTo("resolved");
    assertThat(texts(own.get("events"), "detail")).contains(PUBLIC_NOTES.get(2), GRID_NOTE);
    assertThat(own.toString()).doesNotContain(ResidentCases.PHONE).doesNotContain(ResidentCases.NAME);
  }

  @Test
  void aCaseAboutAPersonShowsOnlyItsCategoryGroupStatusAndDates() throws Exception {
    String caseNumber = cases.report("ebike-charging-upstairs", "cx-hongxing-g1",
        "5栋302住户在楼道充电 The tenant of 5-302 charges in the stairwell", "锦江区红星苑5栋");
    scenario.complete(scenario.task(scenario.instance(caseNumber), "grid-handling"), Map.of("gridOutcome", "resolved",
        "gridNote", "已劝导 Talked to them", "publicNote", "已劝导住户 The tenant was talked to"));

    JsonNode view = json.readTree(rest.getForObject("/api/cases/" + caseNumber, String.class));

    assertThat(fieldNames(view)).containsExactly("caseNumber", "sensitive", "category", "status", "reportedAt",
        "closedAt");
    assertThat(view.get("sensitive").asBoolean()).isTrue();
    assertThat(fieldNames(view.get("category"))).containsExactly("group", "groupNameZh", "groupNameEn");
    assertThat(view.at("/category/group").asText()).isEqualTo("neighbourDispute");
    assertThat(view.at("/category/groupNameZh").asText()).isEqualTo("邻里纠纷");
    assertThat(view.get("status").asText()).isEqualTo("awaitingRating");
    assertThat(view.toString()).doesNotContain("302", "5栋", "劝导", "电瓶车", "ebike");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.path(field).asText()));
    return texts;
  }
}
