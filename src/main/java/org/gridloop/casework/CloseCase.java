package org.gridloop.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 办结: records the rating and closes the case for the public board and the rankings. */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private final CaseRecords records;

  public CloseCase(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = execution.getProcessBusinessKey();
    String rating = (String) execution.getVariable("rating");
    String comment = (String) execution.getVariable("ratingComment");
    records.setRating(caseNumber, rating, comment);
    records.close(caseNumber, CaseStatus.CLOSED, ClockUtil.getCurrentTime());
    records.addEvent(caseNumber, ClockUtil.getCurrentTime(), "closed", null, null, "system",
        "办结 Closed" + (rating == null ? "" : " (" + rating + ")"), true);
  }
}
