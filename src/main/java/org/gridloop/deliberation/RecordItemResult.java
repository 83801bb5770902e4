package org.gridloop.deliberation;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.gridloop.casework.CaseRecords;
import org.springframework.stereotype.Component;

/**
 * {@code record-item-result} (记录事项结果): at the end of each instance of {@code implement-item},
 * adds the item's result (see {@link ImplementationPlan#itemResult}) to the process variable
 * {@code itemResults}, which {@code disclose-results} publishes, and puts it on the topic's public
 * record. For a department item, how its linked grid-call case ended (status and outcome, from the
 * case record) is the item's outcome. The item's own variables are local to its instance, so
 * parallel items never overwrite each other's; the task runs asynchronously (exclusive job), so two
 * items finishing at once are recorded one after the other.
 */
@Component("recordItemResult")
public class RecordItemResult implements JavaDelegate {

  private final TopicRecords records;
  private final CaseRecords cases;

  public RecordItemResult(TopicRecords records, CaseRecords cases) {
    this.records = records;
    this.cases = cases;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Object linkedCaseNumber = execution.getVariable("linkedCaseNumber");
    Object linkedCaseOutcome = execution.getVariable("linkedCaseOutcome");
    if (linkedCaseNumber != null && linkedCaseOutcome == null) {
      linkedCaseOutcome = cases.find(linkedCaseNumber.toString())
          .map(c -> c.status() + (c.outcome() == null ? "" : ": " + c.outcome())).orElse(null);
    }
    Map<String, Object> result = ImplementationPlan.itemResult(
        (Map<String, ?>) execution.getVariable("planItem"),
        execution.getVariable("outcome"),
        execution.getVariable("spentAmount"),
        execution.getVariable("payee"),
        execution.getVariable("purpose"),
        execution.getVariable("date"),
        linkedCaseNumber,
        linkedCaseOutcome);
    Object recorded = execution.getProcessInstance().getVariable("itemResults");
    List<Map<String, Object>> results = ImplementationPlan.withResult(
        recorded instanceof Collection<?> list ? (Collection<Map<String, ?>>) list : List.of(), result);
    execution.getProcessInstance().setVariable("itemResults", Variables.objectValue(results)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());

    Object outcome = result.get("outcome") != null ? result.get("outcome") : result.get("linkedCaseOutcome");
    Object amount = result.get("spentAmount");
    records.setItemResult(execution.getProcessBusinessKey(), ((Number) result.get("itemNumber")).intValue(),
        outcome == null ? null : outcome.toString(), amount == null ? null : new BigDecimal(amount.toString()),
        (String) result.get("payee"), (String) result.get("purpose"), (String) result.get("date"),
        TopicTime.now());
  }
}
