package org.gridloop.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the routing rules in {@code bpmn/case-routing.dmn} (read from the process owners' folder, as
 * Camunda Modeler saves it) and checks that {@code bpmn/grid-call.bpmn} and its Camunda Forms fit together.
 * No Spring context and no process engine: the standalone DMN engine and the BPMN model API only.
 */
class CaseRoutingDecisionTests {

  static final Path DMN_FILE = Path.of("bpmn/case-routing.dmn");
  static final Path BPMN_FILE = Path.of("bpmn/grid-call.bpmn");
  static final Path FORMS_DIR = Path.of("bpmn/forms");

  static final Set<String> GROUPS = Set.of(
      "infrastructure", "environment", "neighbourDispute", "property", "publicSafety", "careService");
  static final Set<String> DEPARTMENTS = Set.of(
      "housing", "urban", "police", "market", "environment", "civil", "water");
  static final List<String> URGENCIES = List.of("emergency", "urgent", "normal");
  static final List<String> DEADLINES = List.of(
      "gridHandlingDeadline", "streetAcceptanceDeadline", "streetHandlingDeadline", "reportInDeadline",
      "departmentHandlingDeadline", "streetReviewDeadline", "callBackDeadline");

  static DmnEngine dmnEngine;
  static DmnDecision caseCategory;
  static DmnDecision caseRouting;
  static List<String> categories;

