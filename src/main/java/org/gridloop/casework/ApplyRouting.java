package org.gridloop.casework;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Copies the result of the routing decision ({@code routing}, from case-routing.dmn) into the
 * case's variables: the first level, the departments to summon (a JSON array, so the street's
 * form can prefill its checklist) and one ISO duration per step deadline.
 */
@Component("applyRouting")
public class ApplyRouting implements JavaDelegate {

  static final List<String> DEADLINES = List.of("gridHandlingDeadline", "streetAcceptanceDeadline",
      "streetHandlingDeadline", "reportInDeadline", "departmentHandlingDeadline", "streetReviewDeadline",
      "callBackDeadline");

  private final CaseVariables caseVars;
  private final CaseRecords records;

  public ApplyRouting(CaseVariables caseVars, CaseRecords records) {
    this.caseVars = caseVars;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object result = execution.getVariable("routing");
    if (!(result instanceof Map<?, ?> routing)) {
      throw new IllegalStateException("case-routing gave no single result for category '"
          + execution.getVariable("category") + "' and urgency '" + execution.getVariable("urgency") + "'");
    }
    String firstLevel = String.valueOf(routing.get("firstLevel"));
    execution.setVariable("firstLevel", firstLevel);
    List<String> departments = caseVars.list(routing.get("departments"));
    execution.setVariable("departments", SpinValues.jsonValue(Spin.JSON(departments)).create());
    for (String deadline : DEADLINES) {
      Object value = routing.get(deadline);
      execution.setVariable(deadline, value == null || value.toString().isBlank() ? null : value.toString());
    }
    records.setStatus(execution.getProcessBusinessKey(), CaseStatus.ACCEPTED, firstLevel);
    // Cases started by a call activity (a four-affairs plan item) learn their instance here.
    records.setProcessInstance(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
