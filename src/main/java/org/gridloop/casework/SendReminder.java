package org.gridloop.casework;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * A reminder timer fired before a deadline: mails the task's assignee, or its candidate group
 * when nobody has claimed it. The task is the one the reminder's boundary event is attached to
 * (for a department, the one of that department).
 */
@Component("sendReminder")
public class SendReminder implements JavaDelegate {

  private final TaskService tasks;
  private final CaseMails mails;

  public SendReminder(TaskService tasks, CaseMails mails) {
    this.tasks = tasks;
    this.mails = mails;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String taskKey = remindedTask(execution);
    Object department = execution.getVariable("department");
    List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(taskKey).list();
    for (Task task : open) {
      if (department != null && !Objects.equals(department, tasks.getVariable(task.getId(), "department"))) {
        continue;
      }
      if (task.getAssignee() != null) {
        mails.toUser("task-reminder", task.getAssignee(), execution.getProcessBusinessKey(), task.getName(),
            task.getDueDate(), execution.getProcessInstanceId());
      } else {
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
            mails.toGroup("task-reminder", link.getGroupId(), execution.getProcessBusinessKey(), task.getName(),
                task.getDueDate(), execution.getProcessInstanceId());
          }
        }
      }
    }
  }

  /** The user task whose boundary timer led to this service task. */
  static String remindedTask(DelegateExecution execution) {
    FlowNode here = (FlowNode) execution.getBpmnModelElementInstance();
    for (SequenceFlow incoming : here.getIncoming()) {
      if (incoming.getSource() instanceof BoundaryEvent boundary) {
        return boundary.getAttachedTo().getId();
      }
    }
    throw new IllegalStateException(here.getId() + " is not reached from a boundary timer of a user task");
  }
}
