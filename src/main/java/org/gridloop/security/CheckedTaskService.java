package org.gridloop.security;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridloop.forms.TaskSubmissions;

/**
 * The engine's task service with GridLoop's rules for staff (see {@link StaffCaller}): completing
 * a task sets only what the task's form lets them set ({@link TaskSubmissions}); BPMN errors and
 * escalations thrown from a task, and resolving a delegated one, which carry variables past the
 * form, are the administrator's. Staff hold TASK_WORK on their groups' tasks (claim, complete), not UPDATE, so the
 * engine refuses them the rest (variables, due dates, names); two harmless changes Tasklist offers
 * are let through here: giving back a task one holds (unclaim) and one's own follow-up date.
 */
class CheckedTaskService extends TaskServiceImpl {

  private final TaskSubmissions submissions;

  CheckedTaskService(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    commandExecutor.execute(context -> new CompleteTaskCmd(taskId, allowed(context, taskId, variables), false, false)
        .execute(context));
  }

  @Override
  public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables,
      boolean deserializeValues) {
    return commandExecutor.execute(context -> new CompleteTaskCmd(taskId, allowed(context, taskId, variables), true,
        deserializeValues).execute(context));
  }

  /** Staff cannot delegate (TASK_ASSIGN is not theirs), so resolving a delegated task is the administrator's. */
  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    commandExecutor.execute(context -> {
      refuseStaff(context, "resolve delegated tasks");
      return new ResolveTaskCmd(taskId, variables).execute(context);
    });
  }

  @Override
  public void resolveTask(String taskId) {
    resolveTask(taskId, null);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    commandExecutor.execute(context -> {
      refuseStaff(context, "throw BPMN errors from a task");
      return null;
    });
    super.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode, String errorMessage) {
    handleBpmnError(taskId, errorCode, errorMessage, null);
  }

  @Override
  public void handleBpmnError(String taskId, String errorCode) {
    handleBpmnError(taskId, errorCode, null, null);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
    commandExecutor.execute(context -> {
      refuseStaff(context, "raise escalations from a task");
      return null;
    });
    super.handleEscalation(taskId, escalationCode, variables);
  }

  @Override
  public void handleEscalation(String taskId, String escalationCode) {
    handleEscalation(taskId, escalationCode, null);
  }

  /** Unclaiming a task one holds needs no more than holding it. */
  @Override
  public void setAssignee(String taskId, String userId) {
    commandExecutor.execute(context -> {
      TaskEntity task = context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(taskId));
      boolean givingBack = userId == null && task != null && StaffCaller.isRestricted(context)
          && Objects.equals(task.getAssignee(), context.getAuthentication().getUserId());
      if (givingBack) {
        return context.runWithoutAuthorization(() -> new AssignTaskCmd(taskId, null).execute(context));
      }
      return new AssignTaskCmd(taskId, userId).execute(context);
    });
  }

  /**
   * Tasklist saves the whole task to set a follow-up date: a staff member of the task may change
   * that date and nothing else.
   */
  @Override
  public void saveTask(Task task) {
    commandExecutor.execute(context -> {
      TaskEntity stored = task.getId() == null ? null
          : context.runWithoutAuthorization(() -> context.getTaskManager().findTaskById(task.getId()));
      if (stored != null && StaffCaller.isRestricted(context) && onlyFollowUpChanged(stored, task)
          && worksOn(context, stored)) {
        return context.runWithoutAuthorization(() -> new SaveTaskCmd(task).execute(context));
      }
      return new SaveTaskCmd(task).execute(context);
    });
  }


  private Map<String, Object> allowed(CommandContext context, String taskId, Map<String, Object> variables) {
    return StaffCaller.allowedSubmission(submissions, context, taskId, variables);
  }

  private static void refuseStaff(CommandContext context, String what) {
    if (StaffCaller.isRestricted(context)) {
      throw new AuthorizationException("Only the administrator may " + what + "; complete the task with its form");
    }
  }

  private static boolean onlyFollowUpChanged(TaskEntity stored, Task wanted) {
    return Objects.equals(stored.getName(), wanted.getName())
        && Objects.equals(stored.getDescription(), wanted.getDescription())
        && Objects.equals(stored.getAssignee(), wanted.getAssignee())
        && Objects.equals(stored.getOwner(), wanted.getOwner())
        && Objects.equals(stored.getDelegationState(), wanted.getDelegationState())
        && sameTime(stored.getDueDate(), wanted.getDueDate())
        && stored.getPriority() == wanted.getPriority()
        && Objects.equals(stored.getParentTaskId(), wanted.getParentTaskId())
        && Objects.equals(stored.getCaseInstanceId(), wanted.getCaseInstanceId())
        && Objects.equals(stored.getTenantId(), wanted.getTenantId());
  }

  private static boolean sameTime(java.util.Date a, java.util.Date b) {
    return a == null ? b == null : b != null && a.getTime() == b.getTime();
  }

  /** The caller holds the task or is in one of its candidate groups. */
  private static boolean worksOn(CommandContext context, TaskEntity task) {
    String userId = context.getAuthentication().getUserId();
    if (userId.equals(task.getAssignee())) {
      return true;
    }
    var groups = context.getAuthentication().getGroupIds();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())
          && (userId.equals(link.getUserId()) || (groups != null && groups.contains(link.getGroupId())))) {
        return true;
      }
    }
    return false;
  }
}
