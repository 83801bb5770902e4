package org.gridloop.deliberation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.casework.CategoryCatalogue;
import org.gridloop.org.Organisation;
import org.springframework.stereotype.Component;

/**
 * {@code prepare-plan} (整理实施计划): reads {@code plan} as submitted by the task
 * {@code plan-implementation} and writes {@code planItems}, the collection the multi-instance
 * subprocess {@code implement-item} runs over (see {@link ImplementationPlan}), and an empty
 * {@code itemResults}; the items go on the topic's public record. An incomplete plan, a department
 * code the organisation does not have or an unknown case category throws, so completing the task
 * fails with the reason and the task stays open.
 */
@Component("preparePlan")
public class PreparePlan implements JavaDelegate {

  private final TopicRecords records;
  private final Organisation organisation;
  private final CategoryCatalogue categories;

  public PreparePlan(TopicRecords records, Organisation organisation, CategoryCatalogue categories) {
    this.records = records;
    this.organisation = organisation;
    this.categories = categories;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> items = ImplementationPlan.planItems(execution.getVariable("plan"));
    for (Map<String, Object> item : items) {
      String where = "plan item " + item.get("itemNumber") + " (" + item.get("title") + ")";
      Object department = item.get("departmentCode");
      if (department != null && organisation.department(department.toString()).isEmpty()) {
        throw new IllegalArgumentException(where + ": unknown department '" + department
            + "' / 组织文件中没有该部门代码");
      }
      Object category = item.get("category");
      if (category != null && categories.find(category.toString()).isEmpty()) {
        throw new IllegalArgumentException(where + ": unknown case category '" + category
            + "' (GET /api/categories) / 案件类别不存在");
      }
    }
    execution.setVariable("planItems", Variables.objectValue(items)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    execution.setVariable("itemResults", Variables.objectValue(new ArrayList<>())
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    String topicNumber = execution.getProcessBusinessKey();
    for (Map<String, Object> item : items) {
      records.planItem(topicNumber, ((Number) item.get("itemNumber")).intValue(), (String) item.get("title"),
          (String) item.get("responsibleParty"), (String) item.get("departmentCode"),
          (String) item.get("description"));
    }
  }
}
