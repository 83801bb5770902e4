package org.gridloop.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImplementationPlanTests {

  static final String PLAN = """
          [{"title":"加装电梯施工许可","responsibleParty":"department","departmentCode":"housing","description":"报建"},
           {"title":"清理楼道杂物","responsibleParty":"propertyCompany","departmentCode":"stale","description":""}]""";

  @Test
  void theFormsDynamicListBecomesPlanItemsWithNeedsDepartment() {
    List<Map<String, Object>> items = ImplementationPlan.planItems(PLAN);
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).containsEntry("itemNumber", 1).containsEntry("title", "加装电梯施工许可")
        .containsEntry("responsibleParty", "department").containsEntry("departmentCode", "housing")
        .containsEntry("needsDepartment", true);
    assertThat(items.get(1)).containsEntry("itemNumber", 2).containsEntry("responsibleParty", "propertyCompany")
        .containsEntry("departmentCode", null).containsEntry("description", null)
        .containsEntry("needsDepartment", false);
  }

  @Test
  void javaListsOfMapsAreReadToo() {
    Map<String, Object> item = new HashMap<>(Map.of("title", "院落活动", "responsibleParty", "courtyardCommittee"));
    assertThat(ImplementationPlan.planItems(List.of(item))).singleElement()
        .satisfies(i -> assertThat(i).containsEntry("needsDepartment", false));
  }

  @Test
  void anIncompletePlanIsRefusedNamingTheItem() {
    assertThatThrownBy(() -> ImplementationPlan.planItems("[]")).hasMessageContaining("at least one item");
    assertThatThrownBy(() -> ImplementationPlan.planItems(null)).hasMessageContaining("No plan");
    assertThatThrownBy(() -> ImplementationPlan.planItems("[{\"title\":\"修路\",\"responsibleParty\":\"department\"}]"))
        .hasMessageContaining("plan item 1").hasMessageContaining("departmentCode");
    assertThatThrownBy(() -> ImplementationPlan.planItems("[{\"title\":\"修路\",\"responsibleParty\":\"mayor\"}]"))
        .hasMessageContaining("plan item 1").hasMessageContaining("mayor");
    assertThatThrownBy(() -> ImplementationPlan.planItems("[{\"responsibleParty\":\"department\"}]"))
        .hasMessageContaining("title");
    assertThatThrownBy(() -> ImplementationPlan.planItems("not json")).hasMessageContaining("not valid JSON");
  }

  @Test
  void itemResultsKeepTheSpendingExactAndInPlanOrder() {
    List<Map<String, Object>> items = ImplementationPlan.planItems(PLAN);
    Map<String, Object> second = ImplementationPlan.itemResult(items.get(1), "已清理", 350.5, "锦宏物业", "清运费",
        "2026-12-20", null, null);
    assertThat(second).containsEntry("spentAmount", "350.50").containsEntry("payee", "锦宏物业")
        .containsEntry("itemNumber", 2);
    Map<String, Object> first = ImplementationPlan.itemResult(items.get(0), null, null, null, null, null,
        "GC-2026-000123", "resolved");
    List<Map<String, Object>> results = ImplementationPlan.withResult(
        ImplementationPlan.withResult(new ArrayList<>(), second), first);
    assertThat(results).extracting(r -> r.get("itemNumber")).containsExactly(1, 2);
    assertThat(results.get(0)).containsEntry("linkedCaseNumber", "GC-2026-000123").containsEntry("spentAmount", null);
    // recording the same item again replaces it
    assertThat(ImplementationPlan.withResult(results, first)).hasSize(2);

    assertThatThrownBy(() -> ImplementationPlan.itemResult(items.get(1), "x", "-1", null, null, null, null, null))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> ImplementationPlan.itemResult(items.get(1), "x", "12.345", null, null, null, null, null))
        .hasMessageContaining("two decimals");
  }

  @Test
  void aPlanItemLongerThanItsRecordIsRefusedNamingTheField() {
    String longTitle = "长".repeat(201);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImplementationPlan.planItems(
        "[{\"title\":\"" + longTitle + "\",\"responsibleParty\":\"propertyCompany\"}]"))
        .hasMessageContaining("plan item 1").hasMessageContaining("title").hasMessageContaining("200");
  }
}
