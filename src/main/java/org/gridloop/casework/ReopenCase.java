package org.gridloop.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** The resident was unsatisfied: the case goes back to the street (重办), flagged as escalated. */
@Component("reopenCase")
public class ReopenCase implements JavaDelegate {

  private final CaseRecords records;

  public ReopenCase(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object current = execution.getVariable("reopenCount");
    int reopenCount = (current instanceof Number n ? n.intValue() : 0) + 1;
    execution.setVariable("reopenCount", reopenCount);
    execution.setVariable("escalated", true);
    String caseNumber = execution.getProcessBusinessKey();
    records.setReopenCount(caseNumber, reopenCount);
    records.setStatus(caseNumber, CaseStatus.IN_PROGRESS, "street");
    // Why: the resident's comment (API) or, after a call-back, the reason the grid worker recorded.
    Object comment = execution.getVariable("unsatisfiedReason") != null
        ? execution.getVariable("unsatisfiedReason") : execution.getVariable("ratingComment");
    records.addEvent(caseNumber, ClockUtil.getCurrentTime(), "reopened", null, null, "resident",
        "第 " + reopenCount + " 次重办 Reopened (" + reopenCount + ")" + (comment == null ? "" : ": " + comment), true);
  }
}
