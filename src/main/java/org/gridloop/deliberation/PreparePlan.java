package org.gridloop.deliberation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code prepare-plan} (整理实施计划): reads {@code plan} as submitted by the task
 * {@code plan-implementation} and writes {@code planItems}, the collection the multi-instance
 * subprocess {@code implement-item} runs over (see {@link ImplementationPlan}), and an empty
 * {@code itemResults}. An incomplete plan throws, so completing the task fails with the reason
 * and the task stays open.
 */
@Component("preparePlan")
public class PreparePlan implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> items = ImplementationPlan.planItems(execution.getVariable("plan"));
        execution.setVariable("planItems", Variables.objectValue(items)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        execution.setVariable("itemResults", Variables.objectValue(new ArrayList<>())
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
