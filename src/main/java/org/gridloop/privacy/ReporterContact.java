package org.gridloop.privacy;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.gridloop.casework.CaseRecords.CaseRow;
import org.gridloop.org.GroupIds;
import org.gridloop.privacy.ContactReadLog.Basis;
import org.gridloop.privacy.ContactReadLog.Entry;
import org.gridloop.security.CurrentUser.Caller;
import org.gridloop.system.ApiErrors.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A resident's contact data (name, phone, e-mail), for whoever holds the case's call-back task (its
 * assignee, or a member of its candidate group while it is open) and for supervisors who say why.
 * Nobody else, administrators included: they manage identity, they do not call residents. Every
 * look is logged before anything is shown, refused ones too.
 */
@Service
public class ReporterContact {

  /** A supervisor's reason: long enough to say something ("核查投诉" is four characters). */
  static final int REASON_MIN = 4;

  /** What the caller may see, and on what basis. */
  public record Shown(String caseNumber, String name, String phone, String email, Basis basis, Date readAt) {}

  private final TaskService tasks;
  private final ReporterContactSteps steps;
  private final ContactReadLog log;

  public ReporterContact(TaskService tasks, ReporterContactSteps steps, ContactReadLog log) {
    this.tasks = tasks;
    this.steps = steps;
    this.log = log;
  }

  /**
   * @throws InvalidInput naming {@code reason} for a supervisor without one (or a reason too long)
   * @throws ResponseStatusException 403 for anyone else
   */
  public Shown read(Caller caller, CaseRow row, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > ContactReadLog.REASON_MAX) {
      throw new InvalidInput("reason", "must be at most " + ContactReadLog.REASON_MAX + " characters");
    }
    Date now = ClockUtil.getCurrentTime();
    Optional<Task> callBack = callBackHeldBy(caller, row.caseNumber());
    if (callBack.isPresent()) {
      log.record(new Entry(row.caseNumber(), caller.userId(), now, Basis.callBack, callBack.get().getId(), why, true));
      return shown(row, Basis.callBack, now);
    }
    if (caller.groups().contains(GroupIds.SUPERVISORS)) {
      if (why == null || why.length() < REASON_MIN) {
        log.record(new Entry(row.caseNumber(), caller.userId(), now, Basis.supervisor, null, why, false));
        throw new InvalidInput("reason", "is required for supervisors: why you need this resident's contact (at least "
            + REASON_MIN + " characters); it is logged with your name");
      }
      log.record(new Entry(row.caseNumber(), caller.userId(), now, Basis.supervisor, null, why, true));
      return shown(row, Basis.supervisor, now);
    }
    log.record(new Entry(row.caseNumber(), caller.userId(), now, Basis.none, null, why, false));
    throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only whoever holds the call-back task of case "
        + row.caseNumber() + ", or a supervisor giving a reason, may read the resident's contact");
  }

  /** The open call-back task of the case that the caller is assigned or a candidate for. */
  private Optional<Task> callBackHeldBy(Caller caller, String caseNumber) {
    // GridLoop's own API thread has no engine authentication: the query sees every task, and the
    // check below is what decides.
    return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).active().list().stream()
        .filter(task -> steps.showsContact(task.getProcessDefinitionId(), task.getTaskDefinitionKey()))
        .filter(task -> caller.userId().equals(task.getAssignee()) || isCandidate(caller, task))
        .findFirst();
  }

  private boolean isCandidate(Caller caller, Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().anyMatch(link ->
        IdentityLinkType.CANDIDATE.equals(link.getType())
            && (caller.userId().equals(link.getUserId())
                || link.getGroupId() != null && caller.groups().contains(link.getGroupId())));
  }

  private static Shown shown(CaseRow row, Basis basis, Date now) {
    return new Shown(row.caseNumber(), row.reporterName(), row.reporterPhone(), row.reporterEmail(), basis, now);
  }
}
