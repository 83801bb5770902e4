package org.gridloop.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The forms' own rules, applied on the server to what a client submits, with the real forms of
 * bpmn/forms and the engine's FEEL: the browser is not the only one who checks.
 */
class FormSubmissionTests {

  static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();
  static final Set<String> DEPARTMENTS = Set.of("housing", "urban", "water");
  static final FormSubmission RULES = new FormSubmission(
      (expression, data) -> FEEL.evaluateSimpleExpression(expression, Variables.fromMap(data).asVariableContext()),
      (kind, id) -> switch (kind) {
        case "department" -> DEPARTMENTS.contains(id);
        case "category" -> Set.of("street-light", "elevator-retrofit").contains(id);
        default -> false;
      });

  static TaskForm form(String name) {
    try {
      return TaskForm.parse(Files.readAllBytes(Path.of("bpmn/forms", name + ".form")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static FormSubmission.Result submit(String form, Map<String, Object> submitted) {
    return submit(form, submitted, Map.of("caseNumber", "GC-2026-000001", "streetId", "chunxi"));
  }

  static FormSubmission.Result submit(String form, Map<String, Object> submitted, Map<String, Object> current) {
    return RULES.check(form(form), submitted, current);
  }

  static List<String> refusedFields(FormSubmission.Result result) {
    return result.problems().stream().map(FormSubmission.Problem::field).toList();
  }

  @Test
  void aGridWorkerSetsTheOutcomeAndNoteAndNothingElse() {
    var ok = submit("grid-handling", Map.of("gridOutcome", "resolved", "gridNote", "已更换灯泡 Bulb replaced"));
    assertThat(ok.ok()).isTrue();
    assertThat(ok.accepted()).containsOnlyKeys("gridOutcome", "gridNote");

    var rerouted = submit("grid-handling", Map.of("gridOutcome", "resolved", "gridNote", "ok ok",
        "streetId", "shuyuan", "reopenCount", 0));
    assertThat(refusedFields(rerouted)).containsExactlyInAnyOrder("streetId", "reopenCount");
    assertThat(rerouted.problems()).allSatisfy(p -> assertThat(p.message()).isEqualTo("is not a field of this task's form"));
  }

  @Test
  void theReadOnlyFieldsTasklistSendsBackAreDroppedSilently() {
    var result = submit("grid-handling", Map.of("gridOutcome", "callStreet", "gridNote", "需要镇街协调 Needs the street",
        "caseNumber", "GC-2026-999999", "address", "somewhere else", "gridHandlingDeadline", "P99D"));
    assertThat(result.ok()).isTrue();
    assertThat(result.accepted()).containsOnlyKeys("gridOutcome", "gridNote");
  }

  @Test
  void requiredFieldsLengthsAndChoicesHoldOnTheServer() {
    assertThat(refusedFields(submit("grid-handling", Map.of("gridOutcome", "resolved")))).containsExactly("gridNote");
    assertThat(refusedFields(submit("grid-handling", Map.of("gridOutcome", "resolved", "gridNote", "x"))))
        .containsExactly("gridNote");
    assertThat(refusedFields(submit("grid-handling", Map.of("gridOutcome", "resolved", "gridNote", "x".repeat(2001)))))
        .containsExactly("gridNote");
    var wrongChoice = submit("grid-handling", Map.of("gridOutcome", "closeItQuietly", "gridNote", "ok ok"));
    assertThat(wrongChoice.problems()).singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith("gridOutcome: 'closeItQuietly' is not one of resolved, callStreet"));
    assertThat(refusedFields(submit("grid-handling", Map.of("gridOutcome", 1, "gridNote", List.of("a")))))
        .contains("gridNote");
  }

  @Test
  void anEmptySummonListDoesNotResolveTheCase() {
    assertThat(refusedFields(submit("street-acceptance", Map.of("streetDecision", "summon", "departments", List.of()))))
        .containsExactly("departments");
    assertThat(refusedFields(submit("street-acceptance", Map.of("streetDecision", "summon"))))
        .containsExactly("departments");
    assertThat(submit("street-acceptance", Map.of("streetDecision", "summon", "departments", List.of("water", "housing")))
        .ok()).isTrue();
    // Prefilled by the routing rules, the form shows and submits them; a client that leaves them out summons nobody.
    assertThat(refusedFields(submit("street-acceptance", Map.of("streetDecision", "summon"),
        Map.of("departments", List.of("urban"))))).containsExactly("departments");
  }

  @Test
  void aSummonedDepartmentMustBeOfferedAndExistInTheOrganisation() {
    var notOffered = submit("street-acceptance", Map.of("streetDecision", "summon", "departments", List.of("army")));
    assertThat(refusedFields(notOffered)).containsExactly("departments");
    // "civil" is offered by the form but the organisation has no such department.
    var notInOrganisation = submit("street-acceptance", Map.of("streetDecision", "summon", "departments", List.of("civil")));
    assertThat(notInOrganisation.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("unknown department 'civil'"));
  }

  @Test
  void aRejectionNeedsAReasonAndFieldsItHidesAreDropped() {
    assertThat(refusedFields(submit("street-acceptance", Map.of("streetDecision", "reject"))))
        .containsExactly("rejectReason");
    var rejected = submit("street-acceptance", Map.of("streetDecision", "reject", "rejectReason", "重复反映 A duplicate",
        "departments", List.of("water"), "streetInstructions", "hidden"));
    assertThat(rejected.ok()).isTrue();
    assertThat(rejected.accepted()).containsOnlyKeys("streetDecision", "rejectReason");
  }

  @Test
  void anUnsatisfiedRatingByPhoneNeedsItsReason() {
    assertThat(refusedFields(submit("call-back", Map.of("rating", "unsatisfied")))).containsExactly("unsatisfiedReason");
    assertThat(submit("call-back", Map.of("rating", "unsatisfied", "unsatisfiedReason", "灯又坏了 Out again")).ok()).isTrue();
    assertThat(submit("call-back", Map.of("rating", "satisfied", "ratingComment", "谢谢")).ok()).isTrue();
    // A reason left from an earlier round does not answer for this one.
    assertThat(refusedFields(submit("call-back", Map.of("rating", "unsatisfied"),
        Map.of("unsatisfiedReason", "上次的理由 Last round's reason")))).containsExactly("unsatisfiedReason");
  }

  @Test
  void planItemsAreCheckedOneByOneInTheirOwnScope() {
    Map<String, Object> byDepartment = new HashMap<>(Map.of("title", "加装电梯 Elevator", "responsibleParty", "department",
        "departmentCode", "housing", "category", "elevator-retrofit"));
    Map<String, Object> byCompany = Map.of("title", "清理楼道 Clear the stairs", "responsibleParty", "propertyCompany",
        "departmentCode", "ignored");
    var ok = submit("plan-implementation", Map.of("plan", List.of(byDepartment, byCompany)));
    assertThat(ok.problems()).isEmpty();
    assertThat((List<?>) ok.accepted().get("plan")).hasSize(2);
    assertThat(((Map<?, ?>) ((List<?>) ok.accepted().get("plan")).get(1)).containsKey("departmentCode")).isFalse();

    byDepartment.put("departmentCode", "nowhere");
    byDepartment.put("budgetOverride", 1);
    var refused = submit("plan-implementation", Map.of("plan", List.of(byDepartment, Map.of("responsibleParty", "department"))));
    assertThat(refusedFields(refused)).containsExactlyInAnyOrder("plan[0].budgetOverride", "plan[0].departmentCode",
        "plan[1].title", "plan[1].departmentCode");
  }

  @Test
  void spendingNeedsItsPayeeAndPurposeAndIsNeverNegative() {
    Map<String, Object> spent = new HashMap<>(Map.of("outcome", "已完成维修 Repaired", "spentAmount", 1200.5,
        "date", "2026-11-30"));
    assertThat(refusedFields(submit("carry-out-item", spent))).containsExactlyInAnyOrder("payee", "purpose");
    spent.putAll(Map.of("payee", "锦江物业", "purpose", "维修 Repair"));
    assertThat(submit("carry-out-item", spent).ok()).isTrue();
    spent.put("spentAmount", -5);
    assertThat(refusedFields(submit("carry-out-item", spent))).containsExactly("spentAmount");
    spent.put("spentAmount", 1.234);
    assertThat(refusedFields(submit("carry-out-item", spent))).containsExactly("spentAmount");
    spent.put("spentAmount", 10);
    spent.put("date", "yesterday");
    assertThat(refusedFields(submit("carry-out-item", spent))).containsExactly("date");
  }

  @Test
  void noFormSetsAVariableItDoesNotOffer() throws IOException {
    try (var files = Files.list(Path.of("bpmn/forms"))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString().replace(".form", "");
        var result = submit(name, Map.of("reopenCount", 0, "votePeriod", "PT1M", "streetId", "shuyuan"));
        // Refused, or dropped where the form shows the field read-only: never set.
        assertThat(result.accepted()).as(name).doesNotContainKeys("reopenCount", "votePeriod", "streetId");
        for (String field : List.of("reopenCount", "votePeriod", "streetId")) {
          if (!form(name).knownVariables().contains(field)) {
            assertThat(refusedFields(result)).as(name).contains(field);
          }
        }
      }
    }
  }
}
