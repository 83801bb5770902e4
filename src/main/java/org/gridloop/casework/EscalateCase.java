package org.gridloop.casework;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.org.GroupIds;
import org.springframework.stereotype.Component;

/**
 * A deadline passed (input parameter {@code escalation}: gridOverdue, streetOverdue,
 * reportInOverdue, departmentOverdue). Records the escalation on the case — what, when, who, why —
 * flags the case, and mails the district supervisors for every level above the grid. Where the case
 * goes next (to the street, to a supervise task) is the model's business.
 */
@Component("escalateCase")
public class EscalateCase implements JavaDelegate {

  /** Who escalates: no person, the deadline itself. */
  static final String ACTOR = "system:deadline";

  private final CaseRecords records;
  private final CaseMails mails;

  public EscalateCase(CaseRecords records, CaseMails mails) {
    this.records = records;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String escalation = (String) execution.getVariable("escalation");
    String caseNumber = execution.getProcessBusinessKey();
    String unit;
    String deadline;
    String step;
    switch (escalation) {
      case "gridOverdue" -> {
        unit = GroupIds.grid((String) execution.getVariable("gridId"));
        deadline = (String) execution.getVariable("gridHandlingDeadline");
        step = "grid-handling";
      }
      case "streetOverdue" -> {
        unit = GroupIds.street((String) execution.getVariable("streetId"));
        deadline = execution.getVariable("streetHandlingDeadline") != null
            && "street-handling".equals(openStreetStep(execution))
            ? (String) execution.getVariable("streetHandlingDeadline")
            : (String) execution.getVariable("streetAcceptanceDeadline");
        step = openStreetStep(execution);
      }
      case "reportInOverdue" -> {
        unit = GroupIds.department((String) execution.getVariable("department"));
        deadline = (String) execution.getVariable("reportInDeadline");
        step = "department-report-in";
      }
      case "departmentOverdue" -> {
        unit = GroupIds.department((String) execution.getVariable("department"));
        deadline = (String) execution.getVariable("departmentHandlingDeadline");
        step = "department-handling";
      }
      default -> throw new IllegalArgumentException("Unknown escalation '" + escalation + "'");
    }
    Date now = ClockUtil.getCurrentTime();
    String reason = mails.groupName(unit) + " 未在时限 " + deadline + " 内办理 did not act within " + deadline;
    records.addEvent(caseNumber, now, escalation, step, unit, ACTOR, reason, true);
    records.flagEscalated(caseNumber);
    execution.setVariable("escalated", true);
    if (!"gridOverdue".equals(escalation)) {
      mails.toSupervisors(caseNumber, escalation, unit, reason, now, execution.getProcessInstanceId());
    }
  }

  /** Which street step is open: acceptance or handling (the escalation sits on either). */
  private static String openStreetStep(DelegateExecution execution) {
    String activity = execution.getCurrentActivityId();
    return activity != null && activity.contains("handling") ? "street-handling" : "street-acceptance";
  }
}
