package org.gridloop.casework;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridloop.org.GroupIds;
import org.springframework.stereotype.Component;

/**
 * Tells the reporter what happened to their case (input parameter {@code notice}: accepted,
 * stepChanged, rejected, resolved, closed) and records the public status.
 */
@Component("notifyReporter")
public class NotifyReporter implements JavaDelegate {

  private final CaseRecords records;
  private final CaseMails mails;
  private final CategoryCatalogue categories;
  private final CaseLinks links;
  private final CaseVariables caseVars;

  public NotifyReporter(CaseRecords records, CaseMails mails, CategoryCatalogue categories, CaseLinks links,
      CaseVariables caseVars) {
    this.records = records;
    this.mails = mails;
    this.categories = categories;
    this.links = links;
    this.caseVars = caseVars;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String notice = (String) execution.getVariable("notice");
    String caseNumber = execution.getProcessBusinessKey();
    CaseRecords.CaseRow row = records.find(caseNumber).orElseThrow(() ->
        new IllegalStateException("No case record " + caseNumber + " for process instance " + execution.getProcessInstanceId()));
    String pid = execution.getProcessInstanceId();
    Map<String, Object> model = new HashMap<>();
    String template;
    switch (notice) {
      case "accepted" -> {
        template = "case-accepted";
        String category = (String) execution.getVariable("category");
        model.put("categoryName", categories.find(category)
            .map(c -> c.nameZh() + " " + c.nameEn()).orElse(category));
        model.put("address", execution.getVariable("address"));
        event(caseNumber, "accepted", "案件已受理 Case accepted");
      }
      case "stepChanged" -> {
        template = "case-step-changed";
        String step = String.valueOf(execution.getVariable("step"));
        String stepName = STEP_NAMES.getOrDefault(step, step);
        model.put("stepName", stepName);
        model.put("unitName", unitInCharge(step, execution));
        records.setStatus(caseNumber, CaseStatus.IN_PROGRESS, null);
        event(caseNumber, "stepChanged", stepName);
      }
      case "rejected" -> {
        template = "case-rejected";
        String reason = String.valueOf(execution.getVariable("rejectReason"));
        model.put("reason", reason);
        records.close(caseNumber, CaseStatus.REJECTED, ClockUtil.getCurrentTime());
        event(caseNumber, "rejected", "不予受理 Rejected: " + reason);
      }
      case "resolved" -> {
        template = "case-resolved";
        String outcome = latestOutcome(execution, records);
        model.put("outcome", outcome);
        model.put("ratingUrl", links.rating(caseNumber, row.ratingToken()));
        records.setOutcome(caseNumber, outcome);
        records.setStatus(caseNumber, CaseStatus.AWAITING_RATING, null);
        event(caseNumber, "resolved", outcome);
      }
      case "closed" -> template = "case-closed";
      default -> throw new IllegalArgumentException("Unknown notice '" + notice + "' in " + execution.getCurrentActivityId());
    }
    mails.toReporter(template, row, pid, model);
  }

  /** What the resident reads for each public step change (input parameter {@code step}). */
  static final Map<String, String> STEP_NAMES = Map.of(
      "calledToStreet", "已转镇街处置 Called to the street",
      "departmentsSummoned", "已召集职能部门 Departments summoned",
      "reopened", "已重办 Reopened");

  private String unitInCharge(String step, DelegateExecution execution) {
    if ("departmentsSummoned".equals(step)) {
      return String.join("、", caseVars.list(execution.getVariable("departments")).stream()
          .map(code -> mails.groupName(GroupIds.department(code))).toList());
    }
    return mails.groupName(GroupIds.street((String) execution.getVariable("streetId")));
  }

  /** The handling result: each department's last reported result, else the street's or the grid's note. */
  static String latestOutcome(DelegateExecution execution, CaseRecords records) {
    // Only this round's results: after a reopen, the departments' earlier results are history.
    java.util.Date since = records.events(execution.getProcessBusinessKey()).stream()
        .filter(e -> "reopened".equals(e.kind())).map(CaseRecords.EventRow::at)
        .reduce((first, last) -> last).orElse(new java.util.Date(0));
    Map<String, String> byDepartment = new java.util.LinkedHashMap<>();
    records.steps(execution.getProcessBusinessKey()).stream()
        .filter(s -> "department-handling".equals(s.step()) && s.outcome() != null && !s.startedAt().before(since))
        .forEach(s -> byDepartment.put(s.department(), s.outcome()));
    if (!byDepartment.isEmpty()) {
      StringBuilder text = new StringBuilder();
      byDepartment.forEach((department, result) -> text.append(department).append(": ").append(result).append("\n"));
      return text.toString().trim();
    }
    for (String name : new String[] {"streetNote", "gridNote"}) {
      Object value = execution.getVariable(name);
      if (value != null && !value.toString().isBlank()) {
        return value.toString();
      }
    }
    return "已处置 Handled";
  }

  private void event(String caseNumber, String kind, String detail) {
    records.addEvent(caseNumber, ClockUtil.getCurrentTime(), kind, null, null, "system", detail, true);
  }
}
