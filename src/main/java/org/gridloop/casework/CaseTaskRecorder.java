package org.gridloop.casework;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.gridloop.notify.MailTemplates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every user task of a grid-call case as a step (who had it, from when, until when, due
 * when, on time or not, with what outcome) and tells the group that gets a new task. Listens to
 * the engine's task events (published as Spring events, in the engine's transaction), so the model
 * needs no listener on each task and a task added by a process owner is recorded too.
 */
@Component
public class CaseTaskRecorder {

  static final String PROCESS = "grid-call";
  /** The form field (and timeline event kind) of a note staff write for the public. */
  public static final String PUBLIC_NOTE = "publicNote";

  /** The form field that holds each task's decision. */
  private static final Map<String, String> OUTCOME_FIELDS = Map.of(
      "grid-handling", "gridOutcome",
      "street-acceptance", "streetDecision",
      "street-handling", "streetOutcome",
      "department-report-in", "reportInNote",
      "department-handling", "departmentResult",
      "street-review", "reviewOutcome",
      "call-back", "rating",
      "supervise-report-in", "superviseNote",
      "supervisor-review", "supervisorDecision");

  private final CaseRecords records;
  private final CaseMails mails;
  private final MailTemplates display;

  public CaseTaskRecorder(CaseRecords records, CaseMails mails, MailTemplates display) {
    this.records = records;
    this.mails = mails;
    this.display = display;
  }

  @EventListener
  public void onTask(DelegateTask task) {
    if (task.getProcessDefinitionId() == null || !task.getProcessDefinitionId().startsWith(PROCESS + ":")) {
      return;
    }
    String caseNumber = task.getExecution().getProcessBusinessKey();
    switch (task.getEventName()) {
      case TaskListener.EVENTNAME_CREATE -> created(task, caseNumber);
      case TaskListener.EVENTNAME_COMPLETE -> {
        ended(task, outcome(task), actor(task));
        publicNote(task, caseNumber);
      }
      case TaskListener.EVENTNAME_DELETE -> ended(task, "cancelled", "system");
      default -> { }
    }
  }

  private void created(DelegateTask task, String caseNumber) {
    String group = candidateGroup(task);
    String level = levelOf(task.getTaskDefinitionKey());
    Object department = task.getVariable("department");
    records.startStep(task.getId(), caseNumber, task.getTaskDefinitionKey(), task.getName(), level, group,
        department == null ? null : department.toString(), (String) task.getVariable("streetId"),
        ClockUtil.getCurrentTime(), task.getDueDate());
    showContext(task, caseNumber);
    if (!"call-back".equals(task.getTaskDefinitionKey())) {
      records.setStatus(caseNumber, CaseStatus.IN_PROGRESS, level);
    }
    if (group != null) {
      mails.toGroup("task-assigned", group, caseNumber, task.getName(), task.getDueDate(), task.getProcessInstanceId());
    }
  }

  /**
   * What the task's form shows besides the case variables, as task-local variables: the deadline
   * and the earlier steps with their outcomes. Nothing of the reporter: variables are readable by
   * every unit of the case and kept in history; the call-back's holder reads the contact through
   * Tasklist's Contact tab (org.gridloop.privacy).
   */
  private void showContext(DelegateTask task, String caseNumber) {
    task.setVariableLocal("dueAt", display.format(task.getDueDate()));
    StringBuilder history = new StringBuilder();
    for (CaseRecords.StepRow step : records.steps(caseNumber)) {
      if (step.endedAt() != null) {
        history.append(display.format(step.endedAt())).append("  ").append(step.stepName())
            .append(step.department() == null ? "" : " (" + step.department() + ")")
            .append(": ").append(step.outcome()).append('\n');
      }
    }
    task.setVariableLocal("caseHistory", history.isEmpty() ? "-" : history.toString().trim());
  }

  private void ended(DelegateTask task, String outcome, String actor) {
    Date now = ClockUtil.getCurrentTime();
    records.endStep(task.getId(), now, outcome, actor);
  }

  /**
   * The optional {@value #PUBLIC_NOTE} of a handling form, written by staff for the public: recorded on
   * the case's timeline as public (the one staff text public views show), then removed, so the
   * next step's form starts empty and the same note is not recorded twice.
   */
  private void publicNote(DelegateTask task, String caseNumber) {
    Object note = task.getVariable(PUBLIC_NOTE);
    if (note != null && !note.toString().isBlank()) {
      records.addEvent(caseNumber, ClockUtil.getCurrentTime(), PUBLIC_NOTE, task.getTaskDefinitionKey(),
          candidateGroup(task), actor(task), note.toString().strip(), true);
    }
    if (note != null) {
      task.removeVariable(PUBLIC_NOTE);
    }
  }

  private static String outcome(DelegateTask task) {
    String field = OUTCOME_FIELDS.get(task.getTaskDefinitionKey());
    Object value = field == null ? null : task.getVariable(field);
    return value == null ? "completed" : truncate(value.toString(), 1000);
  }

  private static String actor(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : "unknown";
  }

  private static String candidateGroup(DelegateTask task) {
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        return link.getGroupId();
      }
    }
    return null;
  }

  /** The level a step belongs to, for the SLA views: grid, street, department or district. */
  static String levelOf(String taskKey) {
    if (taskKey.startsWith("department-")) {
      return "department";
    }
    if (taskKey.startsWith("street-")) {
      return "street";
    }
    if (taskKey.startsWith("supervis")) {
      return "district";
    }
    return "grid";
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