  @BeforeAll
  static void parseDecisions() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = new FileInputStream(DMN_FILE.toFile())) {
      Map<String, DmnDecision> decisions = dmnEngine.parseDecisions(in).stream()
          .collect(Collectors.toMap(DmnDecision::getKey, d -> d));
      caseCategory = decisions.get("case-category");
      caseRouting = decisions.get("case-routing");
    }
    categories = categoryCodes();
  }

  /** The category codes as written in the input entries of case-category, in table order. */
  static List<String> categoryCodes() {
    DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
    Decision decision = model.getModelElementById("case-category");
    DecisionTable table = (DecisionTable) decision.getExpression();
    List<String> codes = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      String text = rule.getInputEntries().iterator().next().getTextContent().trim();
      assertThat(text).as("input entry of %s", rule.getId()).matches("\"[a-z0-9]+(-[a-z0-9]+)*\"");
      codes.add(text.substring(1, text.length() - 1));
    }
    return codes;
  }

  static DmnDecisionResultEntries category(String code) {
    DmnDecisionResult result = dmnEngine.evaluateDecision(caseCategory, Variables.putValue("category", code));
    assertThat(result).as("case-category rows for %s", code).hasSize(1);
    return result.getSingleResult();
  }

  static DmnDecisionResultEntries route(String category, String urgency) {
    VariableMap variables = Variables.putValue("category", category).putValue("urgency", urgency);
    DmnDecisionResult result = dmnEngine.evaluateDecision(caseRouting, variables);
    assertThat(result).as("case-routing rows for %s/%s", category, urgency).hasSize(1);
    return result.getSingleResult();
  }

  static List<String> departmentsOf(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).toList();
  }

  // ------------------------------------------------------------------ case-category

  @Test
  void bothDecisionsAreDeployableWithHistoryTimeToLive() {
    assertThat(caseCategory).isNotNull();
    assertThat(caseRouting).isNotNull();
    assertThat(caseCategory.isDecisionTable()).isTrue();
    assertThat(caseRouting.isDecisionTable()).isTrue();
    assertThat(caseRouting.getRequiredDecisions()).extracting(DmnDecision::getKey).containsExactly("case-category");
    DmnModelInstance model = Dmn.readModelFromFile(DMN_FILE.toFile());
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      assertThat(decision.getCamundaHistoryTimeToLiveString()).as(decision.getId()).isEqualTo("P1825D");
      assertThat(((DecisionTable) decision.getExpression()).getHitPolicy().name()).isEqualTo("UNIQUE");
    }
  }

  @Test
  void everyCategoryResolvesToExactlyOneRowWithEveryOutput() {
    assertThat(categories).doesNotHaveDuplicates();
    for (String code : categories) {
      DmnDecisionResultEntries row = category(code);
      assertThat(row.keySet()).as(code).containsExactlyInAnyOrder(
          "categoryGroup", "categoryNameZh", "categoryNameEn", "categoryGroupNameZh", "categoryGroupNameEn",
          "departments", "complex", "sensitive");
      assertThat(row.<String>getEntry("categoryNameZh")).as(code).isNotBlank();
      assertThat(row.<String>getEntry("categoryNameEn")).as(code).isNotBlank();
      assertThat(row.<Object>getEntry("complex")).as(code).isInstanceOf(Boolean.class);
      assertThat(row.<Object>getEntry("sensitive")).as(code).isInstanceOf(Boolean.class);
    }
  }

  @Test
  void careNeedsDisputesAndWhoLivesInAFlatAreSensitiveAndPublicSpacesAreNot() {
    for (String code : categories) {
      DmnDecisionResultEntries row = category(code);
      String group = row.getEntry("categoryGroup");
      if (group.equals("careService") || group.equals("neighbourDispute")) {
        assertThat(row.<Boolean>getEntry("sensitive")).as("%s (%s) is about a person", code, group).isTrue();
      }
    }
    assertThat(category("group-renting").<Boolean>getEntry("sensitive")).as("who lives in a flat").isTrue();
    for (String publicSpace : List.of("street-light", "road-damage", "garbage-piling", "gas-leak", "parking",
        "fire-lane-blocked", "waterlogging")) {
      assertThat(category(publicSpace).<Boolean>getEntry("sensitive")).as(publicSpace).isFalse();
    }
  }

  @Test
  void atLeastTwentyFiveCategoriesInTheSixGroups() {
    assertThat(categories).hasSizeGreaterThanOrEqualTo(25);
    Map<String, List<String>> byGroup = new LinkedHashMap<>();
    for (String code : categories) {
      byGroup.computeIfAbsent(category(code).getEntry("categoryGroup"), g -> new ArrayList<>()).add(code);
    }
    assertThat(byGroup.keySet()).containsExactlyInAnyOrderElementsOf(GROUPS);
    // one Chinese and one English name per group
    for (String group : GROUPS) {
      Set<String> names = new TreeSet<>();
      for (String code : byGroup.get(group)) {
        DmnDecisionResultEntries row = category(code);
        names.add(row.getEntry("categoryGroupNameZh") + " / " + row.getEntry("categoryGroupNameEn"));
      }
      assertThat(names).as(group).hasSize(1);
    }
  }

  @Test
  void theExamplesOfTheDesignAreThere() {
    assertThat(categories).contains(
        "street-light", "road-damage", "missing-manhole-cover", "elevator-fault", "elevator-retrofit",
        "water-outage", "power-outage", "garbage-piling", "noise", "uncivil-dog-keeping",
        "ebike-charging-upstairs", "square-dance-noise", "objects-thrown-from-height", "illegal-construction",
        "fire-lane-blocked", "property-service", "parking", "gas-leak", "security-hazard",
        "elderly-living-alone-visit", "disability-assistance");
    assertThat(category("street-light").<String>getEntry("categoryNameZh")).isEqualTo("路灯故障");
    assertThat(category("missing-manhole-cover").<String>getEntry("departments")).isEqualTo("urban,water");
    assertThat(category("gas-leak").<String>getEntry("categoryGroup")).isEqualTo("publicSafety");
    assertThat(category("elderly-living-alone-visit").<String>getEntry("categoryGroup")).isEqualTo("careService");
    for (String complex : List.of("elevator-fault", "elevator-retrofit", "illegal-construction", "water-outage")) {
      assertThat(category(complex).<Boolean>getEntry("complex")).as(complex).isTrue();
    }
    assertThat(category("street-light").<Boolean>getEntry("complex")).isFalse();
  }

  @Test
  void everyDepartmentCodeIsOneOfTheSeven() {
    for (String code : categories) {
      String departments = category(code).getEntry("departments");
      assertThat(departments).as(code).isNotBlank().doesNotContain(" ");
      assertThat(departmentsOf(departments)).as(code).isSubsetOf(DEPARTMENTS).doesNotHaveDuplicates();
    }
  }

  @Test
  void anUnknownCategoryHasNoRow() {
    assertThat(dmnEngine.evaluateDecision(caseCategory, Variables.putValue("category", "no-such-category")))
        .isEmpty();
  }

  // ------------------------------------------------------------------ case-routing

  @Test
  void everyCategoryAndUrgencyIsRoutedByExactlyOneRowWithEveryDeadline() {
    for (String code : categories) {
      for (String urgency : URGENCIES) {
        DmnDecisionResultEntries routing = route(code, urgency);
        assertThat(routing.<String>getEntry("firstLevel")).isIn("grid", "street");
        for (String deadline : DEADLINES) {
          assertThat(routing.<String>getEntry(deadline)).as("%s for %s/%s", deadline, code, urgency)
              .matches("P(\\d+D)?(T(\\d+H)?(\\d+M)?)?").isNotEqualTo("P").isNotEqualTo("PT");
        }
      }
    }
  }

  @Test
  void emergenciesGoToTheStreetAndTheRestToTheGrid() {
    for (String code : categories) {
      assertThat(route(code, "emergency").<String>getEntry("firstLevel")).as(code).isEqualTo("street");
      assertThat(route(code, "urgent").<String>getEntry("firstLevel")).as(code).isEqualTo("grid");
      assertThat(route(code, "normal").<String>getEntry("firstLevel")).as(code).isEqualTo("grid");
    }
  }

  @Test
  void anUrgentStreetLightGetsTheDeadlinesOfTheTable() {
    DmnDecisionResultEntries routing = route("street-light", "urgent");
    assertThat(routing.<String>getEntry("firstLevel")).isEqualTo("grid");
    assertThat(routing.<String>getEntry("departments")).isEqualTo("urban");
    assertThat(routing.<String>getEntry("gridHandlingDeadline")).isEqualTo("PT2H");
    assertThat(routing.<String>getEntry("streetAcceptanceDeadline")).isEqualTo("PT2H");
    assertThat(routing.<String>getEntry("streetHandlingDeadline")).isEqualTo("PT24H");
    assertThat(routing.<String>getEntry("reportInDeadline")).isEqualTo("PT2H");
    assertThat(routing.<String>getEntry("departmentHandlingDeadline")).isEqualTo("PT24H");
    assertThat(routing.<String>getEntry("streetReviewDeadline")).isEqualTo("PT8H");
    assertThat(routing.<String>getEntry("callBackDeadline")).isEqualTo("PT48H");
  }

  @Test
  void theOtherColumnsOfTheTable() {
    DmnDecisionResultEntries emergency = route("gas-leak", "emergency");
    assertThat(emergency.<String>getEntry("streetAcceptanceDeadline")).isEqualTo("PT30M");
    assertThat(emergency.<String>getEntry("streetHandlingDeadline")).isEqualTo("PT4H");
    assertThat(emergency.<String>getEntry("reportInDeadline")).isEqualTo("PT30M");
    assertThat(emergency.<String>getEntry("departmentHandlingDeadline")).isEqualTo("PT2H");
    assertThat(emergency.<String>getEntry("streetReviewDeadline")).isEqualTo("PT1H");
    assertThat(emergency.<String>getEntry("callBackDeadline")).isEqualTo("PT24H");
    DmnDecisionResultEntries normal = route("garbage-piling", "normal");
    assertThat(normal.<String>getEntry("gridHandlingDeadline")).isEqualTo("PT24H");
    assertThat(normal.<String>getEntry("streetAcceptanceDeadline")).isEqualTo("PT8H");
    assertThat(normal.<String>getEntry("streetHandlingDeadline")).isEqualTo("P3D");
    assertThat(normal.<String>getEntry("reportInDeadline")).isEqualTo("PT24H");
    assertThat(normal.<String>getEntry("departmentHandlingDeadline")).isEqualTo("P7D");
    assertThat(normal.<String>getEntry("streetReviewDeadline")).isEqualTo("PT24H");
    assertThat(normal.<String>getEntry("callBackDeadline")).isEqualTo("PT72H");
  }

  @Test
  void complexCategoriesGetFifteenDaysOfDepartmentHandlingInNormalUrgency() {
    for (String code : categories) {
      boolean complex = category(code).getEntry("complex");
      assertThat(route(code, "normal").<String>getEntry("departmentHandlingDeadline")).as(code)
          .isEqualTo(complex ? "P15D" : "P7D");
      assertThat(route(code, "urgent").<String>getEntry("departmentHandlingDeadline")).as(code).isEqualTo("PT24H");
      assertThat(route(code, "emergency").<String>getEntry("departmentHandlingDeadline")).as(code).isEqualTo("PT2H");
    }
    assertThat(route("illegal-construction", "normal").<String>getEntry("departmentHandlingDeadline"))
        .isEqualTo("P15D");
  }

  /**
   * The output entry {@code departments} of case-routing refers to the output of the required decision
   * case-category: the engine puts a required decision's single result into the variable context.
   */
  @Test
  void caseRoutingPassesTheDepartmentsAndNamesOfTheCategoryThrough() {
    for (String code : categories) {
      DmnDecisionResultEntries category = category(code);
      for (String urgency : URGENCIES) {
        DmnDecisionResultEntries routing = route(code, urgency);
        assertThat(routing.<String>getEntry("departments")).as(code).isEqualTo(category.getEntry("departments"));
        assertThat(routing.<String>getEntry("categoryNameZh")).isEqualTo(category.getEntry("categoryNameZh"));
        assertThat(routing.<String>getEntry("categoryNameEn")).isEqualTo(category.getEntry("categoryNameEn"));
        assertThat(routing.<String>getEntry("categoryGroup")).isEqualTo(category.getEntry("categoryGroup"));
      }
    }
  }

  @Test
  void anUnknownCategoryIsStillRoutedButSummonsNoDepartment() {
    for (String urgency : URGENCIES) {
      DmnDecisionResultEntries routing = route("no-such-category", urgency);
      assertThat(routing.<String>getEntry("departments")).isNull();
      assertThat(routing.<String>getEntry("streetAcceptanceDeadline")).isNotNull();
    }
    assertThat(route("no-such-category", "normal").<String>getEntry("departmentHandlingDeadline"))
        .isEqualTo("P7D");
  }

  // ------------------------------------------------------------------ grid-call.bpmn and its forms

  @Test
  void gridCallIsExecutableWithHistoryTimeToLive() {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    Process process = model.getModelElementById("grid-call");
    assertThat(process).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getName()).isEqualTo("网格呼叫 Grid call");
    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P1825D");
    BusinessRuleTask routing = model.getModelElementById("determine-routing");
    assertThat(routing.getCamundaDecisionRef()).isEqualTo("case-routing");
    assertThat(routing.getCamundaMapDecisionResult()).isEqualTo("singleResult");
    assertThat(routing.getCamundaResultVariable()).isEqualTo("routing");
  }

  @Test
  void everyElementHasAChineseAndEnglishName() {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank()
          .matches("^\\p{IsHan}.*[A-Za-z].*$");
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Collection<SequenceFlow> outgoing = gateway.getOutgoing();
      if (outgoing.size() > 1) {
        for (SequenceFlow flow : outgoing) {
          assertThat(flow.getName()).as("name of %s out of %s", flow.getId(), gateway.getId()).isNotBlank();
          assertThat(flow.getConditionExpression() != null || flow.equals(gateway.getDefault()))
              .as("%s has a condition or is the default", flow.getId()).isTrue();
        }
      }
    }
  }

  @Test
  void everyElementIsDrawn() {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    Set<String> drawn = new TreeSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawn).as("edge of %s", flow.getId()).contains(flow.getId());
    }
  }

  @Test
  void everyUserTaskHasACandidateGroupAndADeployedCamundaForm() throws IOException {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    ObjectMapper json = new ObjectMapper();
    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
    assertThat(userTasks).extracting(UserTask::getId).contains(
        "grid-handling", "street-acceptance", "street-handling", "department-report-in", "supervise-report-in",
        "department-handling", "street-review", "call-back", "supervisor-review");
    for (UserTask task : userTasks) {
      assertThat(task.getCamundaAssignee()).as("assignee of %s", task.getId()).isNull();
      assertThat(task.getCamundaCandidateGroups()).as("candidate groups of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRef()).as("formRef of %s", task.getId()).isEqualTo(task.getId() + "-form");
      assertThat(task.getCamundaFormRefBinding()).as("formRefBinding of %s", task.getId()).isEqualTo("deployment");
      File form = FORMS_DIR.resolve(task.getId() + ".form").toFile();
      assertThat(form).as("form of %s", task.getId()).exists();
      JsonNode schema = json.readTree(Files.readString(form.toPath()));
      assertThat(schema.path("id").asText()).isEqualTo(task.getCamundaFormRef());
      assertThat(schema.path("type").asText()).isEqualTo("default");
      assertThat(schema.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
      assertThat(schema.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
      assertThat(schema.path("components").isArray()).isTrue();
    }
  }

  /** The fields each task's form lets the user set, with the values of its choice fields (null: free text). */
  static final Map<String, Map<String, Set<String>>> DECISION_FIELDS = Map.of(
      "grid-handling", fields("gridOutcome", Set.of("resolved", "callStreet"), "gridNote", null, "publicNote", null),
      "street-acceptance", fields("streetDecision", Set.of("handle", "summon", "returnToGrid", "reject"),
          "departments", DEPARTMENTS, "streetInstructions", null, "rejectReason", null, "publicNote", null),
      "street-handling", fields("streetOutcome", Set.of("resolved", "summon"), "departments", DEPARTMENTS,
          "streetNote", null, "publicNote", null),
      "department-report-in", fields("reportInNote", null, "publicNote", null),
      "supervise-report-in", fields("superviseNote", null),
      "department-handling", fields("departmentResult", null, "publicNote", null),
      "street-review", fields("reviewOutcome", Set.of("accept", "sendBack"), "reviewReason", null, "publicNote", null),
      "call-back", fields("rating", Set.of("satisfied", "basicallySatisfied", "unsatisfied"), "ratingComment", null,
          "unsatisfiedReason", null),
      "supervisor-review", fields("supervisorDecision", Set.of("closeResolved", "closeExplained", "closeUnresolvable"),
          "supervisorNote", null, "publicNote", null));

  /** Reason fields that are required exactly when the decision named here is taken (hidden otherwise). */
  static final Map<String, String> REQUIRED_WHEN = Map.of(
      "departments", "summon", "streetInstructions", "returnToGrid", "rejectReason", "reject",
      "reviewReason", "sendBack", "unsatisfiedReason", "unsatisfied");

  static Map<String, Set<String>> fields(Object... keysAndValues) {
    Map<String, Set<String>> fields = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      Set<String> values = (Set<String>) keysAndValues[i + 1];
      fields.put((String) keysAndValues[i], values);
    }
    return fields;
  }

  static JsonNode form(String taskId) throws IOException {
    return new ObjectMapper().readTree(Files.readString(FORMS_DIR.resolve(taskId + ".form")));
  }

  @Test
  void everyFormUsesTheSchemaOfTheTasklistOfCamunda724() throws IOException {
    // Camunda 7.24's Tasklist bundles form-js 1.8 (schemaVersion 16): newer schemas may not render there.
    try (var files = Files.list(FORMS_DIR)) {
      List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).toList();
      List<String> taskIds = forms.stream().map(f -> f.getFileName().toString().replace(".form", "")).toList();
      assertThat(taskIds).as("every grid-call task has its form").containsAll(DECISION_FIELDS.keySet());
      for (Path file : forms) {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(file));
        String taskId = file.getFileName().toString().replace(".form", "");
        assertThat(schema.path("schemaVersion").asInt()).as(file.toString()).isEqualTo(16);
        assertThat(schema.path("id").asText()).isEqualTo(taskId + "-form");
      }
    }
  }

  @Test
  void everyFormShowsTheCaseReadOnlyThenAsksForTheDecision() throws IOException {
    for (var entry : DECISION_FIELDS.entrySet()) {
      JsonNode components = form(entry.getKey()).path("components");
      Map<String, JsonNode> editable = new LinkedHashMap<>();
      Set<String> keys = new TreeSet<>();
      Set<String> ids = new TreeSet<>();
      int firstEditable = -1;
      int lastReadOnly = -1;
      for (int i = 0; i < components.size(); i++) {
        JsonNode component = components.get(i);
        assertThat(ids.add(component.path("id").asText())).as("unique id in %s", entry.getKey()).isTrue();
        if (!component.has("key")) {
          continue;
        }
        String key = component.path("key").asText();
        assertThat(keys.add(key)).as("unique key %s in %s", key, entry.getKey()).isTrue();
        assertThat(component.path("label").asText()).as("label of %s", key).matches("^\\p{IsHan}.*[A-Za-z].*$");
        if (component.path("disabled").asBoolean()) {
          lastReadOnly = i;
        } else {
          editable.put(key, component);
          firstEditable = firstEditable < 0 ? i : firstEditable;
        }
      }
      assertThat(keys).as("context of %s", entry.getKey()).contains("caseNumber", "categoryNameZh", "address", "description");
      assertThat(lastReadOnly).as("read-only context first in %s", entry.getKey()).isLessThan(firstEditable);
      assertThat(editable.keySet()).as("decision fields of %s", entry.getKey())
          .containsExactlyInAnyOrderElementsOf(entry.getValue().keySet());
      for (var field : entry.getValue().entrySet()) {
        JsonNode component = editable.get(field.getKey());
        if (field.getValue() != null) {
          Set<String> values = new TreeSet<>();
          component.path("values").forEach(v -> values.add(v.path("value").asText()));
          assertThat(values).as("values of %s in %s", field.getKey(), entry.getKey())
              .containsExactlyInAnyOrderElementsOf(field.getValue());
          assertThat(component.path("validate").path("required").asBoolean()).as(field.getKey()).isTrue();
        }
        if (REQUIRED_WHEN.containsKey(field.getKey())) {
          assertThat(component.path("validate").path("required").asBoolean()).as(field.getKey()).isTrue();
          assertThat(component.path("conditional").path("hide").asText()).as("hide condition of %s", field.getKey())
              .startsWith("=").contains("\"" + REQUIRED_WHEN.get(field.getKey()) + "\"");
        }
      }
    }
  }

  /** Contact data is shown by Tasklist's Contact tab from GridLoop's case record, never by a form. */
  @Test
  void noFormShowsOrAsksForContactDataAndOnlyTheCallBackShowsTheContactTab() throws IOException {
    Set<String> contact = Set.of("reporterMasked", "reporterName", "reporterPhone", "reporterEmail", "ratingToken",
        "proposerName", "proposerEmail");
    try (var files = Files.list(FORMS_DIR)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        String text = Files.readString(file);
        for (String name : contact) {
          assertThat(text).as("%s names %s", file.getFileName(), name).doesNotContain(name);
        }
      }
    }
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    assertThat(org.gridloop.privacy.ReporterContactSteps.steps(model)).containsExactly("call-back");
  }

  @Test
  void theGatewaysTestTheValuesTheFormsOffer() {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    Map<String, String> conditions = new LinkedHashMap<>();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null) {
        conditions.put(flow.getId(), flow.getConditionExpression().getTextContent());
      }
    }
    String all = String.join("\n", conditions.values());
    for (String expected : List.of("${gridOutcome == 'resolved'}", "${streetDecision == 'summon'}",
        "${streetDecision == 'returnToGrid'}", "${streetDecision == 'reject'}", "${streetOutcome == 'summon'}",
        "${reviewOutcome == 'sendBack'}", "${firstLevel == 'grid'}",
        "${rating == 'unsatisfied' && reopenCount < 2}", "${rating == 'unsatisfied' && reopenCount >= 2}")) {
      assertThat(all).contains(expected);
    }
    // every value a gateway tests for is one that a form offers
    conditions.forEach((id, condition) -> {
      var matcher = java.util.regex.Pattern.compile("(\\w+) == '(\\w+)'").matcher(condition);
      while (matcher.find()) {
        String variable = matcher.group(1);
        String value = matcher.group(2);
        if (variable.equals("firstLevel")) {
          continue;
        }
        boolean offered = DECISION_FIELDS.values().stream()
            .anyMatch(f -> f.containsKey(variable) && f.get(variable) != null && f.get(variable).contains(value));
        assertThat(offered).as("%s == '%s' (%s) is offered by a form", variable, value, id).isTrue();
      }
    });
  }

  @Test
  void serviceTasksAreReachedThroughBeans() {
    BpmnModelInstance model = Bpmn.readModelFromFile(BPMN_FILE.toFile());
    Set<String> beans = new TreeSet<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      assertThat(task.getCamundaClass()).as(task.getId()).isNull();
      assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
      assertThat(task.getCamundaDelegateExpression()).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
      beans.add(task.getCamundaDelegateExpression());
    }
    assertThat(beans).containsExactlyInAnyOrder("${applyRouting}", "${notifyReporter}", "${sendReminder}",
        "${escalateCase}", "${reopenCase}", "${closeCase}");
  }
}
