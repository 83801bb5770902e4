package org.gridloop.deliberation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code record-item-result} (记录事项结果): at the end of each instance of {@code implement-item},
 * adds the item's result (see {@link ImplementationPlan#itemResult}) to the process variable
 * {@code itemResults}, which {@code disclose-results} publishes. The item's own variables are
 * local to its instance, so parallel items never overwrite each other's; the task runs
 * asynchronously (exclusive job), so two items finishing at once are recorded one after the other.
 */
@Component("recordItemResult")
public class RecordItemResult implements JavaDelegate {

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Map<String, Object> result = ImplementationPlan.itemResult(
                (Map<String, ?>) execution.getVariable("planItem"),
                execution.getVariable("outcome"),
                execution.getVariable("spentAmount"),
                execution.getVariable("payee"),
                execution.getVariable("purpose"),
                execution.getVariable("date"),
                execution.getVariable("linkedCaseNumber"),
                execution.getVariable("linkedCaseOutcome"));
        Object recorded = execution.getProcessInstance().getVariable("itemResults");
        List<Map<String, Object>> results = ImplementationPlan.withResult(
                recorded instanceof Collection<?> list ? (Collection<Map<String, ?>>) list : List.of(), result);
        execution.getProcessInstance().setVariable("itemResults", Variables.objectValue(results)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
